package io.paig.db.migration.runner;

import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.sql.DataSource;

import io.paig.db.migration.EditedRevisionException;
import io.paig.db.migration.LockHolder;
import io.paig.db.migration.MigrationException;
import io.paig.db.migration.MigrationListener;
import io.paig.db.migration.MigrationRun;
import io.paig.db.migration.MigrationSettings;
import io.paig.db.migration.MigrationState;
import io.paig.db.migration.MigrationStatus;
import io.paig.db.migration.PendingRevisionsException;
import io.paig.db.migration.Revision;
import io.paig.db.migration.RevisionHistory;
import io.paig.db.migration.Targets;
import io.paig.db.migration.liquibase.LiquibaseSession;
import io.paig.db.migration.lock.MigrationLocks;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ResourceLoader;

/**
 * Brings a database to its newest revision, and runs Alembic's other operations on it.
 * This class is the public face: it tracks runs, tells listeners and translates errors;
 * each operation is a class of its own ({@link Upgrade}, {@link Downgrade},
 * {@link Stamp}, {@link AlembicAdoption}, {@link OfflineSql}).
 *
 * @author paig-db authors
 */
public class MigrationRunner {

	private static final Log logger = LogFactory.getLog(MigrationRunner.class);

	private final RunContext context;

	private final Upgrade upgrade;

	private final Downgrade downgrade;

	private final Stamp stamp;

	private final AlembicAdoption alembic;

	private final OfflineSql offlineSql;

	private volatile @Nullable MigrationRun lastRun;

	private volatile boolean running;

	private volatile Iterable<MigrationListener> listeners = List.of();

	/**
	 * Create a runner.
	 * @param dataSource the DataSource to migrate, and to read where it stands
	 * @param settings how migrations run
	 * @param resourceLoader where the changelogs are
	 */
	public MigrationRunner(DataSource dataSource, MigrationSettings settings, ResourceLoader resourceLoader) {
		this.context = new RunContext(dataSource, settings, resourceLoader);
		this.stamp = new Stamp(this.context);
		this.alembic = new AlembicAdoption(this.context, this.stamp);
		this.upgrade = new Upgrade(this.context, this.alembic);
		this.downgrade = new Downgrade(this.context);
		this.offlineSql = new OfflineSql(this.context);
	}

	/**
	 * Set who is told about runs; looked at each time a run ends, so a lazy source (a
	 * Spring {@code ObjectProvider}) works.
	 * @param listeners the listeners
	 */
	public void setListeners(Iterable<MigrationListener> listeners) {
		this.listeners = listeners;
	}

	/**
	 * Who is told about runs.
	 * @return the listeners, as set
	 */
	public Iterable<MigrationListener> getListeners() {
		return this.listeners;
	}

	/**
	 * The DataSource this runner migrates, and reads where the database stands with.
	 * @return the DataSource
	 */
	public DataSource getDataSource() {
		return this.context.dataSource();
	}

	/**
	 * How migrations run.
	 * @return the settings
	 */
	public MigrationSettings getSettings() {
		return this.context.settings();
	}

	/**
	 * Whether the master changelog exists.
	 * @return {@code true} when there is something to migrate with
	 */
	public boolean hasChangelog() {
		return this.context.resourceLoader().getResource(getSettings().changelog()).exists();
	}

	/**
	 * The last run of this runner in this process.
	 * @return the run, or {@code null} when it has not run
	 */
	public @Nullable MigrationRun getLastRun() {
		return this.lastRun;
	}

	/**
	 * Whether a run is in progress in this process.
	 * @return {@code true} while running
	 */
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Where the database stands. Takes no lock and writes nothing.
	 * @return the status
	 * @throws MigrationException when the changelog or the history table cannot be read
	 */
	public MigrationStatus status() {
		return this.context.status();
	}

