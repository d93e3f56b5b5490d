/**
 * JDBC connection details and failure analysis for a {@code database.url}.
 */
@NullMarked
package io.paig.db.jdbc;

import org.jspecify.annotations.NullMarked;
