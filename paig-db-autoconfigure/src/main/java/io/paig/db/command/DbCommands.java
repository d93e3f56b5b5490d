package io.paig.db.command;

import java.io.PrintStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.paig.db.autogenerate.SchemaComparison;
import io.paig.db.command.DbCommandLine.UsageException;
import io.paig.db.migration.AppliedChangeSet;
import io.paig.db.migration.ChangeSetRef;
import io.paig.db.migration.MigrationException;
import io.paig.db.migration.MigrationRun;
import io.paig.db.migration.MigrationStatus;
import io.paig.db.migration.Revision;
import io.paig.db.migration.RevisionHistory;
import io.paig.db.migration.RevisionIds;
import io.paig.db.migration.Targets;
import io.paig.db.migration.runner.BaseDowngradeGuard;
import io.paig.db.migration.runner.MigrationRunner;
import org.jspecify.annotations.Nullable;

/**
 * Alembic's commands on the migration runner: {@code upgrade}, {@code downgrade},
 * {@code current}, {@code history}, {@code heads}, {@code show}, {@code stamp},
 * {@code revision} and {@code check}. Exit codes: 0 success, 1 failure or drift, 2 usage
 * error.
 *
 * @author paig-db authors
 */
public class DbCommands {

	/** Success. */
	public static final int OK = 0;

	/** A failure, or a database that is not where it should be. */
	public static final int FAILED = 1;

	/** The command line was wrong. */
	public static final int USAGE = 2;

	private final MigrationRunner runner;

	private final RevisionWriter writer;

	private final Supplier<@Nullable SchemaComparison> comparison;

	private final BaseDowngradeGuard baseGuard;

	private final PrintStream out;

	private final PrintStream err;

	/**
	 * Create the commands.
	 * @param runner the migration runner
	 * @param writer writes new revision files
	 * @param comparison compares the JPA entities with the database (or gives
	 * {@code null} without JPA); asked only by the commands that compare, so that the
	 * others start no JPA
	 * @param activeProfiles the application's active profiles
	 * @param out where results go
	 * @param err where errors go
	 */
	public DbCommands(MigrationRunner runner, RevisionWriter writer, Supplier<@Nullable SchemaComparison> comparison,
			List<String> activeProfiles, PrintStream out, PrintStream err) {
		this.runner = runner;
		this.writer = writer;
		this.comparison = comparison;
		this.baseGuard = new BaseDowngradeGuard(activeProfiles);
		this.out = out;
		this.err = err;
	}

	/**
	 * Run a command.
	 * @param args the arguments after {@code db}
	 * @return the exit code
	 */
	public int run(List<String> args) {
		DbCommandLine line;
		try {
			line = DbCommandLine.parse(args);
		}
		catch (UsageException ex) {
			this.err.println("db: " + ex.getMessage());
			return USAGE;
		}
		String command = line.command();
		if (command == null || command.equals("help")) {
			this.out.print(Help.overview());
			return (command == null && !line.has("help")) ? USAGE : OK;
		}
		if (line.has("help")) {
			String help = Help.of(command);
			if (help == null) {
				this.err.println("db: unknown command '" + command + "'\n\n" + Help.overview());
				return USAGE;
			}
			this.out.print(help);
			return OK;
		}
		try {
			return switch (command) {
				case "upgrade" -> upgrade(line);
				case "downgrade" -> downgrade(line);
				case "current" -> current(line);
				case "history" -> history(line);
				case "heads" -> heads(line);
				case "show" -> show(line);
				case "stamp" -> stamp(line);
				case "revision" -> revision(line);
				case "check" -> check(line);
				case "merge" -> merge(line);
				default -> {
					this.err.println("db: unknown command '" + command + "'\n\n" + Help.overview());
					yield USAGE;
				}
			};
		}
		catch (UsageException ex) {
			this.err.println("db " + command + ": " + ex.getMessage());
			return USAGE;
		}
		catch (RevisionHistory.UnknownRevisionException | Targets.InvalidTargetException ex) {
			this.err.println("db " + command + ": " + ex.getMessage() + " " + ex.getAction());
			return USAGE;
		}
		catch (MigrationException ex) {
			this.err.println("db " + command + " failed: " + ex.getDescription());
			this.err.println("What to do: " + ex.getAction());
			return FAILED;
		}
	}

