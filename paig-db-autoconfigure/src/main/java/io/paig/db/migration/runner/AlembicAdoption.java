package io.paig.db.migration.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import io.paig.db.migration.MigrationException;
import io.paig.db.migration.MigrationRun;
import io.paig.db.migration.MigrationStatus;
import io.paig.db.migration.Revision;
import io.paig.db.migration.RevisionHistory;
import io.paig.db.migration.UnknownAlembicRevisionException;
import io.paig.db.migration.liquibase.LiquibaseSession;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Adopting a database that Alembic built: every revision up to the one
 * {@code alembic_version} names is recorded as applied, without running it, at the first
 * upgrade or with {@code db stamp --from-alembic}.
 *
 * @author paig-db authors
 */
final class AlembicAdoption extends Operation {

	private static final Log logger = LogFactory.getLog(AlembicAdoption.class);

	private final Stamp stamp;

	AlembicAdoption(RunContext context, Stamp stamp) {
		super(context);
		this.stamp = stamp;
	}

	/**
	 * Record the database at the revision {@code alembic_version} names
	 * ({@code db stamp --from-alembic}).
	 * @param started when the run started
	 * @return the run
	 */
	MigrationRun stamp(Instant started) {
		return this.context.locked((session, transaction, connection, clearStaleLock) -> {
			MigrationStatus status = session.status();
			List<String> versions = this.context.alembicVersionTable()
				.read(connection)
				.orElseThrow(() -> new MigrationException(
						"There is no alembic_version table in this database: Alembic did not build it.",
						"Record a revision by hand with 'db stamp <rev>' instead."));
			Revision at = revision(status.getHistory(), versions);
			int index = (at != null) ? status.getHistory().indexOf(at) : -1;
			MigrationStatus after = this.stamp.at(session, connection, status, index, "Stamped from alembic_version:");
			return MigrationRun.stamped(started, Revision.idOf(status.getCurrent()), Revision.idOf(after.getCurrent()));
		});
	}

	/**
	 * Adopt the database when paig-db has no history in it and {@code alembic_version}
	 * names a revision.
	 * @param session the session, under the lock
	 * @param connection its connection
	 * @param status where the database stands
	 * @return where it stands afterwards
	 * @throws Exception on a database or Liquibase error
	 */
	MigrationStatus adopt(LiquibaseSession session, Connection connection, MigrationStatus status) throws Exception {
		if (!this.context.settings().adoptAlembic() || !status.getApplied().isEmpty()) {
			return status;
		}
		List<String> versions = this.context.alembicVersionTable().read(connection).orElse(List.of());
		if (versions.isEmpty()) {
			return status;
		}
		Revision at = revision(status.getHistory(), versions);
		int index = status.getHistory().indexOf(at);
		logger.info("The database was built by Alembic and is at revision " + at + ": recording revisions "
				+ status.getHistory().getRevisions().get(0).id() + " to " + at.id() + " (" + (index + 1)
				+ ") as applied without running them; alembic_version is kept in step from now on");
		return this.stamp.at(session, connection, status, index, "Stamped");
	}

	/**
	 * The revisions {@code alembic_version} names, when paig-db may adopt the database;
	 * read on a connection of its own.
	 * @return the revisions, or {@code null} when there is nothing to adopt
	 */
	@Nullable String versionToAdopt() {
		if (!this.context.settings().adoptAlembic()) {
			return null;
		}
		try (Connection connection = this.context.connection()) {
			List<String> versions = this.context.alembicVersionTable().read(connection).orElse(List.of());
			return versions.isEmpty() ? null : String.join(", ", versions);
		}
		catch (SQLException | MigrationException ex) {
			return null;
		}
	}

	/**
	 * The revision {@code alembic_version} names.
	 * @param history the changelog's revisions
	 * @param versions the rows of {@code alembic_version}
	 * @return the revision, or {@code null} when Alembic has the database at base
	 * @throws UnknownAlembicRevisionException when the changelog has no such revision, or
	 * there are several
	 */
	private @Nullable Revision revision(RevisionHistory history, List<String> versions) {
		if (versions.isEmpty()) {
			return null;
		}
		if (versions.size() > 1) {
			throw new UnknownAlembicRevisionException(history.getChangelog(), versions,
					"several heads at once (a branched history), which a one-line history cannot follow.");
		}
		return history.get(versions.get(0))
			.orElseThrow(() -> new UnknownAlembicRevisionException(history.getChangelog(), versions,
					"a revision that the changelog " + history.getChangelog() + " does not have."));
	}

}