	/**
	 * The state from what this runner knows: disabled without a changelog; running while
	 * this instance runs, or while another holds the lock and this one's revisions are
	 * not all applied; otherwise up to date, failed (the last run failed) or pending.
	 * @param status where the database stands
	 * @param lock who holds the migration lock
	 * @return the state
	 */
	public MigrationState state(MigrationStatus status, LockHolder lock) {
		if (!hasChangelog()) {
			return MigrationState.DISABLED;
		}
		// Another instance migrating is no concern of an instance whose own revisions are
		// all applied: during a rolling update the old instances keep serving while the
		// new one migrates.
		if (isRunning() || (lock.held() && !status.isUpToDate())) {
			return MigrationState.RUNNING;
		}
		if (status.isUpToDate()) {
			return MigrationState.UP_TO_DATE;
		}
		MigrationRun last = getLastRun();
		return (last != null && last.outcome() == MigrationRun.Outcome.FAILED) ? MigrationState.FAILED
				: MigrationState.PENDING;
	}

	/**
	 * The revisions as the master changelog lists them, without checking that the history
	 * is one line, for {@code db merge}.
	 * @return the revisions, in the master changelog's order
	 * @throws MigrationException when the changelog cannot be parsed
	 */
	public List<Revision> revisions() {
		return this.context.withSession(LiquibaseSession::revisions, "Could not read the revisions: ");
	}

	/**
	 * The cheap check behind a fast start, for probes that ask often: the revision the
	 * database is at, when a fingerprint recorded by an earlier full check proves that it
	 * is at head and the changelog unchanged. Takes no lock, writes nothing, parses
	 * nothing.
	 * @return the head revision id, or {@code null} when only {@link #status()} can tell
	 */
	public @Nullable String upToDateRevision() {
		return this.context.fastCheck().look().head();
	}