	private int upgrade(DbCommandLine line) {
		String target = line.arguments().isEmpty() ? "head" : line.single("one target: head, +N or a revision");
		requireSqlForRange(line, target);
		return move(line, "Upgraded", (sql) -> this.runner.upgradeSql(target, sql), () -> this.runner.upgrade(target));
	}

	private int downgrade(DbCommandLine line) {
		String target = line.single("one target: -N, base or a revision");
		requireSqlForRange(line, target);
		if (!line.has("sql")) {
			BaseDowngradeGuard.Refusal refusal = this.baseGuard.check(this.runner, target, line.has("yes"),
					line.has("force"), "--yes", "--force");
			if (refusal != null) {
				this.err.println(refusal.message());
				return refusal.production() ? FAILED : USAGE;
			}
		}
		return move(line, "Downgraded", (sql) -> this.runner.downgradeSql(target, sql),
				() -> this.runner.downgrade(target));
	}

	/**
	 * A range ({@code from:to}) is offline mode's: without {@code --sql} it is refused,
	 * as Alembic refuses it ("Range revision not allowed").
	 * @param line the command line
	 * @param target the target
	 */
	private static void requireSqlForRange(DbCommandLine line, String target) {
		if (Targets.isRange(target) && !line.has("sql")) {
			throw new UsageException("a range (" + target + ") is for --sql only: it writes the SQL from one revision "
					+ "to another without running it. Add --sql, or give one target.");
		}
	}

	/**
	 * An upgrade or a downgrade: its SQL with {@code --sql}, otherwise the run and a line
	 * saying what it did.
	 * @param line the command line
	 * @param done the past tense that starts the line, such as {@code Upgraded}
	 * @param offline what writes the SQL, given where to write it
	 * @param online what runs the upgrade or downgrade
	 * @return the exit code, {@link #OK}
	 */
	private int move(DbCommandLine line, String done, Consumer<Writer> offline, Supplier<MigrationRun> online) {
		if (line.has("sql")) {
			StringWriter sql = new StringWriter();
			offline.accept(sql);
			this.out.print(sql);
			return OK;
		}
		MigrationRun run = online.get();
		this.out.println((run.applied().isEmpty() ? "Nothing to " + line.command()
				: done + " " + run.from() + " -> " + run.to() + " (" + run.applied().size() + " revision(s))") + "; at "
				+ run.to());
		return OK;
	}

	private int current(DbCommandLine line) {
		MigrationStatus status = this.runner.status();
		Revision current = status.getCurrent();
		Revision head = status.getHistory().getHead();
		if (current == null) {
			this.out.println("base");
		}
		else {
			this.out.println(current.id() + ((current == head) ? " (head)" : ""));
			if (line.has("verbose")) {
				this.out.print(describe(current, status));
			}
		}
		if (!status.getPendingRevisions().isEmpty() && line.has("verbose")) {
			this.out.println(status.getPendingRevisions().size() + " revision(s) pending");
		}
		return (line.has("check-heads") && !status.isUpToDate()) ? FAILED : OK;
	}

	private int history(DbCommandLine line) {
		MigrationStatus status = this.runner.status();
		List<Revision> revisions = new ArrayList<>(
				(line.range() != null) ? Targets.range(status, line.range()) : status.getHistory().getRevisions());
		Collections.reverse(revisions);
		Revision head = status.getHistory().getHead();
		Revision current = status.getCurrent();
		for (Revision revision : revisions) {
			if (line.has("verbose")) {
				this.out.print(describe(revision, status));
				this.out.println();
			}
			else {
				List<String> marks = new ArrayList<>();
				if (revision == head) {
					marks.add("head");
				}
				if (revision == current) {
					marks.add("current");
				}
				this.out.println(((revision.parent() != null) ? revision.parent() : "<base>") + " -> " + revision.id()
						+ (marks.isEmpty() ? "" : " (" + String.join(") (", marks) + ")") + ", " + revision.message());
			}
		}
		return OK;
	}

