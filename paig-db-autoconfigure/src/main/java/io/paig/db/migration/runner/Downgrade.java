package io.paig.db.migration.runner;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.paig.db.migration.AppliedChangeSet;
import io.paig.db.migration.ChangeSetRef;
import io.paig.db.migration.MigrationException;
import io.paig.db.migration.MigrationRun;
import io.paig.db.migration.MigrationStatus;
import io.paig.db.migration.Revision;
import io.paig.db.migration.Targets;
import io.paig.db.migration.liquibase.LiquibaseSession;
import io.paig.db.migration.liquibase.RevisionTransaction;
import io.paig.db.migration.liquibase.RollbackProgress;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Alembic's {@code downgrade}: revert applied revisions newest first, under the lock,
 * with Liquibase's rollbacks. A revision that cannot be reverted is named before anything
 * is touched.
 *
 * @author paig-db authors
 */
final class Downgrade extends Operation {

	private static final Log logger = LogFactory.getLog(Downgrade.class);

	Downgrade(RunContext context) {
		super(context);
	}

	MigrationRun run(Instant started, String target) {
		return this.context.locked((session, transaction, connection, clearStaleLock) -> revert(session, transaction,
				connection, started, clearStaleLock, target));
	}

	private MigrationRun revert(LiquibaseSession session, RevisionTransaction transaction, Connection connection,
			Instant started, boolean clearStaleLock, String target) throws Exception {
		MigrationStatus status = session.status();
		String from = Revision.idOf(status.getCurrent());
		List<Revision> plan = Targets.downgrade(status, target);
		if (plan.isEmpty()) {
			logger.info("Nothing to revert: database is at revision " + from);
			return MigrationRun.upToDate(started, from);
		}
		RunContext.requireReversible(plan);
		List<AppliedChangeSet> rows = status.getApplied();
		Set<String> planned = RunContext.keysOf(plan);
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
							+ RunContext.rootMessage(ex),
					"Fix the rollback of changeset "
							+ ((failedChangeSet != null) ? "'" + failedChangeSet.id() + "'" : "that failed")
							+ " and run the downgrade again.",
					ex);
		}
		finally {
			transaction.end();
		}
		RunContext.commit(connection);
		MigrationStatus after = session.status(false);
		this.context.keepAlembicInStep(connection, after.getCurrent());
		String to = Revision.idOf(after.getCurrent());
		logger.info("Reverted " + progress.done().size() + " revision(s); database is at revision " + to);
		return new MigrationRun(started, Instant.now(), from, to, List.copyOf(progress.done()),
				Map.copyOf(progress.durations()), MigrationRun.Outcome.REVERTED, null);
	}

}
