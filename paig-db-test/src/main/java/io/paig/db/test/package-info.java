/**
 * The migration checks every project should run in CI: {@code @MigrationTest} and
 * {@link MigrationChecks}.
 */
@NullMarked
package io.paig.db.test;

import org.jspecify.annotations.NullMarked;