	/**
	 * Alembic's {@code merge heads}: where two branches each added revisions after the
	 * same parent, the later one in the master changelog is re-parented onto the head of
	 * the other, so that the history is one line again. No revision file is added: a
	 * one-line history has no merge points.
	 * @param line the command line
	 * @return the exit code
	 */
	private int merge(DbCommandLine line) {
		if (!line.arguments().isEmpty() && !(line.arguments().size() == 1 && line.arguments().get(0).equals("heads"))) {
			throw new UsageException("takes no revisions: 'db merge' (or 'db merge heads') joins the two heads");
		}
		List<Revision> revisions = this.runner.revisions();
		List<RevisionHistory.Fork> forks = RevisionHistory.forks(revisions);
		if (forks.isEmpty()) {
			Revision head = revisions.isEmpty() ? null : revisions.get(revisions.size() - 1);
			this.out.println("Nothing to merge: the history is one line, with one head ("
					+ ((head != null) ? head.id() : "base") + ").");
			return OK;
		}
		for (RevisionHistory.Fork fork : forks) {
			Revision revision = fork.revision();
			if (fork.previous() == null) {
				throw new UsageException(
						"revision " + revision.id() + " is the first in the master changelog but names '"
								+ revision.parent() + "' as its parent: include the revision files in parent order.");
			}
			Path file = this.writer.reparent(revision.file(), revision.id(), fork.previous());
			this.out.println("Merged: revision " + revision.id() + " '" + revision.message() + "' now follows "
					+ fork.previous() + " (its parent was " + ((revision.parent() != null) ? revision.parent() : "base")
					+ "): " + file);
		}
		this.out.println("The history is one line again. Rebuild the application, then 'db upgrade head' applies "
				+ "what this database has not run of either branch.");
		return OK;
	}

	private int heads(DbCommandLine line) {
		Revision head = this.runner.status().getHistory().getHead();
		this.out.println((head != null) ? head.id() + " (head)" : "base");
		return OK;
	}

	private int show(DbCommandLine line) {
		MigrationStatus status = this.runner.status();
		String target = line.single("one revision");
		Revision revision = target.equalsIgnoreCase("head") ? status.getHistory().getHead()
				: status.getHistory().find(target);
		if (revision == null) {
			this.out.println("base");
			return OK;
		}
		this.out.print(describe(revision, status));
		return OK;
	}

	private int stamp(DbCommandLine line) {
		if (line.has("from-alembic")) {
			if (!line.arguments().isEmpty()) {
				throw new UsageException("db stamp --from-alembic takes no revision: alembic_version names it");
			}
			String at = this.runner.stampFromAlembic();
			this.out.println("Stamped at " + at + ", the revision alembic_version names (nothing was run)");
			return OK;
		}
		String target = line.single("one revision: head, base or a revision");
		String at = this.runner.stamp(target);
		this.out.println("Stamped at " + at + " (nothing was run)");
		return OK;
	}

