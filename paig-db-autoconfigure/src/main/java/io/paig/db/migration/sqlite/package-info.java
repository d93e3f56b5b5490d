/**
 * Column changes that SQLite makes in place: Liquibase's {@code addColumn} and
 * {@code dropColumn} (and {@code addColumn}'s derived rollback) as SQLite's own
 * {@code ALTER TABLE ... ADD COLUMN} and {@code ALTER TABLE ... DROP COLUMN}, instead of
 * Liquibase's rebuild of the table, which with foreign keys on points the tables that
 * refer to it at a copy that is then dropped (and deletes their rows with
 * {@code ON DELETE CASCADE}).
 */
@NullMarked
package io.paig.db.migration.sqlite;

import org.jspecify.annotations.NullMarked;
