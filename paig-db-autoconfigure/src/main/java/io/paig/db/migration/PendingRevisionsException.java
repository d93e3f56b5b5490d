package io.paig.db.migration;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Start-up in {@code validate} mode found revisions not yet applied.
 *
 * @author paig-db authors
 */
public class PendingRevisionsException extends MigrationException {

	private final List<Revision> pending;

	public PendingRevisionsException(String database, List<Revision> pending) {
		super(pending.size() + " revision(s) of " + database + " are not applied yet: "
				+ pending.stream().map(Revision::toString).collect(Collectors.joining(", ")) + ".",
				"Apply them first ('db upgrade head', or one instance with database.migration.on-startup=upgrade), "
						+ "then start this instance again.");
		this.pending = List.copyOf(pending);
	}

	public List<Revision> getPending() {
		return this.pending;
	}

}
