/**
 * paig-db's adapter to Liquibase: a session that parses the changelog, reads the history
 * table and runs updates, rollbacks and SQL generation on one connection, and the
 * listeners that follow a run revision by revision.
 */
@NullMarked
package io.paig.db.migration.liquibase;

import org.jspecify.annotations.NullMarked;
