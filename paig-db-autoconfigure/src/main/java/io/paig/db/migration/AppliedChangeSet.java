package io.paig.db.migration;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A row of Liquibase's history table: a changeset the database has run.
 *
 * @param id the changeset id
 * @param author the changeset author
 * @param file the changelog path as recorded
 * @param executedAt when it ran
 * @param orderExecuted its place in the order of execution
 * @param execType how it ran ({@code EXECUTED}, {@code MARK_RAN}, {@code RERAN}, ...)
 * @param checksum the checksum recorded, or {@code null}
 * @param description Liquibase's description of its changes
 * @param tag the tag on it, or {@code null}
 * @param deploymentId the id of the run that applied it
 * @author paig-db authors
 */
public record AppliedChangeSet(String id, String author, String file, @Nullable Instant executedAt, int orderExecuted,
		String execType, @Nullable String checksum, @Nullable String description, @Nullable String tag,
		@Nullable String deploymentId) {

	/**
	 * Whether this row records the given changeset.
	 * @param changeSet the changeset
	 * @return {@code true} when id, author and file match
	 */
	public boolean isFor(ChangeSetRef changeSet) {
		return changeSet.is(this.id, this.author, this.file);
	}

	/**
	 * The key its changeset's {@link ChangeSetRef#key()} has.
	 * @return the key
	 */
	public String key() {
		return ChangeSetRef.key(this.id, this.author, this.file);
	}

}
