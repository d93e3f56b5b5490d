package io.paig.db.command;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.paig.db.migration.Revision;
import io.paig.db.migration.runner.MigrationRunner;
import io.paig.db.testsupport.SqliteRevisions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DbCommands}, on a SQLite file with a history of three revisions.
 *
 * @author paig-db authors
 */
class DbCommandsTests {

	private static final String FIRST = SqliteRevisions.FIRST;

	private static final String SECOND = SqliteRevisions.SECOND;

	private static final String THIRD = SqliteRevisions.THIRD;

	@TempDir
	Path temp;

	private SqliteRevisions revisions;

	private MigrationRunner runner;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@BeforeEach
	void history() {
		this.revisions = SqliteRevisions.in(this.temp);
		this.runner = this.revisions.runner();
	}

	private int run(String... args) {
		return runUnder(List.of(), args);
	}

	private int runUnder(List<String> profiles, String... args) {
		this.out.reset();
		this.err.reset();
		RevisionWriter writer = new RevisionWriter(this.revisions.changelogs().folder(), "db.changelog-master.yaml");
		DbCommands commands = new DbCommands(this.runner, writer, () -> null, profiles,
				new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
		return commands.run(List.of(args));
	}

	private String out() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	private String err() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

	private String current() {
		Revision current = this.runner.status().getCurrent();
		return (current != null) ? current.id() : "base";
	}

	@Test
	void noCommandPrintsTheOverviewAndIsAUsageError() {
		assertThat(run()).isEqualTo(DbCommands.USAGE);
		assertThat(out()).contains("usage: db <command> [options]").contains("upgrade [head|<rev>|+N]");
	}

	@Test
	void helpPrintsTheOverviewAndSucceeds() {
		assertThat(run("help")).isEqualTo(DbCommands.OK);
		assertThat(out()).contains("usage: db <command> [options]");
		assertThat(run("--help")).isEqualTo(DbCommands.OK);
		assertThat(out()).contains("usage: db <command> [options]");
		assertThat(run("-h")).isEqualTo(DbCommands.OK);
		assertThat(out()).contains("usage: db <command> [options]");
	}

	@Test
	void helpOfEachCommandPrintsItsUsageAndRunsNothing() throws Exception {
		for (String command : List.of("upgrade", "downgrade", "current", "history", "heads", "show", "stamp",
				"revision", "check")) {
			assertThat(run(command, "--help")).as(command).isEqualTo(DbCommands.OK);
			assertThat(out()).as(command).startsWith("usage: db " + command);
		}
		assertThat(run("downgrade", "-h")).isEqualTo(DbCommands.OK);
		assertThat(out()).contains("needs --yes");
		assertThat(this.revisions.tableExists("DATABASECHANGELOG")).isFalse();
	}

	@Test
	void helpOfAnUnknownCommandIsAUsageError() {
		assertThat(run("frobnicate", "--help")).isEqualTo(DbCommands.USAGE);
		assertThat(err()).contains("db: unknown command 'frobnicate'").contains("usage: db <command> [options]");
		assertThat(out()).isEmpty();
	}

	@Test
	void unknownCommandIsAUsageErrorShowingTheOverview() {
		assertThat(run("migrate")).isEqualTo(DbCommands.USAGE);
		assertThat(err()).contains("db: unknown command 'migrate'").contains("usage: db <command> [options]");
	}

	@Test
	void unknownOptionIsAUsageErrorListingEveryOption() throws Exception {
		assertThat(run("upgrade", "--dry-run")).isEqualTo(DbCommands.USAGE);
		assertThat(err()).contains("db: Unknown option '--dry-run'. Options: " + DbCommandLine.OPTIONS);
		assertThat(this.revisions.tableExists("users")).isFalse();
	}

	@Test
	void upgradeWithoutATargetAppliesEveryRevision() throws Exception {
		assertThat(run("upgrade")).isEqualTo(DbCommands.OK);
		assertThat(out()).isEqualTo("Upgraded base -> " + THIRD + " (3 revision(s)); at " + THIRD + "\n");
		assertThat(current()).isEqualTo(THIRD);
		assertThat(this.revisions.query("select count(*) from users where name = 'admin'")).isEqualTo("1");
	}

	@Test
	void upgradeAtHeadSaysThereIsNothingToDo() {
		this.runner.upgrade();
		assertThat(run("upgrade", "head")).isEqualTo(DbCommands.OK);
		assertThat(out()).isEqualTo("Nothing to upgrade; at " + THIRD + "\n");
	}

	@Test
	void upgradeToARevisionStopsAtIt() {
		assertThat(run("upgrade", SECOND)).isEqualTo(DbCommands.OK);
		assertThat(out()).contains("Upgraded base -> " + SECOND + " (2 revision(s))");
		assertThat(current()).isEqualTo(SECOND);
	}

	@Test
	void upgradeByARelativeCountAppliesThatMany() {
		assertThat(run("upgrade", "+2")).isEqualTo(DbCommands.OK);
		assertThat(current()).isEqualTo(SECOND);
		assertThat(run("upgrade", "+1")).isEqualTo(DbCommands.OK);
		assertThat(out()).contains("Upgraded " + SECOND + " -> " + THIRD + " (1 revision(s))");
	}

	@Test
	void upgradeByMoreThanIsPendingIsAUsageErrorAndChangesNothing() throws Exception {
		this.runner.upgrade("+1");
		assertThat(run("upgrade", "+20")).isEqualTo(DbCommands.USAGE);
		assertThat(err()).contains("db upgrade: Relative revision +20 didn't produce 20 migrations")
			.contains("2 revision(s) are pending")
			.contains("Nothing was changed.")
			.contains("Upgrade by at most +2, or to 'head'.");
		assertThat(current()).isEqualTo(FIRST);
		assertThat(this.revisions.query("select count(*) from DATABASECHANGELOG")).isEqualTo("1");
	}

	@Test
	void upgradeByOneAtHeadIsAUsageError() {
		this.runner.upgrade();
		assertThat(run("upgrade", "+1")).isEqualTo(DbCommands.USAGE);
		assertThat(err()).contains("didn't produce 1 migrations")
			.contains("The database is at head: there is nothing to upgrade.");
		assertThat(current()).isEqualTo(THIRD);
	}

	@Test
	void upgradeByZeroOrByWordsIsAUsageError() {
		assertThat(run("upgrade", "+0")).isEqualTo(DbCommands.USAGE);
		assertThat(err()).contains("'+0' is not a number of revisions.");
		assertThat(run("upgrade", "+two")).isEqualTo(DbCommands.USAGE);
		assertThat(err()).contains("'+two' is not a number of revisions.");
	}

	@Test
	void upgradeToAnUnknownRevisionIsAUsageError() throws Exception {
		assertThat(run("upgrade", "ffff")).isEqualTo(DbCommands.USAGE);
		assertThat(err()).contains("db upgrade: No revision has an id starting with 'ffff'.")
			.contains("List the revisions with 'db history'.");
		assertThat(this.revisions.tableExists("users")).isFalse();
	}

	@Test
	void upgradeToAPrefixOfSeveralRevisionsIsAUsageErrorNamingThem() {
		assertThat(run("upgrade", "aaaa")).isEqualTo(DbCommands.USAGE);
		assertThat(err()).contains("'aaaa' fits 3 revisions: " + FIRST + ", " + SECOND + ", " + THIRD)
			.contains("Give more characters of the id.");
	}

	@Test
	void upgradeWithTwoTargetsIsAUsageError() {
		assertThat(run("upgrade", "head", SECOND)).isEqualTo(DbCommands.USAGE);
		assertThat(err()).contains("db upgrade: 'db upgrade' takes one target: head, +N or a revision only");
	}

	@Test
	void upgradeSqlPrintsTheSqlAndChangesNothing() throws Exception {
		assertThat(run("upgrade", "head", "--sql")).isEqualTo(DbCommands.OK);
		assertThat(out()).containsIgnoringCase("CREATE TABLE users")
			.containsIgnoringCase("ALTER TABLE users ADD COLUMN email")
			.containsIgnoringCase("INSERT INTO users")
			.contains("DATABASECHANGELOG");
		assertThat(this.revisions.tableExists("users")).isFalse();
		assertThat(this.runner.status().getAppliedRevisions()).isEmpty();
	}

	@Test
	void upgradeSqlToARevisionPrintsOnlyItsRevisions() throws Exception {
		assertThat(run("upgrade", FIRST, "--sql")).isEqualTo(DbCommands.OK);
		assertThat(out()).containsIgnoringCase("CREATE TABLE users").doesNotContainIgnoringCase("INSERT INTO users");
		assertThat(this.revisions.tableExists("users")).isFalse();
	}

	@Test
	void sqlForRelativeTargetsPastTheEndsIsAUsageErrorAndPrintsNothing() {
		this.runner.upgrade("+1");
		assertThat(run("upgrade", "+20", "--sql")).isEqualTo(DbCommands.USAGE);
		assertThat(err()).contains("didn't produce 20 migrations");
		assertThat(out()).isEmpty();
		assertThat(run("downgrade", "-9", "--sql")).isEqualTo(DbCommands.USAGE);
		assertThat(err()).contains("didn't produce 9 migrations");
		assertThat(out()).isEmpty();
		assertThat(current()).isEqualTo(FIRST);
	}

	@Test
	void upgradeSqlOfARangeTakesItsStartFromTheArgumentNotTheDatabase() throws Exception {
		assertThat(run("upgrade", FIRST + ":heads", "--sql")).isEqualTo(DbCommands.OK);
		assertThat(out()).doesNotContainIgnoringCase("CREATE TABLE users")
			.containsIgnoringCase("ALTER TABLE users ADD COLUMN email")
			.containsIgnoringCase("INSERT INTO users")
			.contains("INSERT INTO DATABASECHANGELOG");
		assertThat(this.revisions.tableExists("DATABASECHANGELOG")).isFalse();
	}

	@Test
	void downgradeSqlOfARangePrintsTheRollbackWithoutTheDatabase() throws Exception {
		assertThat(run("downgrade", "head:" + FIRST, "--sql")).isEqualTo(DbCommands.OK);
		assertThat(out()).containsIgnoringCase("DELETE FROM users WHERE name = 'admin'")
			.containsIgnoringCase("ALTER TABLE users DROP COLUMN email")
			.contains("DELETE FROM DATABASECHANGELOG WHERE ID = 'add-email'")
			.doesNotContain("create-users");
		assertThat(this.revisions.tableExists("DATABASECHANGELOG")).isFalse();
	}

	@Test
	void rangesThatCannotBeReadAreUsageErrorsAndPrintNothing() {
		assertThat(run("upgrade", SECOND + ":" + FIRST, "--sql")).isEqualTo(DbCommands.USAGE);
		assertThat(err()).contains(SECOND + " comes after " + FIRST).contains("db downgrade");
		assertThat(run("downgrade", FIRST + ":head", "--sql")).isEqualTo(DbCommands.USAGE);
		assertThat(err()).contains(FIRST + " comes before head");
		assertThat(run("upgrade", "ffff:head", "--sql")).isEqualTo(DbCommands.USAGE);
		assertThat(err()).contains("No revision has an id starting with 'ffff'");
		assertThat(run("upgrade", "current:head", "--sql")).isEqualTo(DbCommands.USAGE);
		assertThat(err()).contains("offline mode does not read");
		assertThat(run("upgrade", ":head", "--sql")).isEqualTo(DbCommands.USAGE);
		assertThat(err()).contains("is not a range of the form <from>:<to>");
		assertThat(run("upgrade", "base:head")).isEqualTo(DbCommands.USAGE);
		assertThat(err()).contains("a range (base:head) is for --sql only");
		assertThat(run("downgrade", "head:base")).isEqualTo(DbCommands.USAGE);
		assertThat(err()).contains("is for --sql only");
		assertThat(out()).isEmpty();
		assertThat(current()).isEqualTo("base");
	}

	@Test
	void failingRevisionFailsWithWhatToDo() throws Exception {
		this.revisions = SqliteRevisions.withBrokenSecond(this.temp.resolve("broken"));
		this.runner = this.revisions.runner();
		assertThat(run("upgrade")).isEqualTo(DbCommands.FAILED);
		assertThat(err()).contains("db upgrade failed: ").contains("'broken'").contains("What to do: ");
		assertThat(current()).isEqualTo(FIRST);
	}

	@Test
	void downgradeWithoutATargetIsAUsageError() {
		this.runner.upgrade();
		assertThat(run("downgrade")).isEqualTo(DbCommands.USAGE);
		assertThat(err()).contains("'db downgrade' takes one target: -N, base or a revision");
		assertThat(current()).isEqualTo(THIRD);
	}

	@Test
	void downgradeByOneRevertsTheLastRevision() throws Exception {
		this.runner.upgrade();
		assertThat(run("downgrade", "-1")).isEqualTo(DbCommands.OK);
		assertThat(out()).isEqualTo("Downgraded " + THIRD + " -> " + SECOND + " (1 revision(s)); at " + SECOND + "\n");
		assertThat(current()).isEqualTo(SECOND);
		assertThat(this.revisions.query("select count(*) from users")).isEqualTo("0");
	}

	@Test
	void downgradeByOneAtBaseIsAUsageError() {
		assertThat(run("downgrade", "-1")).isEqualTo(DbCommands.USAGE);
		assertThat(err()).contains("didn't produce 1 migrations")
			.contains("The database is at base: there is nothing to downgrade.");
	}

	@Test
	void downgradePastBaseIsAUsageErrorAndChangesNothing() throws Exception {
		this.runner.upgrade();
		assertThat(run("downgrade", "-9", "--yes")).isEqualTo(DbCommands.USAGE);
		assertThat(err()).contains("Relative revision -9 didn't produce 9 migrations: 3 revision(s) are applied")
			.contains("Nothing was changed.")
			.contains("Downgrade by at most -3, or to 'base'.");
		assertThat(current()).isEqualTo(THIRD);
		assertThat(this.revisions.query("select count(*) from users")).isEqualTo("1");
	}

	@Test
	void downgradeByEveryAppliedRevisionNeedsYes() throws Exception {
		this.runner.upgrade();
		assertThat(run("downgrade", "-3")).isEqualTo(DbCommands.USAGE);
		assertThat(err()).contains("The downgrade to '-3', which reaches base, reverts every applied revision")
			.contains("Run it again with --yes");
		assertThat(current()).isEqualTo(THIRD);
		assertThat(this.revisions.tableExists("users")).isTrue();
		assertThat(run("downgrade", "-3", "--yes")).isEqualTo(DbCommands.OK);
		assertThat(out()).contains("Downgraded " + THIRD + " -> base (3 revision(s)); at base");
		assertThat(current()).isEqualTo("base");
		assertThat(this.revisions.tableExists("users")).isFalse();
	}

	@Test
	void downgradeByEveryRevisionOfAPartlyAppliedHistoryNeedsYes() {
		this.runner.upgrade("+2");
		assertThat(run("downgrade", "-2")).isEqualTo(DbCommands.USAGE);
		assertThat(err()).contains("which reaches base");
		assertThat(current()).isEqualTo(SECOND);
		assertThat(run("downgrade", "-1")).isEqualTo(DbCommands.OK);
		assertThat(current()).isEqualTo(FIRST);
	}

	@Test
	void downgradeToBaseNeedsYes() throws Exception {
		this.runner.upgrade();
		assertThat(run("downgrade", "base")).isEqualTo(DbCommands.USAGE);
		assertThat(err()).contains("The downgrade to 'base' reverts every applied revision")
			.doesNotContain("which reaches base")
			.contains("--yes");
		assertThat(current()).isEqualTo(THIRD);
		assertThat(run("downgrade", "base", "--yes")).isEqualTo(DbCommands.OK);
		assertThat(current()).isEqualTo("base");
		assertThat(this.revisions.tableExists("users")).isFalse();
	}

	@Test
	void downgradeReachingBaseUnderAProductionProfileAlsoNeedsForce() throws Exception {
		this.runner.upgrade();
		List<String> prod = List.of("default", "prod");
		assertThat(runUnder(prod, "downgrade", "-3")).isEqualTo(DbCommands.USAGE);
		assertThat(err()).contains("--yes");
		assertThat(runUnder(prod, "downgrade", "-3", "--yes")).isEqualTo(DbCommands.FAILED);
		assertThat(err()).contains("the active profile(s) [prod] look like production")
			.contains("Add --force if you really mean it.");
		assertThat(current()).isEqualTo(THIRD);
		assertThat(this.revisions.tableExists("users")).isTrue();
		assertThat(runUnder(prod, "downgrade", "-3", "--yes", "--force")).isEqualTo(DbCommands.OK);
		assertThat(current()).isEqualTo("base");
	}

	@Test
	void downgradeThatKeepsARevisionNeedsNoConfirmationUnderAProductionProfile() {
		this.runner.upgrade();
		assertThat(runUnder(List.of("prod"), "downgrade", "-2")).isEqualTo(DbCommands.OK);
		assertThat(current()).isEqualTo(FIRST);
	}

	@Test
	void downgradeToTheFirstRevisionKeepsItAndNeedsNoYes() throws Exception {
		this.runner.upgrade();
		assertThat(run("downgrade", FIRST)).isEqualTo(DbCommands.OK);
		assertThat(out()).contains("Downgraded " + THIRD + " -> " + FIRST + " (2 revision(s)); at " + FIRST);
		assertThat(current()).isEqualTo(FIRST);
		assertThat(this.revisions.tableExists("users")).isTrue();
	}

	@Test
	void downgradeToARevisionNotAppliedIsAUsageError() {
		this.runner.upgrade("+1");
		assertThat(run("downgrade", THIRD)).isEqualTo(DbCommands.USAGE);
		assertThat(err()).contains("Revision " + THIRD + " 'seed admin' is not applied");
		assertThat(current()).isEqualTo(FIRST);
	}

	@Test
	void downgradeToBaseWithSqlNeedsNoYesAndChangesNothing() throws Exception {
		this.runner.upgrade();
		assertThat(runUnder(List.of("prod"), "downgrade", "base", "--sql")).isEqualTo(DbCommands.OK);
		assertThat(out()).containsIgnoringCase("DROP TABLE users")
			.containsIgnoringCase("DELETE FROM users")
			.contains("DATABASECHANGELOG");
		assertThat(err()).isEmpty();
		assertThat(current()).isEqualTo(THIRD);
		assertThat(this.revisions.query("select count(*) from users")).isEqualTo("1");
	}

	@Test
	void currentAtBaseSaysBase() {
		assertThat(run("current")).isEqualTo(DbCommands.OK);
		assertThat(out()).isEqualTo("base\n");
	}

	@Test
	void currentAtHeadMarksTheHead() {
		this.runner.upgrade();
		assertThat(run("current")).isEqualTo(DbCommands.OK);
		assertThat(out()).isEqualTo(THIRD + " (head)\n");
	}

	@Test
	void currentVerboseDescribesTheRevisionAndCountsWhatIsPending() {
		this.runner.upgrade("+1");
		assertThat(run("current", "-v")).isEqualTo(DbCommands.OK);
		assertThat(out()).startsWith(FIRST + "\n")
			.contains("Rev: " + FIRST + " (current)")
			.contains("Parent: <base>")
			.contains("Applied: yes")
			.contains("changeset create-users by paig: executed at ")
			.contains("2 revision(s) pending");
	}

	@Test
	void currentWithCheckHeadsFailsUnlessAtHead() {
		this.runner.upgrade("+2");
		assertThat(run("current", "--check-heads")).isEqualTo(DbCommands.FAILED);
		assertThat(out()).isEqualTo(SECOND + "\n");
		this.runner.upgrade();
		assertThat(run("current", "--check-heads")).isEqualTo(DbCommands.OK);
	}

	@Test
	void historyListsTheRevisionsNewestFirstWithTheirMarks() {
		this.runner.upgrade("+2");
		assertThat(run("history")).isEqualTo(DbCommands.OK);
		assertThat(out()).isEqualTo(SECOND + " -> " + THIRD + " (head), seed admin\n" + FIRST + " -> " + SECOND
				+ " (current), add email\n" + "<base> -> " + FIRST + ", create users\n");
	}

	@Test
	void historyMarksARevisionThatIsHeadAndCurrent() {
		this.runner.upgrade();
		assertThat(run("history")).isEqualTo(DbCommands.OK);
		assertThat(out()).startsWith(SECOND + " -> " + THIRD + " (head) (current), seed admin\n");
	}

	@Test
	void historyWithARangeListsOnlyThatRangeNewestFirst() {
		this.runner.upgrade("+1");
		assertThat(run("history", "-r", "current:")).isEqualTo(DbCommands.OK);
		assertThat(out()).isEqualTo(SECOND + " -> " + THIRD + " (head), seed admin\n" + FIRST + " -> " + SECOND
				+ ", add email\n" + "<base> -> " + FIRST + " (current), create users\n");
	}

	@Test
	void historyWithARelativeRangePastTheEndStopsThereAsAlembicsDoes() {
		assertThat(run("history", "-r-5:")).isEqualTo(DbCommands.OK);
		assertThat(out()).contains("-> " + THIRD).contains("-> " + FIRST);
	}

	@Test
	void historyWithARangeThatRunsBackwardsIsAUsageError() {
		assertThat(run("history", "-r", THIRD + ":" + FIRST)).isEqualTo(DbCommands.USAGE);
		assertThat(err()).contains("runs backwards");
		assertThat(out()).isEmpty();
	}

	@Test
	void historyVerboseDescribesEachRevisionInFull() {
		assertThat(run("history", "--verbose")).isEqualTo(DbCommands.OK);
		assertThat(out()).contains("Rev: " + THIRD + " (head)")
			.contains("Rev: " + SECOND)
			.contains("Rev: " + FIRST)
			.contains("Applied: no")
			.contains("changeset seed-admin by paig: pending");
		assertThat(out().indexOf("Rev: " + THIRD)).isLessThan(out().indexOf("Rev: " + FIRST));
	}

	@Test
	void headsPrintsTheNewestRevision() {
		assertThat(run("heads")).isEqualTo(DbCommands.OK);
		assertThat(out()).isEqualTo(THIRD + " (head)\n");
	}

	@Test
	void showDescribesOneRevisionInFull() {
		this.runner.upgrade();
		assertThat(run("show", SECOND)).isEqualTo(DbCommands.OK);
		assertThat(out()).startsWith("Rev: " + SECOND + "\n")
			.contains("Parent: " + FIRST)
			.containsPattern("Path: .*" + SECOND + "_add_email.yaml")
			.contains("Applied: yes")
			.contains("Reversible: yes")
			.contains("    add email")
			.contains("changeset add-email by paig: executed at ");
	}

	@Test
	void showHeadDescribesTheNewestRevision() {
		assertThat(run("show", "head")).isEqualTo(DbCommands.OK);
		assertThat(out()).startsWith("Rev: " + THIRD + " (head)\n")
			.contains("Applied: no")
			.contains("changeset seed-admin by paig: pending");
	}

	@Test
	void showWithoutARevisionIsAUsageError() {
		assertThat(run("show")).isEqualTo(DbCommands.USAGE);
		assertThat(err()).contains("'db show' takes one revision");
	}

	@Test
	void showOfAnUnknownRevisionIsAUsageError() {
		assertThat(run("show", "0000")).isEqualTo(DbCommands.USAGE);
		assertThat(err()).contains("db show: No revision has an id starting with '0000'.");
	}

	@Test
	void stampRecordsARevisionWithoutRunningIt() throws Exception {
		assertThat(run("stamp", SECOND)).isEqualTo(DbCommands.OK);
		assertThat(out()).isEqualTo("Stamped at " + SECOND + " (nothing was run)\n");
		assertThat(current()).isEqualTo(SECOND);
		assertThat(this.revisions.tableExists("users")).isFalse();
		assertThat(run("stamp", "base")).isEqualTo(DbCommands.OK);
		assertThat(out()).isEqualTo("Stamped at base (nothing was run)\n");
		assertThat(current()).isEqualTo("base");
	}

	@Test
	void stampWithoutARevisionIsAUsageError() {
		assertThat(run("stamp")).isEqualTo(DbCommands.USAGE);
		assertThat(err()).contains("'db stamp' takes one revision: head, base or a revision");
	}

	@Test
	void stampFromAlembicRecordsTheRevisionAlembicVersionNames() throws Exception {
		this.revisions.execute("create table alembic_version (version_num varchar(32) not null primary key)");
		this.revisions.execute("insert into alembic_version values ('" + SECOND + "')");
		assertThat(run("stamp", "--from-alembic")).isEqualTo(DbCommands.OK);
		assertThat(out())
			.isEqualTo("Stamped at " + SECOND + ", the revision alembic_version names (nothing was run)\n");
		assertThat(current()).isEqualTo(SECOND);
		assertThat(this.revisions.tableExists("users")).isFalse();
	}

	@Test
	void stampFromAlembicWithoutAlembicVersionFailsWithWhatToDo() {
		assertThat(run("stamp", "--from-alembic")).isEqualTo(DbCommands.FAILED);
		assertThat(err()).contains("db stamp failed: There is no alembic_version table")
			.contains("What to do: Record a revision by hand with 'db stamp <rev>' instead.");
	}

	@Test
	void stampFromAlembicWithARevisionIsAUsageError() {
		assertThat(run("stamp", "--from-alembic", SECOND)).isEqualTo(DbCommands.USAGE);
		assertThat(err()).contains("db stamp --from-alembic takes no revision");
		assertThat(current()).isEqualTo("base");
	}

	@Test
	void revisionWithoutAMessageIsAUsageError() {
		assertThat(run("revision")).isEqualTo(DbCommands.USAGE);
		assertThat(err()).contains("give the revision a message: db revision -m");
		assertThat(run("revision", "-m", " ")).isEqualTo(DbCommands.USAGE);
	}

	@Test
	void revisionWritesANewRevisionWhoseParentIsTheHead() throws Exception {
		assertThat(run("revision", "-m", "add owner")).isEqualTo(DbCommands.OK);
		Matcher generated = Pattern.compile("Generated (.+) \\(revision ([0-9a-f]+), parent " + THIRD + "\\)\n")
			.matcher(out());
		assertThat(generated.matches()).as(out()).isTrue();
		Path file = Path.of(generated.group(1));
		assertThat(file).exists().hasFileName(generated.group(2) + "_add_owner.yaml");
		assertThat(Files.readString(file)).contains("id: \"" + generated.group(2) + "\"")
			.contains("parent: \"" + THIRD + "\"");
		assertThat(this.revisions.runner().status().getHistory().getHead().id()).isEqualTo(generated.group(2));
	}

	@Test
	void revisionMessageIsKeptAsWrittenWhateverCharactersItHas() throws Exception {
		String message = "add owner\nrevision:\n  id: evil\r\n\t\"quoted\" \\ back # not a comment\u2028next\u0007 \uD83C\uDF89 \uD800 \uFFFE\u0085";
		assertThat(run("revision", "-m", message)).isEqualTo(DbCommands.OK);
		Revision head = this.revisions.runner().status().getHistory().getHead();
		assertThat(head.id()).isNotEqualTo("evil");
		assertThat(head.parent()).isEqualTo(THIRD);
		assertThat(head.message()).isEqualTo(message);
	}

	@Test
	void revisionAutogenerateWithoutJpaFails() {
		assertThat(run("revision", "--autogenerate", "-m", "add owner")).isEqualTo(DbCommands.FAILED);
		assertThat(err()).contains("db revision --autogenerate needs JPA entities");
	}

	@Test
	void checkWithoutJpaFails() {
		assertThat(run("check")).isEqualTo(DbCommands.FAILED);
		assertThat(err()).contains("db check needs JPA entities");
	}

}
