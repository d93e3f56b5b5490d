/**
 * The migration lock: one holder at a time per database, released by the database when
 * its holder's connection ends (PostgreSQL advisory locks, MySQL/MariaDB
 * {@code GET_LOCK}), or a lock table with a lease where the database has neither
 * (SQLite).
 */
@NullMarked
package io.paig.db.migration.lock;

import org.jspecify.annotations.NullMarked;
