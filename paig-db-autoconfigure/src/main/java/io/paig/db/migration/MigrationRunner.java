package io.paig.db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StringUtils;

/**
 * Brings a database to its newest revision. The check comes first and takes no lock: most
 * runs find nothing to do. When revisions are pending, the runner takes the migration
 * lock on the connection that will run them, reads the state again (another instance may
 * have done the work meanwhile) and applies what is still pending, each revision in one
 * transaction where the database allows it.
 *
 * @author paig-db authors
 */
public class MigrationRunner {

	private static final Log logger = LogFactory.getLog(MigrationRunner.class);

	private static final String UNCHANGED = "changelog unchanged since the last check";

	private final DataSource dataSource;

	private final MigrationSettings settings;

	private final ResourceLoader resourceLoader;

	private volatile @Nullable MigrationRun lastRun;

	private volatile boolean running;

	private volatile Iterable<MigrationListener> listeners = List.of();

	private final FastCheck fastCheck;

	/**
	 * Create a runner.
	 * @param dataSource the application's DataSource
	 * @param settings how migrations run
	 * @param resourceLoader where the changelogs are
	 */
	public MigrationRunner(DataSource dataSource, MigrationSettings settings, ResourceLoader resourceLoader) {
		this.dataSource = dataSource;
		this.settings = settings;
		this.resourceLoader = resourceLoader;
		this.fastCheck = new FastCheck(dataSource, settings, resourceLoader);
	}

	/**
	 * Set who is told about runs; looked at each time a run ends, so a lazy source (a
	 * Spring {@code ObjectProvider}) works.
	 * @param listeners the listeners
	 */
	public void setListeners(Iterable<MigrationListener> listeners) {
		this.listeners = listeners;
	}

	public MigrationSettings getSettings() {
		return this.settings;
	}

	/**
	 * The DataSource this runner migrates.
	 * @return the DataSource
	 */
	public DataSource getDataSource() {
		return this.dataSource;
	}

	/**
	 * Whether the master changelog exists.
	 * @return {@code true} when there is something to migrate with
	 */
	public boolean hasChangelog() {
		return this.resourceLoader.getResource(this.settings.changelog()).exists();
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
		return status(this.resourceLoader);
	}

	private MigrationStatus status(ResourceLoader loader) {
		try (Connection connection = this.dataSource.getConnection()) {
			return status(loader, connection);
		}
		catch (MigrationException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw unreadable(ex);
		}
	}

	private MigrationStatus status(ResourceLoader loader, Connection connection) {
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
		return new MigrationException("Could not read where the database stands: " + rootMessage(ex),
				"Check the changelog " + this.settings.changelog() + " and that the database can be reached.", ex);
	}

	/**
	 * The cheap check behind a fast start, for probes that ask often: the revision the
	 * database is at, when a fingerprint recorded by an earlier full check proves that it
	 * is at head and the changelog unchanged. Takes no lock, writes nothing, parses
	 * nothing.
	 * @return the head revision id, or {@code null} when only {@link #status()} can tell
	 */
	public @Nullable String upToDateRevision() {
		return fastCheck();
	}

