package io.paig.db.migration.runner;

import java.io.Writer;
import java.util.List;
import java.util.Set;

import io.paig.db.migration.ChangeSetRef;
import io.paig.db.migration.MigrationStatus;
import io.paig.db.migration.Revision;
import io.paig.db.migration.Targets;

/**
 * Alembic's offline mode ({@code --sql}): the SQL an upgrade or a downgrade would run,
 * written out instead of run, with Liquibase's SQL generation.
 *
 * @author paig-db authors
 */
final class OfflineSql extends Operation {

	OfflineSql(RunContext context) {
		super(context);
	}

	void upgrade(String target, Writer output) {
		this.context.withSession((session) -> {
			MigrationStatus status = session.status();
			List<Revision> plan = Targets.upgrade(status, target);
			if (plan.isEmpty()) {
				return null;
			}
			boolean toHead = plan.get(plan.size() - 1) == status.getHistory().getHead();
			List<ChangeSetRef> pending = status.getPendingChangeSets()
				.stream()
				.filter(RunContext.changeSetsOf(plan)::contains)
				.toList();
			session.updateSql(toHead ? -1 : session.countThrough(pending.get(pending.size() - 1)), output);
			return null;
		}, "Could not write the SQL: ");
	}

	void downgrade(String target, Writer output) {
		this.context.withSession((session) -> {
			MigrationStatus status = session.status();
			List<Revision> plan = Targets.downgrade(status, target);
			RunContext.requireReversible(plan);
			Set<String> planned = RunContext.keysOf(plan);
			int rows = (int) status.getApplied().stream().filter((row) -> planned.contains(row.key())).count();
			if (rows > 0) {
				session.rollbackSql(rows, output);
			}
			return null;
		}, "Could not write the SQL: ");
	}

}
