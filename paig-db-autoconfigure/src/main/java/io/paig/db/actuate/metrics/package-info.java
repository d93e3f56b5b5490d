/**
 * Actuator support for paig-db migrations: the metrics.
 */
@NullMarked
package io.paig.db.actuate.metrics;

import org.jspecify.annotations.NullMarked;