	/**
	 * Who holds the migration lock now.
	 * @return the holder, {@link LockHolder#FREE} when nobody does
	 */
	public LockHolder lockHolder() {
		try (Connection connection = this.dataSource.getConnection()) {
			return MigrationLocks.forConnection(connection, this.settings).holder(connection);
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
		String head = fastCheck();
		if (head != null) {
			logger.info("Database is at head, revision " + head + ": nothing pending (" + UNCHANGED + ")");
			return;
		}
		MigrationStatus status = status();
		if (!status.getEdited().isEmpty()) {
			throw new EditedRevisionException(status.getEdited());
		}
		if (!status.isUpToDate()) {
			String alembic = status.getApplied().isEmpty() ? alembicVersionToAdopt() : null;
			if (alembic != null) {
				throw new MigrationException(
						"The database was built by Alembic (alembic_version says '" + alembic
								+ "') and paig-db has not adopted it yet, so its revisions all look pending.",
						"Run 'db upgrade head' (or 'db stamp --from-alembic') once, or start one instance with "
								+ "database.migration.on-startup=upgrade: it records Alembic's revisions as applied "
								+ "without running them.");
			}
			throw new PendingRevisionsException(this.settings.changelog(), status.getPendingRevisions());
		}
		logger.info("Database is at head, revision " + idOf(status.getCurrent()) + ": nothing pending");
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
		return tracked((started) -> {
			// one connection for the whole run: a pool without a spare one, or none at
			// all, costs nothing more
			Connection connection;
			try {
				connection = this.dataSource.getConnection();
			}
			catch (SQLException ex) {
				throw unreadable(ex);
			}
			try {
				return upgrade(connection, started, target);
			}
			finally {
				try {
					connection.close();
				}
				catch (SQLException ex) {
					// what the run did stands; the pool deals with the connection
					logger.debug("Could not close the migration's connection: " + ex.getMessage());
				}
			}
		});
	}

	private MigrationRun upgrade(Connection connection, Instant started, String target) {
		boolean toHead = target.strip().equalsIgnoreCase("head");
		FastCheck.Look look = toHead ? this.fastCheck.look(connection) : FastCheck.Look.UNKNOWN;
		if (look.head() != null) {
			logger.info("Database is up to date at revision " + look.head() + " (head; " + UNCHANGED + ")");
			return new MigrationRun(started, Instant.now(), look.head(), look.head(), List.of(), Map.of(),
					MigrationRun.Outcome.UP_TO_DATE, null);
		}
		if (!look.noHistory()) {
			// the check without the lock: most runs find nothing to do
			ChangelogFingerprint.Recorder recorder = new ChangelogFingerprint.Recorder(this.resourceLoader);
			MigrationStatus status = status(recorder, connection);
			if (!status.getEdited().isEmpty()) {
				throw new EditedRevisionException(status.getEdited());
			}
			if (Targets.upgrade(status, target).isEmpty() && !needsTags(status)) {
				logger.info("Database is up to date at revision " + idOf(status.getCurrent())
						+ (status.isUpToDate() ? " (head)" : ""));
				recordFingerprint(recorder, status, connection);
				return new MigrationRun(started, Instant.now(), idOf(status.getCurrent()), idOf(status.getCurrent()),
						List.of(), Map.of(), MigrationRun.Outcome.UP_TO_DATE, null);
			}
		}
		ChangelogFingerprint.Recorder applying = new ChangelogFingerprint.Recorder(this.resourceLoader);
		return locked(connection, applying, (session, transaction, locked, clearStaleLock) -> {
			MigrationRun applied = apply(session, transaction, locked, started, clearStaleLock, target);
			if (toHead && this.settings.fastCheck()) {
				// still under the lock, so no other instance's run can slip in between
				recordFingerprint(applying, session.status(false), locked);
			}
			return applied;
		});
	}

	/**
	 * Revert applied revisions, newest first.
	 * @param target {@code -N}, {@code base} or a revision to go down to (not included)
	 * @return what the run did
	 * @throws MigrationException when a revision cannot be reverted (named before
	 * anything is touched), a revert fails, or the lock could not be had
	 */
	public MigrationRun downgrade(String target) {
		return tracked((started) -> locked((session, transaction, connection, clearStaleLock) -> revert(session,
				transaction, connection, started, clearStaleLock, target)));
	}

	/**
	 * Run work as a tracked run: running while it runs, recorded as the last run and told
	 * to listeners when it ends, failed or not.
	 */
	private MigrationRun tracked(java.util.function.Function<Instant, MigrationRun> work) {
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

	/**
	 * Write the SQL an upgrade would run, without running it (Alembic's offline mode).
	 * @param target {@code head}, {@code +N} or a revision
	 * @param output where the SQL goes
	 */
	public void upgradeSql(String target, java.io.Writer output) {
		withSession((session) -> {
			MigrationStatus status = session.status();
			List<Revision> plan = Targets.upgrade(status, target);
			if (plan.isEmpty()) {
				return null;
			}
			boolean toHead = plan.get(plan.size() - 1) == status.getHistory().getHead();
			List<ChangeSetRef> pending = status.getPendingChangeSets()
				.stream()
				.filter(changeSetOf(plan)::contains)
				.toList();
			session.updateSql(toHead ? -1 : session.countThrough(pending.get(pending.size() - 1)), output);
			return null;
		});
	}

	/**
	 * Write the SQL a downgrade would run, without running it.
	 * @param target {@code -N}, {@code base} or a revision
	 * @param output where the SQL goes
	 */
	public void downgradeSql(String target, java.io.Writer output) {
		withSession((session) -> {
			MigrationStatus status = session.status();
			List<Revision> plan = Targets.downgrade(status, target);
			requireReversible(plan);
			Set<String> planned = keysOf(plan);
			int rows = (int) status.getApplied().stream().filter((row) -> planned.contains(row.key())).count();
			if (rows > 0) {
				session.rollbackSql(rows, output);
			}
			return null;
		});
	}

	/**
	 * Record the database as being at a revision without running anything: revisions up
	 * to it are marked as applied, later ones as not applied (Alembic's {@code stamp}).
	 * @param target {@code head}, {@code base} or a revision
	 * @return the revision the database is now recorded at
	 */
	public String stamp(String target) {
		Instant started = Instant.now();
		MigrationRun run = locked((session, transaction, connection, clearStaleLock) -> {
			MigrationStatus status = session.status();
			RevisionHistory history = status.getHistory();
			String text = target.strip();
			int index = text.equalsIgnoreCase("base") ? -1 : text.equalsIgnoreCase("head")
					? history.getRevisions().size() - 1 : history.indexOf(history.find(text));
			MigrationStatus after = stampAt(session, connection, status, index, "Stamped");
			return new MigrationRun(started, Instant.now(), idOf(status.getCurrent()), idOf(after.getCurrent()),
					List.of(), Map.of(), MigrationRun.Outcome.UP_TO_DATE, null);
		});
		return run.to();
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
		Instant started = Instant.now();
		MigrationRun run = locked((session, transaction, connection, clearStaleLock) -> {
			MigrationStatus status = session.status();
			List<String> versions = alembicVersionTable().read(connection)
				.orElseThrow(() -> new MigrationException(
						"There is no alembic_version table in this database: Alembic did not build it.",
						"Record a revision by hand with 'db stamp <rev>' instead."));
			Revision at = alembicRevision(status.getHistory(), versions);
			int index = (at != null) ? status.getHistory().indexOf(at) : -1;
			MigrationStatus after = stampAt(session, connection, status, index, "Stamped from alembic_version:");
			return new MigrationRun(started, Instant.now(), idOf(status.getCurrent()), idOf(after.getCurrent()),
					List.of(), Map.of(), MigrationRun.Outcome.UP_TO_DATE, null);
		});
		return run.to();
	}

	/**
	 * Record revisions up to an index as applied and later ones as not applied, without
	 * running anything.
	 */
	private MigrationStatus stampAt(LiquibaseSession session, Connection connection, MigrationStatus status, int index,
			String verb) throws Exception {
		RevisionHistory history = status.getHistory();
		List<ChangeSetRef> record = new ArrayList<>();
		List<ChangeSetRef> forget = new ArrayList<>();
		for (Revision revision : history.getRevisions()) {
			boolean upTo = history.indexOf(revision) <= index;
			for (ChangeSetRef changeSet : revision.changeSets()) {
				boolean ran = status.appliedRow(changeSet) != null;
				if (upTo && !ran && status.isPending(changeSet)) {
					record.add(changeSet);
				}
				else if (!upTo && ran) {
					forget.add(changeSet);
				}
			}
		}
		session.stamp(record, forget);
		commit(connection);
		MigrationStatus after = session.status(false);
		tag(session, connection, after.getAppliedRevisions(), after);
		keepAlembicInStep(connection, after.getCurrent());
		logger.info(verb + " the database at revision " + idOf(after.getCurrent()) + " (" + record.size()
				+ " changeset(s) recorded, " + forget.size() + " forgotten); nothing was run");
		return after;
	}

	/**
	 * The revision {@code alembic_version} names.
	 * @return the revision, or {@code null} when Alembic has the database at base
	 * @throws UnknownAlembicRevisionException when the changelog has no such revision, or
	 * there are several
	 */
	private @Nullable Revision alembicRevision(RevisionHistory history, List<String> versions) {
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

	/**
	 * When the database has no history of paig-db's and an {@code alembic_version} naming
	 * a revision, that revision; read on a connection of its own.
	 */
	private @Nullable String alembicVersionToAdopt() {
		if (!this.settings.adoptAlembic()) {
			return null;
		}
		try (Connection connection = this.dataSource.getConnection()) {
			List<String> versions = alembicVersionTable().read(connection).orElse(List.of());
			return versions.isEmpty() ? null : String.join(", ", versions);
		}
		catch (SQLException ex) {
			return null;
		}
	}

	/**
	 * Adopt a database that Alembic built and paig-db never ran on: every revision up to
	 * the one {@code alembic_version} names is recorded as applied, without running it.
	 */
	private MigrationStatus adoptAlembic(LiquibaseSession session, Connection connection, MigrationStatus status)
			throws Exception {
		if (!this.settings.adoptAlembic() || !status.getApplied().isEmpty()) {
			return status;
		}
		List<String> versions = alembicVersionTable().read(connection).orElse(List.of());
		if (versions.isEmpty()) {
			return status;
		}
		Revision at = alembicRevision(status.getHistory(), versions);
		int index = status.getHistory().indexOf(at);
		logger.info("The database was built by Alembic and is at revision " + at + ": recording revisions "
				+ status.getHistory().getRevisions().get(0).id() + " to " + at.id() + " (" + (index + 1)
				+ ") as applied without running them; alembic_version is kept in step from now on");
		return stampAt(session, connection, status, index, "Stamped");
	}

	/**
	 * Where {@code alembic_version} exists, write the revision the database is now at, so
	 * that the Python service reads the same.
	 */
	private void keepAlembicInStep(Connection connection, @Nullable Revision current) {
		if (!this.settings.adoptAlembic()) {
			return;
		}
		try {
			if (alembicVersionTable().write(connection, (current != null) ? current.id() : null)) {
				logger.debug("alembic_version set to " + idOf(current));
			}
		}
		catch (SQLException ex) {
			rollbackQuietly(connection);
			logger.warn("Could not bring alembic_version to revision " + idOf(current) + ": " + ex.getMessage()
					+ " (the migration itself is done; 'db stamp --from-alembic' is not needed)");
		}
	}

	private AlembicVersionTable alembicVersionTable() {
		return new AlembicVersionTable(
				StringUtils.hasText(this.settings.defaultSchema()) ? this.settings.defaultSchema() : null);
	}

	private @Nullable String fastCheck() {
		return this.fastCheck.look().head();
	}

	/**
	 * After a full check found the database at head (every revision applied and tagged,
	 * none edited), record the changelog's fingerprint for the next start's fast check.
	 */
	private void recordFingerprint(ChangelogFingerprint.Recorder recorder, MigrationStatus status,
			Connection connection) {
		if (this.settings.fastCheck() && status.isUpToDate() && status.getEdited().isEmpty() && !needsTags(status)
				&& status.getCurrent() != null) {
			this.fastCheck.record(recorder, status.getCurrent().id(), status.getApplied(), connection);
		}
	}

	private <T> T withSession(LiquibaseSession.Work<T> work) {
		try (Connection connection = this.dataSource.getConnection()) {
			return LiquibaseSession.run(connection, this.settings, this.resourceLoader, work);
		}
		catch (MigrationException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new MigrationException("Could not write the SQL: " + rootMessage(ex),
					"Check the changelog " + this.settings.changelog() + ".", ex);
		}
	}

	private static void requireReversible(List<Revision> plan) {
		List<Revision> irreversible = plan.stream().filter((revision) -> !revision.isReversible()).toList();
		if (!irreversible.isEmpty()) {
			throw new MigrationException(
					"Nothing was reverted: revision(s) "
							+ irreversible.stream().map(Revision::toString).collect(Collectors.joining(", "))
							+ " cannot be reverted (a changeset without a rollback, such as raw SQL).",
					"Add a 'rollback:' to each such changeset, or downgrade only to a later revision.");
		}
	}

	private MigrationRun locked(LockedWork work) {
		return locked(this.resourceLoader, work);
	}

	private MigrationRun locked(ResourceLoader loader, LockedWork work) {
		try (Connection connection = this.dataSource.getConnection()) {
			return locked(connection, loader, work);
		}
		catch (SQLException ex) {
			throw new MigrationException("The migration failed: " + rootMessage(ex),
					"Check the changelog " + this.settings.changelog() + " and the database's message above.", ex);
		}
	}

	private MigrationRun locked(Connection connection, ResourceLoader loader, LockedWork work) {
		try {
			MigrationLock lock = MigrationLocks.forConnection(connection, this.settings);
			try (MigrationLock.Held held = lock.acquire(connection, this.settings.lockTimeout())) {
				RevisionTransaction transaction = RevisionTransaction.wrap(connection);
				boolean clearStaleLock = !(lock instanceof LocalMigrationLock local) || local.spansProcesses();
				return LiquibaseSession.run(transaction, this.settings, loader,
						(session) -> work.run(session, transaction, connection, clearStaleLock));
			}
		}
		catch (MigrationException ex) {
			throw ex;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MigrationException("Interrupted while waiting for the migration lock.", "Start again.", ex);
		}
		catch (Exception ex) {
			throw new MigrationException("The migration failed: " + rootMessage(ex),
					"Check the changelog " + this.settings.changelog() + " and the database's message above.", ex);
		}
	}

	@FunctionalInterface
	private interface LockedWork {

		MigrationRun run(LiquibaseSession session, RevisionTransaction transaction, Connection connection,
				boolean clearStaleLock) throws Exception;

	}

	private MigrationRun apply(LiquibaseSession session, RevisionTransaction transaction, Connection connection,
			Instant started, boolean clearStaleLock, String target) throws Exception {
		// Read again under the lock: another instance may have applied everything while
		// this one waited.
		MigrationStatus status = adoptAlembic(session, connection, session.status());
		if (!status.getEdited().isEmpty()) {
			throw new EditedRevisionException(status.getEdited());
		}
		String from = idOf(status.getCurrent());
		List<Revision> plan = Targets.upgrade(status, target);
		if (plan.isEmpty()) {
			tag(session, connection, status.getAppliedRevisions(), status);
			logger.info("Database is up to date at revision " + from + (status.isUpToDate() ? " (head)" : ""));
			return new MigrationRun(started, Instant.now(), from, from, List.of(), Map.of(),
					MigrationRun.Outcome.UP_TO_DATE, null);
		}
		Revision last = plan.get(plan.size() - 1);
		boolean toHead = last == status.getHistory().getHead();
		logger.info("Migrating from revision " + from + " to " + last.id() + (toHead ? " (head)" : "") + ": "
				+ plan.size() + " revision(s) pending");
		List<ChangeSetRef> changeSets = status.getPendingChangeSets()
			.stream()
			.filter(changeSetOf(plan)::contains)
			.toList();

		boolean transactional = session.transactionalDdl();
		RevisionProgress progress = new RevisionProgress(plan, changeSets, transaction, transactional);
		try {
			// To head, Liquibase runs everything it would run; short of it, it runs as
			// many changesets as it
			// counts up to the target's last one (runAlways and changed runOnChange
			// changesets count too).
			session.update(toHead ? -1 : session.countThrough(changeSets.get(changeSets.size() - 1)), progress,
					clearStaleLock);
		}
		catch (Exception ex) {
			throw failure(session, connection, plan, progress, transactional, ex);
		}
		finally {
			transaction.end();
		}
		commit(connection);
		MigrationStatus after = session.status(false);
		tag(session, connection, progress.applied(), after);
		keepAlembicInStep(connection, after.getCurrent());
		String to = idOf(after.getCurrent());
		long millis = java.time.Duration.between(started, Instant.now()).toMillis();
		logger.info("Applied " + progress.applied().size() + " revision(s) in " + millis
				+ " ms; database is at revision " + to + (after.isUpToDate() ? " (head)" : ""));
		return new MigrationRun(started, Instant.now(), from, to, List.copyOf(progress.applied()),
				Map.copyOf(progress.durations()), MigrationRun.Outcome.APPLIED, null);
	}

	private MigrationRun revert(LiquibaseSession session, RevisionTransaction transaction, Connection connection,
			Instant started, boolean clearStaleLock, String target) throws Exception {
		MigrationStatus status = session.status();
		String from = idOf(status.getCurrent());
		List<Revision> plan = Targets.downgrade(status, target);
		if (plan.isEmpty()) {
			logger.info("Nothing to revert: database is at revision " + from);
			return new MigrationRun(started, Instant.now(), from, from, List.of(), Map.of(),
					MigrationRun.Outcome.UP_TO_DATE, null);
		}
		requireReversible(plan);
		List<AppliedChangeSet> rows = status.getApplied();
		Set<String> planned = keysOf(plan);
		List<AppliedChangeSet> ofPlan = rows.stream().filter((row) -> planned.contains(row.key())).toList();
		List<AppliedChangeSet> newest = rows.subList(rows.size() - ofPlan.size(), rows.size());
		if (!ofPlan.equals(newest)) {
			throw new MigrationException(
					"Nothing was reverted: changesets of other revisions ran after those of "
							+ plan.get(plan.size() - 1) + ", so Liquibase cannot roll back just these.",
					"Downgrade further, or revert the later changesets first.");
		}
		logger.info("Reverting " + plan.size() + " revision(s) from revision " + from);
		boolean transactional = session.transactionalDdl();
		RollbackProgress progress = new RollbackProgress(plan, ofPlan, transactional ? transaction : null);
		try {
			session.rollback(ofPlan.size(), progress, clearStaleLock);
		}
		catch (Exception ex) {
			Revision failed = progress.failedRevision();
			ChangeSetRef failedChangeSet = progress.failed();
			throw new MigrationException(
					"Reverting " + ((failed != null) ? "revision " + failed : "the revisions") + " failed: "
							+ rootMessage(ex),
					"Fix the rollback of changeset "
							+ ((failedChangeSet != null) ? "'" + failedChangeSet.id() + "'" : "that failed")
							+ " and run the downgrade again.",
					ex);
		}
		finally {
			transaction.end();
		}
		commit(connection);
		MigrationStatus after = session.status(false);
		keepAlembicInStep(connection, after.getCurrent());
		String to = idOf(after.getCurrent());
		logger.info("Reverted " + progress.reverted().size() + " revision(s); database is at revision " + to);
		return new MigrationRun(started, Instant.now(), from, to, List.copyOf(progress.reverted()),
				Map.copyOf(progress.durations()), MigrationRun.Outcome.REVERTED, null);
	}

	private MigrationException failure(LiquibaseSession session, Connection connection, List<Revision> plan,
			RevisionProgress progress, boolean transactional, Exception ex) {
		ChangeSetRef failed = progress.failed();
		Revision revision = progress.failedRevision();
		if (failed == null || revision == null) {
			return new MigrationException("The migration failed: " + rootMessage(ex),
					"Check the changelog " + this.settings.changelog() + ".", ex);
		}
		List<ChangeSetRef> applied = new ArrayList<>();
		try {
			rollbackQuietly(connection);
			List<AppliedChangeSet> rows = session.changelogTable().read(connection);
			for (ChangeSetRef changeSet : revision.changeSets()) {
				if (rows.stream().anyMatch((row) -> row.isFor(changeSet))) {
					applied.add(changeSet);
				}
			}
		}
		catch (SQLException readFailure) {
			logger.warn(
					"Could not read which changesets of the failed revision were applied: " + readFailure.getMessage());
		}
		return new RevisionFailedException(revision, progress.position(revision), plan.size(), failed, rootMessage(ex),
				applied, transactional, ex);
	}

	private static Set<ChangeSetRef> changeSetOf(List<Revision> revisions) {
		return revisions.stream().flatMap((revision) -> revision.changeSets().stream()).collect(Collectors.toSet());
	}

	private static Set<String> keysOf(List<Revision> revisions) {
		return revisions.stream()
			.flatMap((revision) -> revision.changeSets().stream())
			.map(ChangeSetRef::key)
			.collect(Collectors.toSet());
	}

	private boolean needsTags(MigrationStatus status) {
		return status.getAppliedRevisions()
			.stream()
			.anyMatch((revision) -> revision.declared() && untagged(revision, status));
	}

	private static boolean untagged(Revision revision, MigrationStatus status) {
		AppliedChangeSet row = status.appliedRow(revision.last());
		return row != null && row.tag() == null;
	}

	private void tag(LiquibaseSession session, Connection connection, List<Revision> revisions, MigrationStatus status)
			throws SQLException {
		List<Revision> untagged = revisions.stream()
			.filter((revision) -> revision.declared() && untagged(revision, status))
			.toList();
		if (session.changelogTable().tag(connection, untagged)) {
			commit(connection);
		}
	}

	private static void commit(Connection connection) throws SQLException {
		if (!connection.getAutoCommit()) {
			connection.commit();
		}
	}

	private static void rollbackQuietly(Connection connection) {
		try {
			if (!connection.getAutoCommit()) {
				connection.rollback();
			}
		}
		catch (SQLException ex) {
			// the connection is closed next
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

	static String idOf(@Nullable Revision revision) {
		return (revision != null) ? revision.id() : "base";
	}

	static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return (message != null) ? message.strip() : root.getClass().getSimpleName();
	}

}