	private int revision(DbCommandLine line) {
		String message = line.message();
		if (message == null || message.isBlank()) {
			throw new UsageException("give the revision a message: db revision -m \"add owner to ai_application\"");
		}
		MigrationStatus status = this.runner.status();
		Revision head = status.getHistory().getHead();
		String id = RevisionIds.next();
		String changeSets = null;
		if (line.has("autogenerate")) {
			SchemaComparison comparison = this.comparison.get();
			if (comparison == null) {
				this.err.println("db revision --autogenerate needs JPA entities (spring-boot-starter-data-jpa with "
						+ "Hibernate) to compare the database with.");
				return FAILED;
			}
			if (!status.isUpToDate()) {
				this.err.println("db revision --autogenerate: the database is not at head ("
						+ status.getPendingRevisions().size()
						+ " revision(s) pending); run 'db upgrade head' first, so that the new revision holds only "
						+ "what is new.");
				return FAILED;
			}
			SchemaComparison.Result result = comparison.compare(id);
			if (result.isEmpty()) {
				this.out.println("No changes: the database already matches the JPA entities; nothing was written.");
				return OK;
			}
			changeSets = result.changeSets();
			result.warnings().forEach((warning) -> this.err.println("WARNING: " + warning));
		}
		Path file = this.writer.write(id, (head != null) ? head.id() : null, message, changeSets);
		this.out.println(
				"Generated " + file + " (revision " + id + ", parent " + ((head != null) ? head.id() : "base") + ")");
		return OK;
	}

	private int check(DbCommandLine line) {
		SchemaComparison comparison = this.comparison.get();
		if (comparison == null) {
			this.err.println("db check needs JPA entities (spring-boot-starter-data-jpa with Hibernate) to compare the "
					+ "database with.");
			return FAILED;
		}
		MigrationStatus status = this.runner.status();
		if (!status.isUpToDate()) {
			this.err.println("The database is not at head: " + status.getPendingRevisions().size()
					+ " revision(s) pending. Run 'db upgrade head' first.");
			return FAILED;
		}
		SchemaComparison.Result result = comparison.compare("check");
		if (result.isEmpty()) {
			this.out.println("No differences: the database at head matches the JPA entities.");
			return OK;
		}
		this.out.println("The JPA entities and the database at head differ:");
		result.differences().forEach((difference) -> this.out.println("  - " + difference));
		result.warnings().forEach((warning) -> this.err.println("WARNING: " + warning));
		this.out.println("Write a revision for them: db revision --autogenerate -m \"...\"");
		return FAILED;
	}

	private static String describe(Revision revision, MigrationStatus status) {
		StringBuilder text = new StringBuilder();
		text.append("Rev: ").append(revision.id());
		if (revision == status.getHistory().getHead()) {
			text.append(" (head)");
		}
		if (revision == status.getCurrent()) {
			text.append(" (current)");
		}
		text.append("\nParent: ").append((revision.parent() != null) ? revision.parent() : "<base>");
		text.append("\nPath: ").append(revision.file());
		text.append("\nApplied: ").append(status.isApplied(revision) ? "yes" : "no");
		text.append("\nReversible: ").append(revision.isReversible() ? "yes" : "no");
		text.append("\n\n    ").append(revision.message()).append("\n\n");
		for (ChangeSetRef changeSet : revision.changeSets()) {
			AppliedChangeSet row = status.getApplied()
				.stream()
				.filter((r) -> r.isFor(changeSet))
				.findFirst()
				.orElse(null);
			text.append("    changeset ").append(changeSet.id()).append(" by ").append(changeSet.author());
			if (row != null) {
				text.append(": ").append(row.execType().toLowerCase(Locale.ROOT));
				if (row.executedAt() != null) {
					text.append(" at ").append(row.executedAt());
				}
			}
			else {
				text.append(": pending");
			}
			text.append('\n');
		}
		return text.toString();
	}

	/**
	 * The help texts.
	 */
	static final class Help {

		private Help() {
		}

