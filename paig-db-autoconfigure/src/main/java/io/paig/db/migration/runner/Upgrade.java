package io.paig.db.migration.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.paig.db.jdbc.JdbcSupport;
import io.paig.db.jdbc.ServerFaults;
import io.paig.db.migration.AppliedChangeSet;
import io.paig.db.migration.ChangeSetRef;
import io.paig.db.migration.ConnectionEndedException;
import io.paig.db.migration.EditedRevisionException;
import io.paig.db.migration.MigrationException;
import io.paig.db.migration.MigrationRun;
import io.paig.db.migration.MigrationStatus;
import io.paig.db.migration.Revision;
import io.paig.db.migration.RevisionFailedException;
import io.paig.db.migration.Targets;
import io.paig.db.migration.fastcheck.ChangelogFingerprint;
import io.paig.db.migration.fastcheck.FastCheck;
import io.paig.db.migration.liquibase.LiquibaseSession;
import io.paig.db.migration.liquibase.RevisionProgress;
import io.paig.db.migration.liquibase.RevisionTransaction;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Alembic's {@code upgrade}: apply pending revisions up to a target. The check comes
 * first and takes no lock, since most runs find nothing to do; when revisions are
 * pending, the lock is taken on the connection that runs them, the state is read again
 * (another instance may have done the work meanwhile) and what is still pending is
 * applied, each revision in one transaction where the database allows it.
 *
 * @author paig-db authors
 */
final class Upgrade extends Operation {

	private static final Log logger = LogFactory.getLog(Upgrade.class);

	static final String UNCHANGED = "changelog unchanged since the last check";

	private final AlembicAdoption alembic;

	Upgrade(RunContext context, AlembicAdoption alembic) {
		super(context);
		this.alembic = alembic;
	}

	MigrationRun run(Instant started, String target) {
		// one connection for the whole run: a pool without a spare one, or none at all,
		// costs nothing more
		Connection connection = this.context.firstConnection();
		try {
			return run(connection, started, target);
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
	}

	private MigrationRun run(Connection connection, Instant started, String target) {
		boolean toHead = Targets.isHead(target);
		FastCheck.Look look = toHead ? this.context.fastCheck().look(connection) : FastCheck.Look.UNKNOWN;
		if (look.head() != null) {
			logger.info("Database is up to date at revision " + look.head() + " (head; " + UNCHANGED + ")");
			return MigrationRun.upToDate(started, look.head());
		}
		if (!look.noHistory()) {
			// the check without the lock: most runs find nothing to do
			ChangelogFingerprint.Recorder recorder = new ChangelogFingerprint.Recorder(this.context.resourceLoader());
			MigrationStatus status = this.context.status(recorder, connection);
			if (!status.getEdited().isEmpty()) {
				throw new EditedRevisionException(status.getEdited());
			}
			if (Targets.upgrade(status, target).isEmpty() && !RunContext.needsTags(status)) {
				logger.info("Database is up to date at revision " + Revision.idOf(status.getCurrent())
						+ (status.isUpToDate() ? " (head)" : ""));
				this.context.recordFingerprint(recorder, status, connection);
				return MigrationRun.upToDate(started, Revision.idOf(status.getCurrent()));
			}
		}
		ChangelogFingerprint.Recorder applying = new ChangelogFingerprint.Recorder(this.context.resourceLoader());
		return this.context.locked(connection, applying, (session, transaction, locked, clearStaleLock) -> {
			MigrationRun applied = apply(session, transaction, locked, started, clearStaleLock, target);
			if (toHead && this.context.settings().fastCheck()) {
				// still under the lock, so no other instance's run can slip in between
				this.context.recordFingerprint(applying, session.status(false), locked);
			}
			return applied;
		});
	}

	private MigrationRun apply(LiquibaseSession session, RevisionTransaction transaction, Connection connection,
			Instant started, boolean clearStaleLock, String target) throws Exception {
		// Read again under the lock: another instance may have applied everything while
		// this one waited.
		MigrationStatus status = this.alembic.adopt(session, connection, session.status());
		if (!status.getEdited().isEmpty()) {
			throw new EditedRevisionException(status.getEdited());
		}
		String from = Revision.idOf(status.getCurrent());
		List<Revision> plan = Targets.upgrade(status, target);
		if (plan.isEmpty()) {
			RunContext.tag(session, connection, status.getAppliedRevisions(), status);
			logger.info("Database is up to date at revision " + from + (status.isUpToDate() ? " (head)" : ""));
			return MigrationRun.upToDate(started, from);
		}
		Revision last = plan.get(plan.size() - 1);
		boolean toHead = last == status.getHistory().getHead();
		logger.info("Migrating from revision " + from + " to " + last.id() + (toHead ? " (head)" : "") + ": "
				+ plan.size() + " revision(s) pending");
		List<ChangeSetRef> changeSets = status.getPendingChangeSets()
			.stream()
			.filter(RunContext.changeSetsOf(plan)::contains)
			.toList();
		boolean transactional = session.transactionalDdl();
		RevisionProgress progress = new RevisionProgress(plan, changeSets, transaction, transactional);
		try {
			// To head, Liquibase runs everything it would run; short of it, it runs as
			// many changesets as it counts up to the target's last one (runAlways and
			// changed runOnChange changesets count too).
			session.update(toHead ? -1 : session.countThrough(changeSets.get(changeSets.size() - 1)), progress,
					clearStaleLock);
		}
		catch (Exception ex) {
			throw failure(session, connection, plan, progress, transactional, ex);
		}
		finally {
			transaction.end();
		}
		RunContext.commit(connection);
		MigrationStatus after = session.status(false);
		RunContext.tag(session, connection, progress.done(), after);
		this.context.keepAlembicInStep(connection, after.getCurrent());
		String to = Revision.idOf(after.getCurrent());
		long millis = Duration.between(started, Instant.now()).toMillis();
		logger.info("Applied " + progress.done().size() + " revision(s) in " + millis + " ms; database is at revision "
				+ to + (after.isUpToDate() ? " (head)" : ""));
		return new MigrationRun(started, Instant.now(), from, to, List.copyOf(progress.done()),
				Map.copyOf(progress.durations()), MigrationRun.Outcome.APPLIED, null);
	}

	private MigrationException failure(LiquibaseSession session, Connection connection, List<Revision> plan,
			RevisionProgress progress, boolean transactional, Exception ex) {
		ChangeSetRef failed = progress.failed();
		Revision revision = progress.failedRevision();
		if (ServerFaults.connectionEnded(ex)) {
			// nothing can be read on this connection any more, and nothing needs fixing
			return new ConnectionEndedException(revision,
					(revision != null) ? progress.position(revision) + "/" + plan.size() : null, transactional,
					ServerFaults.endedReason(ex), ex);
		}
		if (failed == null || revision == null) {
			return new MigrationException("The migration failed: " + RunContext.rootMessage(ex),
					"Check the changelog " + this.context.settings().changelog() + ".", ex);
		}
		List<ChangeSetRef> applied = new ArrayList<>();
		try {
			JdbcSupport.rollbackQuietly(connection);
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
		return new RevisionFailedException(revision, progress.position(revision), plan.size(), failed,
				RunContext.rootMessage(ex), applied, transactional, ex);
	}

}
