package io.paig.db.actuate.endpoint;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.paig.db.migration.AppliedChangeSet;
import io.paig.db.migration.ChangeSetRef;
import io.paig.db.migration.LockHolder;
import io.paig.db.migration.MigrationException;
import io.paig.db.migration.MigrationRun;
import io.paig.db.migration.MigrationState;
import io.paig.db.migration.MigrationStatus;
import io.paig.db.migration.Revision;
import io.paig.db.migration.RevisionHistory.UnknownRevisionException;
import io.paig.db.migration.runner.MigrationRunner;
import io.paig.db.url.Secrets;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * {@link Endpoint @Endpoint} that tells where the database stands: pending and applied
 * revisions, the last run, the lock, the database. Its state comes from the same revision
 * model the runner uses, with the same history table, schema and changelog settings.
 *
 * @author paig-db authors
 */
@Endpoint(id = "migrations")
public class MigrationsEndpoint {

	private final MigrationRunner runner;

	private final DataSource dataSource;

	private final @Nullable String databaseUrl;

	/**
	 * Create an endpoint.
	 * @param runner the runner
	 * @param dataSource the migrated DataSource
	 * @param databaseUrl the configured database URL, masked, or {@code null}
	 */
	public MigrationsEndpoint(MigrationRunner runner, DataSource dataSource, @Nullable String databaseUrl) {
		this.runner = runner;
		this.dataSource = dataSource;
		this.databaseUrl = databaseUrl;
	}

	/**
	 * Where the database stands.
	 * @return the document
	 */
	@ReadOperation
	public MigrationsDescriptor migrations() {
		MigrationStatus status = this.runner.status();
		LockHolder lock = this.runner.lockHolder();
		MigrationState state = this.runner.state(status, lock);
		List<RevisionDescriptor> applied = new ArrayList<>();
		for (Revision revision : status.getAppliedRevisions()) {
			applied.add(RevisionDescriptor.of(revision, status));
		}
		Collections.reverse(applied);
		return new MigrationsDescriptor(state, RevisionSummary.of(status.getCurrent()),
				RevisionSummary.of(status.getHistory().getHead()),
				status.getPendingRevisions()
					.stream()
					.map((revision) -> RevisionDescriptor.of(revision, status))
					.toList(),
				applied, LastRunDescriptor.of(this.runner.getLastRun()), LockDescriptor.of(lock), database(),
				status.getEdited().stream().map(Object::toString).toList());
	}

	/**
	 * One revision in full.
	 * @param revision the revision id, or a unique prefix of it
	 * @return the revision; 404 when none matches; 400 with the candidates when the
	 * prefix fits several
	 */
	@ReadOperation
	public WebEndpointResponse<Object> revision(@Selector String revision) {
		MigrationStatus status = this.runner.status();
		try {
			return new WebEndpointResponse<>(RevisionDescriptor.of(status.getHistory().find(revision), status));
		}
		catch (UnknownRevisionException ex) {
			if (ex.getCandidates().isEmpty()) {
				return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
			}
			return new WebEndpointResponse<>(
					new Ambiguous(ex.getMessage(), ex.getCandidates().stream().map(RevisionSummary::of).toList()),
					WebEndpointResponse.STATUS_BAD_REQUEST);
		}
	}

