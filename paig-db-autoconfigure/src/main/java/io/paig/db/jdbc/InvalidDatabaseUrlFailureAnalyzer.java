package io.paig.db.jdbc;

import io.paig.db.url.InvalidDatabaseUrlException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@code database.url} that cannot be used: what is wrong, and what to write
 * instead.
 *
 * @author paig-db authors
 */
class InvalidDatabaseUrlFailureAnalyzer extends AbstractFailureAnalyzer<InvalidDatabaseUrlException> {

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, InvalidDatabaseUrlException cause) {
		String subject = (cause.getMaskedUrl() != null) ? "The database URL '" + cause.getMaskedUrl() + "'"
				: "The database URL";
		String description = subject + " cannot be used: " + cause.getProblem()
				+ "\n\nIt comes from the property 'database.url' (with 'database.username' and 'database.password' "
				+ "when set).";
		return new FailureAnalysis(description, cause.getAction(), cause);
	}

}
