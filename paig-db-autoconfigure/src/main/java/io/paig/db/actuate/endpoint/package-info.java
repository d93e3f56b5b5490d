/**
 * Actuator support for paig-db migrations: the endpoints, {@code migrations} and
 * {@code liquibase} in Spring Boot's shape.
 */
@NullMarked
package io.paig.db.actuate.endpoint;

import org.jspecify.annotations.NullMarked;
