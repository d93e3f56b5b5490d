/**
 * Auto-configuration for paig-db.
 */
@NullMarked
package io.paig.db.autoconfigure;

import org.jspecify.annotations.NullMarked;
