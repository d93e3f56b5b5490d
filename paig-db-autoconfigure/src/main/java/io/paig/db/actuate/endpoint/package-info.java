/**
 * Actuator support for paig-db migrations: the endpoint.
 */
@NullMarked
package io.paig.db.actuate.endpoint;

import org.jspecify.annotations.NullMarked;
