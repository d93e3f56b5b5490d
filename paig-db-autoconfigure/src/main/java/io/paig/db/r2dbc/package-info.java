/**
 * R2DBC connection details for a {@code database.url}, for reactive applications.
 */
@NullMarked
package io.paig.db.r2dbc;

import org.jspecify.annotations.NullMarked;