	/**
	 * Who holds the migration lock now.
	 * @return the holder, {@link LockHolder#FREE} when nobody does
	 */
	public LockHolder lockHolder() {
		try (Connection connection = this.context.connection()) {
			return MigrationLocks.forConnection(connection, getSettings()).holder(connection);
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not read who holds the migration lock: " + ex.getMessage(),
					"Check that the database can be reached.", ex);
		}
	}

	/**
	 * Fail unless every revision is applied and no applied one was edited.
	 * @throws PendingRevisionsException when revisions are pending
	 * @throws EditedRevisionException when applied changesets were edited
	 */
	public void validate() {
		try (Connection connection = this.context.firstConnection()) {
			// waits for a database that is still starting, as an upgrade does
		}
		catch (SQLException ex) {
			logger.debug("Could not close a connection: " + ex.getMessage());
		}
		String head = upToDateRevision();
		if (head != null) {
			logger.info("Database is at head, revision " + head + ": nothing pending (" + Upgrade.UNCHANGED + ")");
			return;
		}
		MigrationStatus status = status();
		if (!status.getEdited().isEmpty()) {
			throw new EditedRevisionException(status.getEdited());
		}
		if (!status.isUpToDate()) {
			String alembic = status.getApplied().isEmpty() ? this.alembic.versionToAdopt() : null;
			if (alembic != null) {
				throw new MigrationException(
						"The database was built by Alembic (alembic_version says '" + alembic
								+ "') and paig-db has not adopted it yet, so its revisions all look pending.",
						"Run 'db upgrade head' (or 'db stamp --from-alembic') once, or start one instance with "
								+ "database.migration.on-startup=upgrade: it records Alembic's revisions as applied "
								+ "without running them.");
			}
			throw new PendingRevisionsException(getSettings().changelog(), status.getPendingRevisions());
		}
		logger.info("Database is at head, revision " + Revision.idOf(status.getCurrent()) + ": nothing pending");
	}

	/**
	 * Apply every pending revision.
	 * @return what the run did
	 * @throws MigrationException when a revision fails, an applied one was edited, or the
	 * lock could not be had
	 */
	public MigrationRun upgrade() {
		return upgrade("head");
	}

	/**
	 * Apply pending revisions up to a target.
	 * @param target {@code head}, {@code +N} or a revision (a unique prefix of its id
	 * will do)
	 * @return what the run did
	 * @throws MigrationException when a revision fails, an applied one was edited, the
	 * target is unknown, or the lock could not be had
	 */
	public MigrationRun upgrade(String target) {
		return tracked((started) -> this.upgrade.run(started, target));
	}

	/**
	 * Revert applied revisions, newest first.
	 * @param target {@code -N}, {@code base} or a revision to go down to (not included)
	 * @return what the run did
	 * @throws MigrationException when a revision cannot be reverted (named before
	 * anything is touched), a revert fails, or the lock could not be had
	 */
	public MigrationRun downgrade(String target) {
		return tracked((started) -> this.downgrade.run(started, target));
	}

	/**
	 * Write the SQL an upgrade would run, without running it (Alembic's offline mode). A
	 * range, {@code from:to}, is Alembic's {@code upgrade <from>:<to> --sql}: the SQL
	 * from {@code from} to {@code to}, whatever the database's history table says.
	 * @param target {@code head}, {@code +N}, a revision, or a range {@code from:to}
	 * @param output where the SQL goes
	 */
	public void upgradeSql(String target, Writer output) {
		if (Targets.isRange(target)) {
			this.offlineSql.upgradeRange(target, output);
		}
		else {
			this.offlineSql.upgrade(target, output);
		}
	}

	/**
	 * Write the SQL a downgrade would run, without running it. A range, {@code from:to},
	 * is Alembic's {@code downgrade <from>:<to> --sql}: the rollback SQL from
	 * {@code from} down to {@code to}, whatever the database's history table says.
	 * @param target {@code -N}, {@code base}, a revision, or a range {@code from:to}
	 * @param output where the SQL goes
	 */
	public void downgradeSql(String target, Writer output) {
		if (Targets.isRange(target)) {
			this.offlineSql.downgradeRange(target, output);
		}
		else {
			this.offlineSql.downgrade(target, output);
		}
	}

	/**
	 * Record the database as being at a revision without running anything: revisions up
	 * to it are marked as applied, later ones as not applied (Alembic's {@code stamp}).
	 * @param target {@code head}, {@code base} or a revision
	 * @return the revision the database is now recorded at
	 */
	public String stamp(String target) {
		return this.stamp.run(Instant.now(), target).to();
	}

	/**
	 * Record the database at the revision Alembic's {@code alembic_version} names, as
	 * start-up does when it adopts a database built by Alembic
	 * ({@code db stamp --from-alembic}).
	 * @return the revision the database is now recorded at
	 * @throws MigrationException when there is no {@code alembic_version}, or it names a
	 * revision the changelog does not have
	 */
	public String stampFromAlembic() {
		return this.alembic.stamp(Instant.now()).to();
	}

	/**
	 * Run work as a tracked run: running while it runs, recorded as the last run and told
	 * to listeners when it ends, failed or not.
	 * @param work what runs, given the instant it started
	 * @return the run the work returned
	 */
	private MigrationRun tracked(Function<Instant, MigrationRun> work) {
		Instant started = Instant.now();
		this.running = true;
		try {
			return record(work.apply(started));
		}
		catch (RevisionHistory.UnknownRevisionException | Targets.InvalidTargetException ex) {
			// a mistyped target: nothing ran, so nothing failed
			throw ex;
		}
		catch (MigrationException ex) {
			record(new MigrationRun(started, Instant.now(), null, null, List.of(), Map.of(),
					MigrationRun.Outcome.FAILED, ex.getMessage()));
			throw ex;
		}
		finally {
			this.running = false;
		}
	}

	private MigrationRun record(MigrationRun run) {
		this.lastRun = run;
		for (MigrationListener listener : this.listeners) {
			try {
				listener.runFinished(run);
			}
			catch (RuntimeException ex) {
				logger.warn("A migration listener failed: " + ex.getMessage());
			}
		}
		return run;
	}

}
