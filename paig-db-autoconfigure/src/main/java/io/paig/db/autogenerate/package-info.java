/**
 * Autogenerate: the difference between the database and the JPA entities (Hibernate's
 * schema export on a scratch database, compared with Liquibase's diff), written as
 * changesets with rollbacks.
 */
@NullMarked
package io.paig.db.autogenerate;

import org.jspecify.annotations.NullMarked;
