package io.paig.db.migration.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.paig.db.jdbc.JdbcSupport;
import io.paig.db.jdbc.ServerFaults;
import io.paig.db.migration.AppliedChangeSet;
import io.paig.db.migration.ChangeSetRef;
import io.paig.db.migration.ConnectionEndedException;
import io.paig.db.migration.MigrationException;
import io.paig.db.migration.MigrationRun;
import io.paig.db.migration.MigrationSettings;
import io.paig.db.migration.MigrationStatus;
import io.paig.db.migration.Revision;
import io.paig.db.migration.RevisionFailedException;
import io.paig.db.migration.TableLockTimeoutException;
import io.paig.db.migration.fastcheck.ChangelogFingerprint;
import io.paig.db.migration.fastcheck.FastCheck;
import io.paig.db.migration.liquibase.LiquibaseSession;
import io.paig.db.migration.liquibase.RevisionTransaction;
import io.paig.db.migration.lock.MigrationLock;
import io.paig.db.migration.lock.MigrationLocks;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StringUtils;

/**
 * What every operation of a {@link MigrationRunner} works with: the database, the
 * settings, the changelogs and the fast check, and the steps they share (a Liquibase
 * session, the lock, errors translated into a {@link MigrationException}).
 *
 * @author paig-db authors
 */
final class RunContext {

	private static final Log logger = LogFactory.getLog(RunContext.class);

	private final DataSource dataSource;

	private final MigrationSettings settings;

	private final ResourceLoader resourceLoader;

	private final FastCheck fastCheck;

	RunContext(DataSource dataSource, MigrationSettings settings, ResourceLoader resourceLoader) {
		this.dataSource = dataSource;
		this.settings = settings;
		this.resourceLoader = resourceLoader;
		this.fastCheck = new FastCheck(dataSource, settings, resourceLoader);
	}

	DataSource dataSource() {
		return this.dataSource;
	}

	MigrationSettings settings() {
		return this.settings;
	}

	ResourceLoader resourceLoader() {
		return this.resourceLoader;
	}

	FastCheck fastCheck() {
		return this.fastCheck;
	}

	/**
	 * A connection of the application's DataSource.
	 * @return the connection, to close when done
	 * @throws MigrationException when the database cannot be reached
	 */
	Connection connection() {
		return translated(this.dataSource::getConnection, "Could not read where the database stands: ",
				"Check the changelog " + this.settings.changelog() + " and that the database can be reached.");
	}

	/**
	 * Where the database stands, read on a connection of its own.
	 * @return the status
	 */
	MigrationStatus status() {
		try (Connection connection = connection()) {
			return status(this.resourceLoader, connection);
		}
		catch (SQLException ex) {
			throw unreadable(ex);
		}
	}

	/**
	 * Where the database stands.
	 * @param loader where the changelogs are read from
	 * @param connection the connection to read on
	 * @return the status
	 */
	MigrationStatus status(ResourceLoader loader, Connection connection) {
		try {
			return LiquibaseSession.run(connection, this.settings, loader, LiquibaseSession::status);
		}
		catch (MigrationException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw unreadable(ex);
		}
	}

	private MigrationException unreadable(Exception ex) {
		if (ServerFaults.connectionEnded(ex)) {
			return new ConnectionEndedException(null, null, false, ServerFaults.endedReason(ex), ex);
		}
		return new MigrationException("Could not read where the database stands: " + rootMessage(ex),
				"Check the changelog " + this.settings.changelog() + " and that the database can be reached.", ex);
	}

	/**
	 * Work in a Liquibase session without the lock, on a connection of its own.
	 * @param <T> what the work returns
	 * @param work the work
	 * @param failure what failed, for the message
	 * @return what the work returned
	 */
	<T> T withSession(LiquibaseSession.Work<T> work, String failure) {
		return translated(() -> {
			try (Connection connection = this.dataSource.getConnection()) {
				return LiquibaseSession.run(connection, this.settings, this.resourceLoader, work);
			}
		}, failure, "Check the changelog " + this.settings.changelog() + ".");
	}

	/**
	 * Work under the migration lock, on a connection of its own.
	 * @param work the work
	 * @return the run
	 */
	MigrationRun locked(LockedWork work) {
		return translated(() -> {
			try (Connection connection = this.dataSource.getConnection()) {
				return locked(connection, this.resourceLoader, work);
			}
		}, "The migration failed: ",
				"Check the changelog " + this.settings.changelog() + " and the database's message above.");
	}

