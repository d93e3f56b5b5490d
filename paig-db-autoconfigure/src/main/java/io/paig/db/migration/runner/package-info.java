/**
 * The migration runner: {@link io.paig.db.migration.runner.MigrationRunner} and one class
 * per operation (upgrade, downgrade, stamp, Alembic adoption, offline SQL).
 */
@NullMarked
package io.paig.db.migration.runner;

import org.jspecify.annotations.NullMarked;