		static String overview() {
			return """
					usage: db <command> [options]     (through the application: java -jar app.jar db ...)

					  upgrade [head|<rev>|+N] [--sql]      apply revisions (default head); --sql prints the SQL instead
					  upgrade <from>:<to> --sql            the SQL from one revision to another, without reading the database
					  downgrade -N|<rev>|base [--sql] [--yes] [--force]
					                                       revert revisions; reaching base needs --yes
					  downgrade <from>:<to> --sql          the rollback SQL from one revision down to another
					  current [-v] [--check-heads]         the revision the database is at; exit 1 with --check-heads if not at head
					  history [-v] [-r start:end]          the revisions, newest first (-r: a range, as Alembic's)
					  heads                                the newest revision
					  show <rev>                           one revision in full
					  stamp <rev>|head|base                record the database at a revision without running anything
					  stamp --from-alembic                 record the database at the revision alembic_version names
					  revision -m "message" [--autogenerate]
					                                       write a new revision; --autogenerate fills it from the JPA entities
					  check                                exit 1 and list the differences when the entities and the database differ
					  merge [heads]                        join two heads: re-parent the later branch onto the other's head

					A revision may be given by a unique prefix of its id. Exit codes: 0 success, 1 failure or drift, 2 usage.
					'db <command> --help' tells more.
					""";
		}

		static @Nullable String of(String command) {
			return switch (command) {
				case "upgrade" -> """
						usage: db upgrade [head|<rev>|+N] [--sql]
						       db upgrade <from>:<to> --sql
						Apply pending revisions: all (head, the default), up to and including <rev>, or the next N.
						--sql prints the SQL the upgrade would run, history-table statements included, and runs nothing.
						With a range, as Alembic's offline mode: the SQL from <from> (base, head or a revision) to <to>,
						for a database at <from>; the database's history is not read.
						""";
				case "downgrade" ->
					"""
							usage: db downgrade -N|<rev>|base [--sql] [--yes] [--force]
							       db downgrade <from>:<to> --sql
							Revert the last N revisions, the revisions after <rev> (it stays applied), or all (base).
							A revision that cannot be reverted is named before anything is touched.
							A downgrade that reverts every applied revision (base, or -N or <rev> that reach it) drops every
							object the revisions created: it needs --yes, and under a production-looking profile also
							--force. -N past base is refused, as in Alembic. --sql prints the SQL instead of running it.
							With a range, as Alembic's offline mode: the rollback SQL from <from> down to <to>, for a database
							at <from>; the database's history is not read.
							""";
				case "current" -> """
						usage: db current [-v] [--check-heads]
						Print the revision the database is at ('base' when none). With --check-heads, exit 1 when it is
						not at head.
						""";
				case "history" -> """
						usage: db history [-v] [-r [start]:[end]]
						List the revisions, newest first: parent -> id (marks), message. -v prints each in full.
						-r limits the list to a range, both ends included, as Alembic's history does: an end is a
						revision, base, head or current, or left out (base, head); a relative end counts from the
						other one (-r -3: is the three revisions before head and head; -r current:+2 is current and
						the next two).
						""";
				case "heads" -> """
						usage: db heads
						Print the newest revision (the history is one line: there is one head).
						""";
				case "show" -> """
						usage: db show <rev>|head
						Print one revision in full: parent, file, message, changesets and whether they ran.
						""";
				case "stamp" -> """
						usage: db stamp <rev>|head|base
						       db stamp --from-alembic
						Record the database as being at a revision without running anything: revisions up to it are
						marked applied, later ones unapplied. --from-alembic takes the revision from Alembic's
						alembic_version table (what start-up does by itself when it adopts a database Alembic built).
						""";
				case "revision" -> """
						usage: db revision -m "message" [--autogenerate]
						Write a new revision file into the changelog folder (database.command.changelog-folder) whose
						parent is the head, and include it in the master changelog. With --autogenerate it holds the
						changes that bring the database to the JPA entities, each with its rollback; with no
						difference nothing is written.
						""";
				case "merge" -> """
						usage: db merge [heads]
						Where two branches each added revisions after the same parent (two heads; start-up refuses such
						a history), rewrite the parent of the later one in the master changelog so that it follows the
						head of the other, in its file in the changelog folder (database.command.changelog-folder). The
						history is one line again; a database that applied either branch gets the other's revisions at
						the next upgrade.
						""";
				case "check" -> """
						usage: db check
						Exit 1 and list the differences when the JPA entities and the database at head disagree
						(for CI, like 'alembic check').
						""";
				default -> null;
			};
		}

	}

}
