package io.paig.db.migration.runner;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.paig.db.migration.ChangeSetRef;
import io.paig.db.migration.MigrationRun;
import io.paig.db.migration.MigrationStatus;
import io.paig.db.migration.Revision;
import io.paig.db.migration.RevisionHistory;
import io.paig.db.migration.Targets;
import io.paig.db.migration.liquibase.LiquibaseSession;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Alembic's {@code stamp}: record the database at a revision without running anything.
 * Revisions up to it are marked as applied, later ones as not applied.
 *
 * @author paig-db authors
 */
final class Stamp extends Operation {

	private static final Log logger = LogFactory.getLog(Stamp.class);

	Stamp(RunContext context) {
		super(context);
	}

	MigrationRun run(Instant started, String target) {
		return this.context.locked((session, transaction, connection, clearStaleLock) -> {
			MigrationStatus status = session.status();
			int index = Targets.stampIndex(status.getHistory(), target);
			MigrationStatus after = at(session, connection, status, index, "Stamped");
			return MigrationRun.stamped(started, Revision.idOf(status.getCurrent()), Revision.idOf(after.getCurrent()));
		});
	}

	/**
	 * Record revisions up to an index as applied and later ones as not applied, without
	 * running anything.
	 * @param session the session, under the lock
	 * @param connection its connection
	 * @param status where the database stands
	 * @param index the index of the last revision to record, {@code -1} for none
	 * @param verb how the log line starts
	 * @return where the database stands afterwards
	 * @throws Exception on a database or Liquibase error
	 */
	MigrationStatus at(LiquibaseSession session, Connection connection, MigrationStatus status, int index, String verb)
			throws Exception {
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
		RunContext.commit(connection);
		MigrationStatus after = session.status(false);
		RunContext.tag(session, connection, after.getAppliedRevisions(), after);
		this.context.keepAlembicInStep(connection, after.getCurrent());
		logger.info(verb + " the database at revision " + Revision.idOf(after.getCurrent()) + " (" + record.size()
				+ " changeset(s) recorded, " + forget.size() + " forgotten); nothing was run");
		return after;
	}

}
