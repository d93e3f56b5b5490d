/**
 * Actuator support for paig-db migrations: the health.
 */
@NullMarked
package io.paig.db.actuate.health;

import org.jspecify.annotations.NullMarked;