	/**
	 * Work under the migration lock, taken on the connection that runs it.
	 * @param connection the connection
	 * @param loader where the changelogs are read from
	 * @param work the work
	 * @return the run
	 */
	MigrationRun locked(Connection connection, ResourceLoader loader, LockedWork work) {
		return translated(() -> {
			MigrationLock lock = MigrationLocks.forConnection(connection, this.settings);
			try (MigrationLock.Held held = lock.acquire(connection, this.settings.lockTimeout());
					TableLockTimeout tableLocks = TableLockTimeout.apply(connection, this.settings.ddlLockTimeout())) {
				for (int attempt = 1;; attempt++) {
					RevisionTransaction transaction = RevisionTransaction.wrap(connection);
					try {
						return LiquibaseSession.run(transaction, this.settings, loader,
								(session) -> work.run(session, transaction, connection, lock.spansProcesses()));
					}
					catch (Exception ex) {
						if (!this.settings.hasDdlLockTimeout() || !ServerFaults.lockTimedOut(ex)
								|| ServerFaults.connectionEnded(ex)) {
							throw ex;
						}
						JdbcSupport.rollbackQuietly(connection);
						Revision revision = (ex instanceof RevisionFailedException failed) ? failed.getRevision()
								: null;
						if (attempt > this.settings.ddlLockRetries()) {
							throw new TableLockTimeoutException(revision, this.settings.ddlLockTimeout(), attempt,
									tableLocks.blockers(), rootMessage(ex), ex);
						}
						Duration pause = this.settings.ddlLockTimeout();
						logger.warn(((revision != null) ? "Revision " + revision.id() : "The migration")
								+ " gave up waiting " + this.settings.ddlLockTimeout().toMillis()
								+ " ms for a table lock (try " + attempt + " of " + (this.settings.ddlLockRetries() + 1)
								+ "): another session's transaction holds the table; rolled back, trying again in "
								+ pause.toMillis() + " ms, still holding the migration lock");
						Thread.sleep(pause.toMillis());
					}
				}
			}
		}, "The migration failed: ",
				"Check the changelog " + this.settings.changelog() + " and the database's message above.");
	}

	/**
	 * The migration's first connection: when the database cannot be reached yet, tried
	 * again {@link MigrationSettings#connectRetries()} times, each try logged, before the
	 * migration gives up.
	 * @return the connection, to close when done
	 * @throws MigrationException when no try succeeds
	 */
	Connection firstConnection() {
		int tries = this.settings.connectRetries() + 1;
		long started = System.nanoTime();
		for (int attempt = 1;; attempt++) {
			try {
				return this.dataSource.getConnection();
			}
			catch (SQLException ex) {
				String where = ServerFaults.describe(this.dataSource);
				if (attempt >= tries) {
					long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
					throw new MigrationException(
							"Could not connect to the database at " + where + " to migrate it (" + attempt
									+ ((attempt == 1) ? " try" : " tries over " + millis + " ms") + "): "
									+ rootMessage(ex),
							"Check that the database server is running and can be reached from here. If it starts "
									+ "after the application, let the migration wait for it with "
									+ "database.migration.connect-retries (and connect-retries-interval).",
							ex);
				}
				logger.warn("Could not connect to the database at " + where + " (try " + attempt + " of " + tries
						+ "): " + rootMessage(ex) + "; trying again in "
						+ this.settings.connectRetriesInterval().toMillis() + " ms");
				try {
					Thread.sleep(Math.max(0, this.settings.connectRetriesInterval().toMillis()));
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw new MigrationException("Interrupted while waiting for the database to accept connections.",
							"Start again.", interrupted);
				}
			}
		}
	}

	/**
	 * Run work, letting a {@link MigrationException} through and turning anything else
	 * into one.
	 * @param <T> what the work returns
	 * @param work the work
	 * @param failure the start of the message when the work fails, followed by the
	 * cause's message
	 * @param action the fix, when the work fails
	 * @return what the work returns
	 * @throws MigrationException when the work fails
	 */
	/**
	 * Work whose exceptions become a {@link MigrationException}.
	 * @param <T> the result type
	 * @param work the work
	 * @param failure what failed, the start of the description
	 * @param action what to do
	 * @return the work's result
	 */
	<T> T translated(Callable<T> work, String failure, String action) {
		try {
			return work.call();
		}
		catch (MigrationException ex) {
			throw ex;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MigrationException("Interrupted while waiting for the migration lock.", "Start again.", ex);
		}
		catch (Exception ex) {
			if (ServerFaults.connectionEnded(ex)) {
				throw new ConnectionEndedException(null, null, false, ServerFaults.endedReason(ex), ex);
			}
			throw new MigrationException(failure + rootMessage(ex), action, ex);
		}
	}

