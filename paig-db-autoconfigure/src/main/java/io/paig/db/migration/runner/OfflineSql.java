package io.paig.db.migration.runner;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.paig.db.migration.ChangeSetRef;
import io.paig.db.migration.MigrationStatus;
import io.paig.db.migration.Revision;
import io.paig.db.migration.RevisionHistory;
import io.paig.db.migration.Targets;
import io.paig.db.migration.liquibase.LiquibaseSession;
import org.jspecify.annotations.Nullable;

import org.springframework.util.FileSystemUtils;

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

	/**
	 * The SQL of an upgrade from one revision to another, as Alembic's
	 * {@code upgrade <from>:<to> --sql} writes it: the database is taken to be at
	 * {@code from}, and its history table is not read.
	 * @param range the range, {@code from:to}
	 * @param output where the SQL goes
	 */
	void upgradeRange(String range, Writer output) {
		offline(range, output, true);
	}

	/**
	 * The SQL of a downgrade from one revision to another, as Alembic's
	 * {@code downgrade <from>:<to> --sql} writes it.
	 * @param range the range, {@code from:to}
	 * @param output where the SQL goes
	 */
	void downgradeRange(String range, Writer output) {
		offline(range, output, false);
	}

	/**
	 * Liquibase's offline mode on a history file that holds the changesets of every
	 * revision up to the start of the range, as the database's history table would. From
	 * base there is no file, so the SQL starts by creating the history table, as
	 * Alembic's starts by creating {@code alembic_version}.
	 * @param range the range, {@code from:to}
	 * @param output where the SQL goes
	 * @param upgrade {@code true} for an upgrade, {@code false} for a downgrade
	 */
	private void offline(String range, Writer output, boolean upgrade) {
		// the database is asked only which kind it is, for its SQL dialect
		String[] dialect = this.context.withSession((session) -> new String[] { session.dialect(),
				session.databaseVersion(), String.valueOf(session.caseSensitive()) }, "Could not write the SQL: ");
		this.context.translated(() -> {
			Path folder = Files.createTempDirectory("paig-db-offline");
			Path historyFile = folder.resolve("history.csv");
			try {
				return LiquibaseSession.offline(dialect[0], dialect[1], Boolean.parseBoolean(dialect[2]), historyFile,
						this.context.settings(), this.context.resourceLoader(),
						(offline) -> write(offline, historyFile, range, output, upgrade));
			}
			finally {
				FileSystemUtils.deleteRecursively(folder);
			}
		}, "Could not write the SQL: ", "Check the changelog " + this.context.settings().changelog() + ".");
	}

	private static @Nullable Void write(LiquibaseSession session, Path historyFile, String range, Writer output,
			boolean upgrade) throws Exception {
		RevisionHistory history = session.history();
		List<Revision> plan = Targets.offlineRange(history, range, upgrade);
		if (plan.isEmpty()) {
			return null;
		}
		List<Revision> revisions = history.getRevisions();
		// the revisions applied at the start of the range
		int start = upgrade ? revisions.indexOf(plan.get(0)) : revisions.indexOf(plan.get(0)) + 1;
		List<ChangeSetRef> applied = new ArrayList<>();
		revisions.subList(0, start).forEach((revision) -> applied.addAll(revision.changeSets()));
		List<ChangeSetRef> seeded = applied.isEmpty() ? List.of() : session.seedHistory(historyFile, applied);
		if (upgrade) {
			Revision last = plan.get(plan.size() - 1);
			List<ChangeSetRef> changeSets = last.changeSets();
			session.updateSql(
					(last == history.getHead()) ? -1 : session.countThrough(changeSets.get(changeSets.size() - 1)),
					output);
			return null;
		}
		RunContext.requireReversible(plan);
		Set<ChangeSetRef> reverted = RunContext.changeSetsOf(plan);
		int rows = (int) seeded.stream().filter(reverted::contains).count();
		if (rows > 0) {
			session.rollbackSql(rows, output);
		}
		return null;
	}

}
