package io.paig.db.autoconfigure;

import io.paig.db.migration.MigrationException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a migration that stopped start-up: a failed revision (which, the changeset, the
 * file, the database's error), an edited applied revision, pending revisions in
 * {@code validate} mode, a lock held too long, a history that is not one line.
 *
 * @author paig-db authors
 */
class MigrationFailureAnalyzer extends AbstractFailureAnalyzer<MigrationException> {

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, MigrationException cause) {
		return new FailureAnalysis(cause.getDescription(), cause.getAction(), cause);
	}

}