	private DatabaseDescriptor database() {
		try (Connection connection = this.dataSource.getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			String url = (this.databaseUrl != null) ? this.databaseUrl
					: (metaData.getURL() != null) ? Secrets.maskJdbcUrl(metaData.getURL()) : null;
			return new DatabaseDescriptor(metaData.getDatabaseProductName(), metaData.getDatabaseProductVersion(), url);
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not read the database's metadata: " + ex.getMessage(),
					"Check that the database can be reached.", ex);
		}
	}

	/**
	 * A revision prefix that fits several revisions.
	 *
	 * @param error what is wrong
	 * @param candidates the revisions it fits
	 */
	public record Ambiguous(String error, List<RevisionSummary> candidates) {
	}

	/**
	 * The whole document.
	 *
	 * @param status where migrations stand
	 * @param current the revision the database is at
	 * @param head the newest revision
	 * @param pending the revisions not yet applied, in order
	 * @param applied the applied revisions, newest first
	 * @param lastRun this instance's last run
	 * @param lock the migration lock
	 * @param database the database
	 * @param edited applied changesets whose files changed since they ran
	 */
	public record MigrationsDescriptor(MigrationState status, RevisionSummary current, @Nullable RevisionSummary head,
			List<RevisionDescriptor> pending, List<RevisionDescriptor> applied, @Nullable LastRunDescriptor lastRun,
			LockDescriptor lock, DatabaseDescriptor database, List<String> edited) {
	}

	/**
	 * A revision by id and message.
	 *
	 * @param id the id, {@code base} when no revision is applied
	 * @param message the message
	 */
	public record RevisionSummary(String id, @Nullable String message) {

		static RevisionSummary of(@Nullable Revision revision) {
			return (revision != null) ? new RevisionSummary(revision.id(), revision.message())
					: new RevisionSummary("base", null);
		}

	}

	/**
	 * A revision with its changesets.
	 *
	 * @param id the id
	 * @param message the message
	 * @param parent the parent's id, or {@code null}
	 * @param file the changelog file
	 * @param applied whether every changeset ran
	 * @param reversible whether it can be downgraded
	 * @param changeSets its changesets, with what the history table records of each
	 */
	public record RevisionDescriptor(String id, String message, @Nullable String parent, String file, boolean applied,
			boolean reversible, List<ChangeSetDescriptor> changeSets) {

		static RevisionDescriptor of(Revision revision, MigrationStatus status) {
			List<ChangeSetDescriptor> changeSets = revision.changeSets()
				.stream()
				.map((changeSet) -> ChangeSetDescriptor.of(changeSet, status.getApplied()))
				.toList();
			return new RevisionDescriptor(revision.id(), revision.message(), revision.parent(), revision.file(),
					status.isApplied(revision), revision.isReversible(), changeSets);
		}

	}

	/**
	 * A changeset and, once it ran, its row in the history table.
	 *
	 * @param id the changeset id
	 * @param author the author
	 * @param file the changelog file
	 * @param executedAt when it ran
	 * @param execType how it ran
	 * @param checksum the checksum recorded
	 * @param deploymentId the run that applied it
	 * @param order its place in the order of execution
	 * @param tag the tag on its row
	 */
	public record ChangeSetDescriptor(String id, String author, String file, @Nullable Instant executedAt,
			@Nullable String execType, @Nullable String checksum, @Nullable String deploymentId,
			@Nullable Integer order, @Nullable String tag) {

		static ChangeSetDescriptor of(ChangeSetRef changeSet, List<AppliedChangeSet> rows) {
			AppliedChangeSet row = rows.stream()
				.filter((candidate) -> candidate.isFor(changeSet))
				.findFirst()
				.orElse(null);
			if (row == null) {
				return new ChangeSetDescriptor(changeSet.id(), changeSet.author(), changeSet.file(), null, null, null,
						null, null, null);
			}
			return new ChangeSetDescriptor(changeSet.id(), changeSet.author(), changeSet.file(), row.executedAt(),
					row.execType(), row.checksum(), row.deploymentId(), row.orderExecuted(), row.tag());
		}

	}

	/**
	 * This instance's last run.
	 *
	 * @param started when it started
	 * @param finished when it ended
	 * @param durationMillis how long it took
	 * @param from the revision before
	 * @param to the revision after
	 * @param revisions the revisions it applied or reverted
	 * @param revisionMillis how long each took
	 * @param outcome how it ended
	 * @param error what went wrong
	 */
	public record LastRunDescriptor(Instant started, Instant finished, long durationMillis, @Nullable String from,
			@Nullable String to, List<String> revisions, Map<String, Long> revisionMillis, MigrationRun.Outcome outcome,
			@Nullable String error) {

		static @Nullable LastRunDescriptor of(@Nullable MigrationRun run) {
			if (run == null) {
				return null;
			}
			Map<String, Long> millis = new LinkedHashMap<>();
			run.durations().forEach((id, duration) -> millis.put(id, duration.toMillis()));
			return new LastRunDescriptor(run.started(), run.finished(), run.duration().toMillis(), run.from(), run.to(),
					run.applied().stream().map(Revision::id).toList(), millis, run.outcome(), run.error());
		}

	}

	/**
	 * The migration lock.
	 *
	 * @param held whether it is held
	 * @param holder who holds it, as far as the database tells
	 * @param since since when
	 */
	public record LockDescriptor(boolean held, @Nullable String holder, @Nullable Instant since) {

		static LockDescriptor of(LockHolder lock) {
			return new LockDescriptor(lock.held(), lock.holder(), lock.since());
		}

	}

	/**
	 * The database.
	 *
	 * @param product its product name
	 * @param version its version
	 * @param url its URL, password masked
	 */
	public record DatabaseDescriptor(String product, String version, @Nullable String url) {
	}

}