	/**
	 * The {@code alembic_version} table, in the schema the history is in.
	 * @return the table
	 */
	AlembicVersionTable alembicVersionTable() {
		return new AlembicVersionTable(
				StringUtils.hasText(this.settings.defaultSchema()) ? this.settings.defaultSchema() : null);
	}

	/**
	 * Where {@code alembic_version} exists, write the revision the database is now at, so
	 * that the Python service reads the same.
	 * @param connection the connection
	 * @param current the revision the database is at
	 */
	void keepAlembicInStep(Connection connection, @Nullable Revision current) {
		if (!this.settings.adoptAlembic()) {
			return;
		}
		try {
			if (alembicVersionTable().write(connection, (current != null) ? current.id() : null)) {
				logger.debug("alembic_version set to " + Revision.idOf(current));
			}
		}
		catch (SQLException ex) {
			JdbcSupport.rollbackQuietly(connection);
			logger.warn("Could not bring alembic_version to revision " + Revision.idOf(current) + ": " + ex.getMessage()
					+ " (the migration itself is done; 'db stamp --from-alembic' is not needed)");
		}
	}

	/**
	 * After a full check found the database at head (every revision applied and tagged,
	 * none edited), record the changelog's fingerprint for the next start's fast check.
	 * @param recorder the files the check read
	 * @param status where the database stands
	 * @param connection the connection to write on
	 */
	void recordFingerprint(ChangelogFingerprint.Recorder recorder, MigrationStatus status, Connection connection) {
		if (this.settings.fastCheck() && status.isUpToDate() && status.getEdited().isEmpty() && !needsTags(status)
				&& status.getCurrent() != null) {
			this.fastCheck.record(recorder, status.getCurrent().id(), status.getApplied(), connection);
		}
	}

	/**
	 * Whether an applied revision still lacks its tag.
	 * @param status where the database stands
	 * @return {@code true} when a tag is missing
	 */
	static boolean needsTags(MigrationStatus status) {
		return status.getAppliedRevisions()
			.stream()
			.anyMatch((revision) -> revision.declared() && untagged(revision, status));
	}

	private static boolean untagged(Revision revision, MigrationStatus status) {
		AppliedChangeSet row = status.appliedRow(revision.last());
		return row != null && row.tag() == null;
	}

	/**
	 * Tag the last changeset of each revision that has no tag yet with the revision's id.
	 * @param session the session
	 * @param connection the connection
	 * @param revisions the revisions to tag
	 * @param status where the database stands
	 * @throws SQLException on a database error
	 */
	static void tag(LiquibaseSession session, Connection connection, List<Revision> revisions, MigrationStatus status)
			throws SQLException {
		List<Revision> untagged = revisions.stream()
			.filter((revision) -> revision.declared() && untagged(revision, status))
			.toList();
		if (session.changelogTable().tag(connection, untagged)) {
			commit(connection);
		}
	}

	/**
	 * Fail, before anything is touched, when a revision of a downgrade has no rollback.
	 * @param plan the revisions to revert
	 */
	static void requireReversible(List<Revision> plan) {
		List<Revision> irreversible = plan.stream().filter((revision) -> !revision.isReversible()).toList();
		if (!irreversible.isEmpty()) {
			throw new MigrationException(
					"Nothing was reverted: revision(s) "
							+ irreversible.stream().map(Revision::toString).collect(Collectors.joining(", "))
							+ " cannot be reverted (a changeset without a rollback, such as raw SQL).",
					"Add a 'rollback:' to each such changeset, or downgrade only to a later revision.");
		}
	}

	static Set<ChangeSetRef> changeSetsOf(List<Revision> revisions) {
		return revisions.stream().flatMap((revision) -> revision.changeSets().stream()).collect(Collectors.toSet());
	}

	static Set<String> keysOf(List<Revision> revisions) {
		return revisions.stream()
			.flatMap((revision) -> revision.changeSets().stream())
			.map(ChangeSetRef::key)
			.collect(Collectors.toSet());
	}

	static void commit(Connection connection) throws SQLException {
		if (!connection.getAutoCommit()) {
			connection.commit();
		}
	}

	static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return (message != null) ? message.strip() : root.getClass().getSimpleName();
	}

	/**
	 * Work under the migration lock.
	 */
	@FunctionalInterface
	interface LockedWork {

		MigrationRun run(LiquibaseSession session, RevisionTransaction transaction, Connection connection,
				boolean clearStaleLock) throws Exception;

	}

}
