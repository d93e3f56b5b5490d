package io.paig.db.migration.runner;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.paig.db.migration.ChangeSetRef;
import io.paig.db.migration.EditedRevisionException;
import io.paig.db.migration.MigrationException;
import io.paig.db.migration.MigrationLockTimeoutException;
import io.paig.db.migration.MigrationRun;
import io.paig.db.migration.MigrationSettings;
import io.paig.db.migration.PendingRevisionsException;
import io.paig.db.migration.Revision;
import io.paig.db.migration.RevisionFailedException;
import io.paig.db.migration.RevisionHistory;
import io.paig.db.migration.Targets;
import io.paig.db.migration.UnknownAlembicRevisionException;
import io.paig.db.migration.liquibase.IndexedChangeLogHistoryService;
import io.paig.db.migration.lock.MigrationLock;
import io.paig.db.migration.lock.MigrationLocks;
import io.paig.db.testsupport.Changelogs;
import io.paig.db.url.JdbcSettings;
import io.paig.db.url.JdbcTranslator;
import io.paig.db.url.SqliteOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The migration runner's behaviour, run against each database by a subclass.
 *
 * @author paig-db authors
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractMigrationRunnerTests {

	static final String USERS = """
			  - changeSet:
			      id: create-users
			      author: paig
			      changes:
			        - createTable:
			            tableName: users
			            columns:
			              - column: { name: id, type: int, autoIncrement: true, constraints: { primaryKey: true } }
			              - column: { name: name, type: varchar(100), constraints: { nullable: false } }
			""";

	static final String EMAIL = """
			  - changeSet:
			      id: add-email
			      author: paig
			      changes:
			        - addColumn:
			            tableName: users
			            columns:
			              - column: { name: email, type: varchar(255) }
			""";

	static final String SEED = """
			  - changeSet:
			      id: seed-admin
			      author: paig
			      changes:
			        - insert:
			            tableName: users
			            columns:
			              - column: { name: name, value: admin }
			      rollback:
			        - delete: { tableName: users, where: "name = 'admin'" }
			""";

	@TempDir
	Path temp;

	private final List<HikariDataSource> dataSources = new ArrayList<>();

	/**
	 * The database.url of a database of the test's own, empty.
	 * @return the URL
	 */
	abstract String url();

	/**
	 * Empty the database before each test.
	 * @throws Exception on failure
	 */
	abstract void reset() throws Exception;

	/**
	 * Whether DDL in this database is transactional.
	 * @return {@code true} for PostgreSQL and SQLite
	 */
	abstract boolean transactionalDdl();

	@BeforeEach
	void resetDatabase() throws Exception {
		reset();
	}

	@AfterEach
	void closeDataSources() {
		this.dataSources.forEach(HikariDataSource::close);
	}

	HikariDataSource dataSource() {
		JdbcSettings jdbc = new JdbcTranslator(SqliteOptions.DEFAULTS, null).translate(url(), null, null);
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(jdbc.jdbcUrl());
		dataSource.setUsername(jdbc.username());
		dataSource.setPassword(jdbc.password());
		dataSource.setMaximumPoolSize(4);
		this.dataSources.add(dataSource);
		return dataSource;
	}

	MigrationRunner runner(Changelogs changelogs) {
		return runner(changelogs, MigrationSettings.of(changelogs.location()));
	}

	MigrationRunner runner(Changelogs changelogs, MigrationSettings settings) {
		return new MigrationRunner(dataSource(), settings, new DefaultResourceLoader());
	}

	Changelogs threeRevisions() {
		return new Changelogs(this.temp.resolve("changelog")).revision("aaaa00000001", "create users", USERS)
			.revision("aaaa00000002", "add email", EMAIL)
			.revision("aaaa00000003", "seed admin", SEED);
	}

	@Test
	void appliesPendingRevisionsInOrderOnce() throws Exception {
		MigrationRunner runner = runner(threeRevisions());
		MigrationRun run = runner.upgrade();
		assertThat(run.outcome()).isEqualTo(MigrationRun.Outcome.APPLIED);
		assertThat(run.applied()).extracting(Revision::id)
			.containsExactly("aaaa00000001", "aaaa00000002", "aaaa00000003");
		assertThat(run.from()).isEqualTo("base");
		assertThat(run.to()).isEqualTo("aaaa00000003");
		assertThat(query("select count(*) from users where name = 'admin' and email is null")).isEqualTo("1");
		MigrationRun again = runner.upgrade();
		assertThat(again.outcome()).isEqualTo(MigrationRun.Outcome.UP_TO_DATE);
		assertThat(again.applied()).isEmpty();
		assertThat(query("select count(*) from users")).isEqualTo("1");
		assertThat(query("select count(*) from DATABASECHANGELOG")).isEqualTo("3");
		assertThat(runner.status().getCurrent().id()).isEqualTo("aaaa00000003");
	}

	@Test
	void recordsEachRevisionAsTheTagOfItsLastChangeset() throws Exception {
		Changelogs changelogs = new Changelogs(this.temp.resolve("changelog")).revision("bbbb00000001",
				"two changesets", USERS + SEED.replace("seed-admin", "seed-admin-in-same-revision"));
		runner(changelogs).upgrade();
		assertThat(query("select TAG from DATABASECHANGELOG where ID = 'seed-admin-in-same-revision'"))
			.isEqualTo("bbbb00000001");
		assertThat(query("select count(*) from DATABASECHANGELOG where TAG is not null")).isEqualTo("1");
	}

	@Test
	void appliesOnlyWhatIsNewWhenTheHistoryGrows() throws Exception {
		Changelogs changelogs = new Changelogs(this.temp.resolve("changelog")).revision("cccc00000001", "create users",
				USERS);
		runner(changelogs).upgrade();
		changelogs.revision("cccc00000002", "add email", EMAIL);
		MigrationRun run = runner(changelogs).upgrade();
		assertThat(run.applied()).extracting(Revision::id).containsExactly("cccc00000002");
		assertThat(run.from()).isEqualTo("cccc00000001");
		assertThat(columns("users")).contains("email");
	}

	@Test
	void upgradeTakesOneConnectionFromTheDataSource() throws Exception {
		Changelogs changelogs = threeRevisions();
		HikariDataSource pool = dataSource();
		AtomicInteger taken = new AtomicInteger();
		DataSource counting = new DelegatingDataSource(pool) {

			@Override
			public Connection getConnection() throws SQLException {
				taken.incrementAndGet();
				return super.getConnection();
			}

		};
		MigrationRunner runner = new MigrationRunner(counting, MigrationSettings.of(changelogs.location()),
				new DefaultResourceLoader());
		assertThat(runner.upgrade().applied()).hasSize(3);
		assertThat(taken).hasValue(1);
		assertThat(runner.upgrade().outcome()).isEqualTo(MigrationRun.Outcome.UP_TO_DATE);
		assertThat(taken).hasValue(2);
	}

	@Test
	void checksumsLeftEmptyByAnotherToolAreFilledInByTheNextUpgrade() throws Exception {
		Changelogs changelogs = new Changelogs(this.temp.resolve("changelog")).revision("cccc00000011", "create users",
				USERS);
		runner(changelogs).upgrade();
		String recorded = query("select MD5SUM from DATABASECHANGELOG");
		execute("update DATABASECHANGELOG set MD5SUM = null");
		changelogs.revision("cccc00000012", "add email", EMAIL);
		assertThat(runner(changelogs).upgrade().applied()).extracting(Revision::id).containsExactly("cccc00000012");
		assertThat(query("select MD5SUM from DATABASECHANGELOG where ID = 'create-users'")).isEqualTo(recorded);
		assertThat(query("select count(*) from DATABASECHANGELOG where MD5SUM is null")).isEqualTo("0");
	}

	@Test
	void holdsLiquibasesOwnLockWhileApplyingAndReleasesItAfter() throws Exception {
		Changelogs changelogs = new Changelogs(this.temp.resolve("changelog")).revision("cccc00000021", "create users",
				USERS + """
						  - changeSet:
						      id: lock-seen
						      author: paig
						      changes:
						        - sql:
						            sql: insert into users (name) select 'locked' from DATABASECHANGELOGLOCK where LOCKED = %s
						"""
					.formatted((transactionalDdl() && !url().startsWith("sqlite")) ? "true" : "1"));
		runner(changelogs).upgrade();
		assertThat(query("select count(*) from users where name = 'locked'")).isEqualTo("1");
		assertThat(query("select count(*) from DATABASECHANGELOGLOCK where LOCKED = "
				+ ((transactionalDdl() && !url().startsWith("sqlite")) ? "true" : "1")))
			.isEqualTo("0");
	}

	@Test
	void plainChangelogCountsEachChangesetAsARevision() throws Exception {
		Changelogs changelogs = new Changelogs(this.temp.resolve("changelog")).plain("plain.yaml",
				"databaseChangeLog:\n" + USERS + EMAIL);
		MigrationRun run = runner(changelogs).upgrade();
		assertThat(run.applied()).extracting(Revision::id).containsExactly("create-users", "add-email");
		assertThat(run.applied().get(1).parent()).isEqualTo("create-users");
		assertThat(columns("users")).contains("email");
		// Plain changesets carry no revision tag: their ids already name them.
		assertThat(query("select count(*) from DATABASECHANGELOG where TAG is not null")).isEqualTo("0");
	}

	@Test
	void validateFailsWhilePendingAndPassesAtHead() throws Exception {
		MigrationRunner runner = runner(threeRevisions());
		assertThatExceptionOfType(PendingRevisionsException.class).isThrownBy(runner::validate)
			.withMessageContaining("3 revision(s)")
			.withMessageContaining("aaaa00000001 'create users'")
			.satisfies((ex) -> assertThat(ex.getAction()).contains("db upgrade head"));
		assertThat(tableExists("DATABASECHANGELOG")).as("validate writes nothing").isFalse();
		runner.upgrade();
		runner.validate();
	}

	@Test
	void failingRevisionIsReportedAndResumesOnceFixed() throws Exception {
		Changelogs changelogs = new Changelogs(this.temp.resolve("changelog"))
			.revision("dddd00000001", "create users", USERS)
			.revision("dddd00000002", "broken", """
					  - changeSet:
					      id: create-tags
					      author: paig
					      changes:
					        - createTable:
					            tableName: tags
					            columns:
					              - column: { name: id, type: int }
					  - changeSet:
					      id: fill-tags
					      author: paig
					      changes:
					        - sql: { sql: "insert into no_such_table values (1)" }
					""");
		MigrationRunner runner = runner(changelogs);
		RevisionFailedException failure = org.assertj.core.api.Assertions
			.catchThrowableOfType(RevisionFailedException.class, runner::upgrade);
		assertThat(failure).isNotNull();
		assertThat(failure.getRevision().id()).isEqualTo("dddd00000002");
		assertThat(failure.getChangeSet().id()).isEqualTo("fill-tags");
		assertThat(failure.getDescription()).contains("Revision 2/2 dddd00000002 'broken'")
			.contains("'fill-tags'")
			.contains("dddd00000002_broken.yaml")
			.containsIgnoringCase("no_such_table");
		assertThat(runner.getLastRun().outcome()).isEqualTo(MigrationRun.Outcome.FAILED);
		assertThat(runner.status().getCurrent().id()).isEqualTo("dddd00000001");
		if (transactionalDdl()) {
			assertThat(failure.getAppliedOfRevision()).isEmpty();
			assertThat(tableExists("tags")).as("nothing of the failed revision stays").isFalse();
			assertThat(failure.getDescription()).contains("Nothing of the revision was applied");
		}
		else {
			assertThat(failure.getAppliedOfRevision()).extracting(ChangeSetRef::id).containsExactly("create-tags");
			assertThat(tableExists("tags")).isTrue();
			assertThat(failure.getDescription())
				.contains("changesets [create-tags] ran and are recorded; [fill-tags] did not");
		}
		changelogs.edit("dddd00000002", "insert into no_such_table values (1)", "insert into tags values (1)");
		MigrationRun resumed = runner(changelogs).upgrade();
		assertThat(resumed.applied()).extracting(Revision::id).containsExactly("dddd00000002");
		assertThat(query("select count(*) from tags")).isEqualTo("1");
	}

	@Test
	void editedAppliedRevisionIsNamedAndNeverRunAgain() throws Exception {
		Changelogs changelogs = threeRevisions();
		runner(changelogs).upgrade();
		changelogs.edit("aaaa00000002", "varchar(255)", "varchar(300)");
		MigrationRunner runner = runner(changelogs);
		assertThatExceptionOfType(EditedRevisionException.class).isThrownBy(runner::upgrade)
			.withMessageContaining("revision aaaa00000002, changeset add-email by paig")
			.withMessageContaining("aaaa00000002_add_email.yaml")
			.withMessageContaining("recorded checksum");
		assertThatExceptionOfType(EditedRevisionException.class).isThrownBy(runner::validate);
		assertThat(query("select count(*) from DATABASECHANGELOG")).isEqualTo("3");
	}

	@Test
	void logsEachRevisionWithItsPlaceMessageAndTime(CapturedOutput output) {
		runner(threeRevisions()).upgrade();
		assertThat(output)
			.containsPattern("Migrating from revision base to aaaa00000003 \\(head\\): 3 revision\\(s\\) pending")
			.containsPattern("Revision 1/3 aaaa00000001 'create users' applied in \\d+ ms")
			.containsPattern("Revision 3/3 aaaa00000003 'seed admin' applied in \\d+ ms")
			.containsPattern("Applied 3 revision\\(s\\) in \\d+ ms; database is at revision aaaa00000003 \\(head\\)");
	}

	@Test
	void liquibaseUsageAnalyticsAreOffDuringARun() {
		RunProbe.analyticsEnabled = null;
		runner(probe()).upgrade();
		assertThat(RunProbe.analyticsEnabled).isFalse();
	}

	@Test
	void anUpdateFindsEachChangesetsHistoryRowThroughAnIndex() {
		RunProbe.historyService = null;
		runner(probe()).upgrade();
		assertThat(RunProbe.historyService).isEqualTo(IndexedChangeLogHistoryService.class);
	}

	private Changelogs probe() {
		return new Changelogs(this.temp.resolve("changelog")).revision("eeee00000001", "probe", """
				  - changeSet:
				      id: probe
				      author: paig
				      changes:
				        - customChange: { class: io.paig.db.migration.runner.RunProbe }
				""");
	}

	@Test
	void honoursParametersContextsAndCustomHistoryTables() throws Exception {
		Changelogs changelogs = new Changelogs(this.temp.resolve("changelog")).revision("ffff00000001", "param", """
				  - changeSet:
				      id: create-named
				      author: paig
				      changes:
				        - createTable:
				            tableName: ${tableName}
				            columns:
				              - column: { name: id, type: int }
				  - changeSet:
				      id: test-data
				      author: paig
				      context: test
				      changes:
				        - insert: { tableName: "${tableName}", columns: [ { column: { name: id, valueNumeric: 7 } } ] }
				""");
		MigrationSettings settings = new MigrationSettings(changelogs.location(), List.of("prod"), List.of(), null,
				null, "PAIG_HISTORY", "PAIG_HISTORY_LOCK", Map.of("tableName", "named_by_parameter"),
				Duration.ofSeconds(30), false, true, true);
		MigrationRunner runner = runner(changelogs, settings);
		runner.upgrade();
		assertThat(tableExists("named_by_parameter")).isTrue();
		assertThat(query("select count(*) from named_by_parameter")).as("context 'test' excluded").isEqualTo("0");
		assertThat(tableExists("PAIG_HISTORY")).isTrue();
		assertThat(tableExists("DATABASECHANGELOG")).isFalse();
		assertThat(runner.status().isUpToDate()).isTrue();
	}

	@Test
	void clearsALiquibaseLockRowLeftByAKilledProcess() throws Exception {
		Changelogs changelogs = new Changelogs(this.temp.resolve("changelog")).revision("abab00000001", "create users",
				USERS);
		runner(changelogs).upgrade();
		execute("update DATABASECHANGELOGLOCK set LOCKED = "
				+ ((transactionalDdl() && !url().startsWith("sqlite")) ? "true" : "1")
				+ ", LOCKGRANTED = CURRENT_TIMESTAMP, LOCKEDBY = 'killed-host'");
		changelogs.revision("abab00000002", "add email", EMAIL);
		MigrationRun run = runner(changelogs).upgrade();
		assertThat(run.applied()).extracting(Revision::id).containsExactly("abab00000002");
	}

	@Test
	void givesUpAfterTheLockTimeoutNamingTheHolder() throws Exception {
		Changelogs changelogs = threeRevisions();
		MigrationSettings settings = new MigrationSettings(changelogs.location(), List.of(), List.of(), null, null,
				"DATABASECHANGELOG", "DATABASECHANGELOGLOCK", Map.of(), Duration.ofSeconds(2), false, true, true);
		HikariDataSource other = dataSource();
		try (Connection holder = other.getConnection()) {
			MigrationLock lock = MigrationLocks.forConnection(holder, settings);
			try (MigrationLock.Held held = lock.acquire(holder, Duration.ofSeconds(5))) {
				MigrationRunner runner = runner(changelogs, settings);
				assertThatExceptionOfType(MigrationLockTimeoutException.class).isThrownBy(runner::upgrade)
					.withMessageContaining("Waited 2 s for the migration lock")
					.satisfies((ex) -> assertThat(ex.getHolder().held()).isTrue());
				assertThat(lock.holder(holder).held()).isTrue();
			}
			assertThat(lock.holder(holder).held()).isFalse();
		}
		assertThat(runner(changelogs, settings).upgrade().applied()).hasSize(3);
	}

	@Test
	void upgradesToARevisionOrByCount() throws Exception {
		MigrationRunner runner = runner(threeRevisions());
		assertThat(runner.upgrade("+1").applied()).extracting(Revision::id).containsExactly("aaaa00000001");
		assertThat(runner.upgrade("aaaa00000002").applied()).extracting(Revision::id).containsExactly("aaaa00000002");
		assertThat(runner.status().getCurrent().id()).isEqualTo("aaaa00000002");
		assertThat(runner.upgrade("aaaa00000001").outcome()).isEqualTo(MigrationRun.Outcome.UP_TO_DATE);
		assertThat(runner.upgrade("head").applied()).extracting(Revision::id).containsExactly("aaaa00000003");
	}

	@Test
	void downgradesRevisionByRevisionToBaseAndUpAgain() throws Exception {
		MigrationRunner runner = runner(threeRevisions());
		runner.upgrade();
		MigrationRun one = runner.downgrade("-1");
		assertThat(one.outcome()).isEqualTo(MigrationRun.Outcome.REVERTED);
		assertThat(one.applied()).extracting(Revision::id).containsExactly("aaaa00000003");
		assertThat(one.to()).isEqualTo("aaaa00000002");
		assertThat(query("select count(*) from users")).isEqualTo("0");
		assertThat(runner.downgrade("aaaa00000001").applied()).extracting(Revision::id).containsExactly("aaaa00000002");
		assertThat(columns("users")).doesNotContain("email");
		assertThat(runner.downgrade("base").applied()).extracting(Revision::id).containsExactly("aaaa00000001");
		assertThat(tableExists("users")).isFalse();
		assertThat(query("select count(*) from DATABASECHANGELOG")).isEqualTo("0");
		assertThat(runner.status().getCurrent()).isNull();
		assertThat(runner.upgrade().applied()).hasSize(3);
		assertThat(runner.status().getCurrent().id()).isEqualTo("aaaa00000003");
	}

	@Test
	void ambiguousOrUnknownTargetsAreRefusedWithTheCandidates() {
		MigrationRunner runner = runner(threeRevisions());
		runner.upgrade();
		assertThatExceptionOfType(RevisionHistory.UnknownRevisionException.class)
			.isThrownBy(() -> runner.downgrade("aaaa0000000"))
			.withMessageContaining("fits 3 revisions: aaaa00000001, aaaa00000002, aaaa00000003");
		assertThatExceptionOfType(RevisionHistory.UnknownRevisionException.class)
			.isThrownBy(() -> runner.upgrade("ffff"))
			.withMessageContaining("No revision has an id starting with 'ffff'");
	}

	@Test
	void revisionThatCannotBeRevertedIsNamedBeforeAnythingIsTouched() throws Exception {
		Changelogs changelogs = threeRevisions().revision("aaaa00000004", "raw sql", """
				  - changeSet:
				      id: raw
				      author: paig
				      changes:
				        - sql: { sql: "update users set name = 'root' where name = 'admin'" }
				""");
		MigrationRunner runner = runner(changelogs);
		runner.upgrade();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> runner.downgrade("base"))
			.withMessageContaining("Nothing was reverted")
			.withMessageContaining("aaaa00000004 'raw sql'");
		assertThat(query("select count(*) from DATABASECHANGELOG")).isEqualTo("4");
		assertThat(runner.downgrade("aaaa00000004").outcome()).isEqualTo(MigrationRun.Outcome.UP_TO_DATE);
	}

	@Test
	void noChangelogMeansNothingToDo() {
		MigrationRunner runner = new MigrationRunner(dataSource(),
				MigrationSettings.of("file:" + this.temp.resolve("missing.yaml")), new DefaultResourceLoader());
		assertThat(runner.hasChangelog()).isFalse();
		assertThat(runner.status().getHistory().getRevisions()).isEmpty();
	}

	/**
	 * A database as Alembic leaves it after the first two of {@link #threeRevisions()}:
	 * their tables (built here by the same changes, whose history is then dropped), a row
	 * of the Python service's, its {@code alembic_version}, no Liquibase history.
	 */
	void builtByAlembicAtTheSecondRevision() throws SQLException {
		runner(new Changelogs(this.temp.resolve("alembic")).revision("aaaa00000001", "create users", USERS)
			.revision("aaaa00000002", "add email", EMAIL)).upgrade();
		execute("DROP TABLE DATABASECHANGELOG");
		execute("DROP TABLE DATABASECHANGELOGLOCK");
		execute("INSERT INTO users (name) VALUES ('from python')");
		execute("CREATE TABLE alembic_version (version_num varchar(32) NOT NULL PRIMARY KEY)");
		execute("INSERT INTO alembic_version (version_num) VALUES ('aaaa00000002')");
	}

	@Test
	void adoptsADatabaseBuiltByAlembicWithoutRunningWhatItHas(CapturedOutput output) throws Exception {
		builtByAlembicAtTheSecondRevision();
		MigrationRun run = runner(threeRevisions()).upgrade();
		assertThat(run.applied()).extracting(Revision::id).containsExactly("aaaa00000003");
		assertThat(query("select count(*) from users")).isEqualTo("2");
		assertThat(query("select count(*) from users where name = 'admin'")).isEqualTo("1");
		assertThat(query("select count(*) from DATABASECHANGELOG")).isEqualTo("3");
		assertThat(query("select count(*) from DATABASECHANGELOG where EXECTYPE = 'MARK_RAN'")).isEqualTo("2");
		assertThat(query("select TAG from DATABASECHANGELOG where ID = 'add-email'")).isEqualTo("aaaa00000002");
		assertThat(query("select version_num from alembic_version")).isEqualTo("aaaa00000003");
		assertThat(output).contains("built by Alembic and is at revision aaaa00000002 'add email'")
			.contains("recording revisions aaaa00000001 to aaaa00000002 (2) as applied without running them");
		assertThat(runner(threeRevisions()).upgrade().outcome()).isEqualTo(MigrationRun.Outcome.UP_TO_DATE);
	}

	@Test
	void adoptsAnAlembicDatabaseAtHeadWithoutRunningAnything() throws Exception {
		builtByAlembicAtTheSecondRevision();
		Changelogs two = new Changelogs(this.temp.resolve("changelog")).revision("aaaa00000001", "create users", USERS)
			.revision("aaaa00000002", "add email", EMAIL);
		MigrationRunner runner = runner(two);
		MigrationRun run = runner.upgrade();
		assertThat(run.applied()).isEmpty();
		assertThat(run.to()).isEqualTo("aaaa00000002");
		assertThat(runner.status().isUpToDate()).isTrue();
		assertThat(query("select count(*) from users")).isEqualTo("1");
	}

	@Test
	void keepsAlembicVersionInStepOnDowngradeAndStamp() throws Exception {
		builtByAlembicAtTheSecondRevision();
		MigrationRunner runner = runner(threeRevisions());
		runner.upgrade();
		runner.downgrade("-1");
		assertThat(query("select version_num from alembic_version")).isEqualTo("aaaa00000002");
		runner.stamp("aaaa00000001");
		assertThat(query("select version_num from alembic_version")).isEqualTo("aaaa00000001");
		runner.stamp("base");
		assertThat(query("select count(*) from alembic_version")).isEqualTo("0");
	}

	@Test
	void refusesAnAlembicVersionTheChangelogDoesNotHaveAndChangesNothing() throws Exception {
		builtByAlembicAtTheSecondRevision();
		execute("UPDATE alembic_version SET version_num = 'ffff99999999'");
		MigrationRunner runner = runner(threeRevisions());
		assertThatExceptionOfType(UnknownAlembicRevisionException.class).isThrownBy(runner::upgrade)
			.withMessageContaining("alembic_version table says 'ffff99999999'")
			.withMessageContaining("does not have")
			.satisfies((ex) -> assertThat(ex.getAction()).contains("same ids"));
		assertThat(query("select count(*) from users")).isEqualTo("1");
		assertThat(tableExists("DATABASECHANGELOG") ? query("select count(*) from DATABASECHANGELOG") : "0")
			.isEqualTo("0");
		assertThat(query("select version_num from alembic_version")).isEqualTo("ffff99999999");
	}

	@Test
	void validateNamesADatabaseAlembicBuiltThatIsNotAdoptedYet() throws Exception {
		builtByAlembicAtTheSecondRevision();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(runner(threeRevisions())::validate)
			.withMessageContaining("built by Alembic (alembic_version says 'aaaa00000002')")
			.satisfies((ex) -> assertThat(ex.getAction()).contains("db stamp --from-alembic"));
	}

	@Test
	void stampsFromAlembicOnDemand() throws Exception {
		MigrationRunner runner = runner(threeRevisions());
		assertThatExceptionOfType(MigrationException.class).isThrownBy(runner::stampFromAlembic)
			.withMessageContaining("no alembic_version table");
		runner.upgrade("aaaa00000001");
		execute("ALTER TABLE users ADD email varchar(255)");
		execute("CREATE TABLE alembic_version (version_num varchar(32) NOT NULL PRIMARY KEY)");
		execute("INSERT INTO alembic_version (version_num) VALUES ('aaaa00000002')");
		assertThat(runner.stampFromAlembic()).isEqualTo("aaaa00000002");
		assertThat(runner.status().getCurrent().id()).isEqualTo("aaaa00000002");
		assertThat(runner.upgrade().applied()).extracting(Revision::id).containsExactly("aaaa00000003");
	}

	@Test
	void neverCreatesAlembicVersionAndIgnoresItWhenAdoptionIsOff() throws Exception {
		runner(threeRevisions()).upgrade("aaaa00000001");
		assertThat(tableExists("alembic_version")).isFalse();
		execute("CREATE TABLE alembic_version (version_num varchar(32) NOT NULL PRIMARY KEY)");
		execute("INSERT INTO alembic_version (version_num) VALUES ('ffff99999999')");
		MigrationSettings off = new MigrationSettings(threeRevisions().location(), List.of(), List.of(), null, null,
				"DATABASECHANGELOG", "DATABASECHANGELOGLOCK", Map.of(), Duration.ofSeconds(30), false, false, true);
		runner(threeRevisions(), off).upgrade();
		assertThat(query("select version_num from alembic_version")).isEqualTo("ffff99999999");
	}

	@Test
	void upToDateStartAfterAFullCheckSkipsTheParse(CapturedOutput output) throws Exception {
		MigrationRunner runner = runner(threeRevisions());
		runner.upgrade();
		assertThat(query("select count(*) from DATABASECHANGELOG_FINGERPRINT")).isEqualTo("1");
		MigrationRun run = runner(threeRevisions()).upgrade();
		assertThat(run.outcome()).isEqualTo(MigrationRun.Outcome.UP_TO_DATE);
		assertThat(run.to()).isEqualTo("aaaa00000003");
		assertThat(output).contains("Database is up to date at revision aaaa00000003 (head; changelog unchanged");
		runner.validate();
		assertThat(output).contains("Database is at head, revision aaaa00000003: nothing pending (changelog unchanged");
	}

	@Test
	void editedAppliedRevisionIsCaughtAfterFastChecks() throws Exception {
		Changelogs changelogs = threeRevisions();
		runner(changelogs).upgrade();
		runner(changelogs).upgrade();
		changelogs.edit("aaaa00000002", "varchar(255)", "varchar(300)");
		assertThatExceptionOfType(EditedRevisionException.class).isThrownBy(runner(changelogs)::upgrade);
		assertThatExceptionOfType(EditedRevisionException.class).isThrownBy(runner(changelogs)::validate);
	}

	@Test
	void newFileInAnIncludeAllFolderIsAppliedAfterFastChecks(CapturedOutput output) throws Exception {
		Changelogs changelogs = new Changelogs(this.temp.resolve("changelog"));
		Files.createDirectories(changelogs.folder().resolve("all"));
		Files.writeString(changelogs.folder().resolve("all/001-users.yaml"), "databaseChangeLog:\n" + USERS);
		changelogs.plain("included.yaml",
				"databaseChangeLog:\n  - includeAll:\n      path: all/\n      relativeToChangelogFile: true\n");
		// includeAll needs the changelog on the classpath, as in an application
		URLClassLoader classpath = new URLClassLoader(new URL[] { changelogs.folder().toUri().toURL() }, null);
		MigrationSettings settings = MigrationSettings.of("classpath:db.changelog-master.yaml");
		Supplier<MigrationRunner> runner = () -> new MigrationRunner(dataSource(), settings,
				new DefaultResourceLoader(classpath));
		runner.get().upgrade();
		assertThat(runner.get().upgrade().outcome()).isEqualTo(MigrationRun.Outcome.UP_TO_DATE);
		assertThat(output).contains("changelog unchanged since the last check");
		Files.writeString(changelogs.folder().resolve("all/002-email.yaml"), "databaseChangeLog:\n" + EMAIL);
		assertThat(runner.get().upgrade().applied()).extracting(Revision::id).containsExactly("add-email");
		assertThat(columns("users")).contains("email");
	}

	@Test
	void upToDateStartTrustsTheStampOfOldFilesUntilOneIsEdited(CapturedOutput output) throws Exception {
		Changelogs changelogs = threeRevisions();
		age(changelogs.folder(), Duration.ofHours(1));
		runner(changelogs).upgrade();
		assertThat(query("select STAMP from DATABASECHANGELOG_FINGERPRINT")).isNotNull();
		assertThat(runner(changelogs).upgrade().outcome()).isEqualTo(MigrationRun.Outcome.UP_TO_DATE);
		assertThat(output).contains("changelog unchanged since the last check");
		// the same size, as a typo fix would be: only the file's time tells it from the
		// one that was hashed
		changelogs.edit("aaaa00000002", "varchar(255)", "varchar(300)");
		assertThatExceptionOfType(EditedRevisionException.class).isThrownBy(runner(changelogs)::upgrade);
	}

	@Test
	void touchedFilesAreHashedOnceAndStampedAgain(CapturedOutput output) throws Exception {
		Changelogs changelogs = threeRevisions();
		age(changelogs.folder(), Duration.ofHours(2));
		runner(changelogs).upgrade();
		String stamp = query("select STAMP from DATABASECHANGELOG_FINGERPRINT");
		// a build that copies the same files again gives them new times
		age(changelogs.folder(), Duration.ofHours(1));
		assertThat(runner(changelogs).upgrade().outcome()).isEqualTo(MigrationRun.Outcome.UP_TO_DATE);
		assertThat(output).contains("changelog unchanged since the last check");
		assertThat(query("select STAMP from DATABASECHANGELOG_FINGERPRINT")).isNotNull().isNotEqualTo(stamp);
		assertThat(query("select count(*) from DATABASECHANGELOG_FINGERPRINT")).isEqualTo("1");
	}

	@Test
	void historyChangedElsewhereIsNotTrustedByTheFastCheck() throws Exception {
		Changelogs changelogs = threeRevisions();
		runner(changelogs).upgrade();
		runner(changelogs).upgrade();
		execute("DELETE FROM DATABASECHANGELOG WHERE ID = 'seed-admin'");
		assertThatExceptionOfType(PendingRevisionsException.class).isThrownBy(runner(changelogs)::validate);
		MigrationRunner runner = runner(changelogs);
		assertThat(runner.status().getPendingRevisions()).extracting(Revision::id).containsExactly("aaaa00000003");
	}

	@Test
	void fastCheckOffWritesNoRecordAndParsesEachTime(CapturedOutput output) throws Exception {
		MigrationSettings off = MigrationSettings.of(threeRevisions().location()).withoutFastCheck();
		runner(threeRevisions(), off).upgrade();
		runner(threeRevisions(), off).upgrade();
		assertThat(tableExists("DATABASECHANGELOG_FINGERPRINT")).isFalse();
		assertThat(output).doesNotContain("changelog unchanged");
	}

	@Test
	void revisionWithChangesForOtherDatabasesIsNotTakenForEditedAfterItRan() throws Exception {
		Changelogs changelogs = new Changelogs(this.temp.resolve("changelog")).revision("eeee00000001", "per database",
				USERS + """
						  - changeSet:
						      id: per-database
						      author: paig
						      changes:
						        - sql: { dbms: postgresql, sql: "COMMENT ON TABLE users IS 'pg'" }
						        - sql: { dbms: "mysql,mariadb", sql: "ALTER TABLE users COMMENT = 'my'" }
						        - sql: { dbms: sqlite, sql: "SELECT 1" }
						      rollback:
						        - sql: { sql: "SELECT 1" }
						""");
		MigrationSettings full = MigrationSettings.of(changelogs.location()).withoutFastCheck();
		runner(changelogs, full).upgrade();
		assertThat(runner(changelogs, full).status().getEdited()).isEmpty();
		runner(changelogs, full).validate();
		assertThat(runner(changelogs, full).upgrade().outcome()).isEqualTo(MigrationRun.Outcome.UP_TO_DATE);
	}

	@Test
	void upToDateRevisionAnswersFromTheFingerprintOnlyWhileNothingChanged() throws Exception {
		Changelogs changelogs = threeRevisions();
		MigrationRunner runner = runner(changelogs);
		assertThat(runner.upToDateRevision()).isNull();
		runner.upgrade();
		assertThat(runner.upToDateRevision()).isEqualTo("aaaa00000003");
		changelogs.revision("aaaa00000004", "more", SEED.replace("seed-admin", "seed-more"));
		assertThat(runner.upToDateRevision()).isNull();
		runner.upgrade();
		assertThat(runner.upToDateRevision()).isEqualTo("aaaa00000004");
		runner.downgrade("-1");
		assertThat(runner.upToDateRevision()).isNull();
	}

	/**
	 * Set every file's time back, as files that a build copied a while ago have: a file
	 * modified moments before a check began is never trusted by its stamp alone.
	 */
	static void age(Path folder, Duration age) throws IOException {
		FileTime old = FileTime.from(Instant.now().minus(age));
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : files.toList()) {
				Files.setLastModifiedTime(file, old);
			}
		}
	}

	@Test
	void sqlOfAnUpgradeRangeBringsADatabaseAtItsStartToItsEnd() throws Exception {
		MigrationRunner runner = runner(threeRevisions());
		StringWriter sql = new StringWriter();
		runner.upgradeSql("aaaa00000001:aaaa00000002", sql);
		assertThat(tableExists("DATABASECHANGELOG")).as("the start is the argument's: nothing is read or made")
			.isFalse();
		assertThat(sql.toString()).doesNotContainIgnoringCase("create table users")
			.containsIgnoringCase("email")
			.containsIgnoringCase("insert into")
			.doesNotContain("seed-admin");
		runner.upgrade("aaaa00000001");
		runScript(sql.toString());
		assertThat(runner.status().getCurrent().id()).isEqualTo("aaaa00000002");
		assertThat(columns("users")).contains("email");
		MigrationRun rest = runner.upgrade();
		assertThat(rest.applied()).extracting(Revision::id).containsExactly("aaaa00000003");
	}

	@Test
	void sqlOfAnUpgradeRangeFromBaseCreatesTheHistoryTable() throws Exception {
		MigrationRunner runner = runner(threeRevisions());
		StringWriter sql = new StringWriter();
		runner.upgradeSql("base:heads", sql);
		runScript(sql.toString());
		assertThat(runner.status().getCurrent().id()).isEqualTo("aaaa00000003");
		assertThat(query("select count(*) from users where name = 'admin'")).isEqualTo("1");
		assertThat(runner.upgrade().applied()).isEmpty();
	}

	@Test
	void sqlOfADowngradeRangeBringsADatabaseAtItsStartToItsEnd() throws Exception {
		MigrationRunner runner = runner(threeRevisions());
		StringWriter sql = new StringWriter();
		runner.downgradeSql("head:aaaa00000001", sql);
		assertThat(tableExists("DATABASECHANGELOG")).isFalse();
		runner.upgrade();
		runScript(sql.toString());
		assertThat(runner.status().getCurrent().id()).isEqualTo("aaaa00000001");
		assertThat(columns("users")).doesNotContain("email");
		assertThat(query("select count(*) from users")).isEqualTo("0");
		StringWriter toBase = new StringWriter();
		runner.downgradeSql("aaaa00000001:base", toBase);
		runScript(toBase.toString());
		assertThat(runner.status().getCurrent()).isNull();
		assertThat(tableExists("users")).isFalse();
	}

	@Test
	void sqlOfARangeThatRunsTheWrongWayIsRefused() {
		MigrationRunner runner = runner(threeRevisions());
		assertThatExceptionOfType(Targets.InvalidTargetException.class)
			.isThrownBy(() -> runner.upgradeSql("aaaa00000002:aaaa00000001", new StringWriter()))
			.withMessageContaining("aaaa00000002 comes after aaaa00000001");
		assertThatExceptionOfType(Targets.InvalidTargetException.class)
			.isThrownBy(() -> runner.downgradeSql("base:head", new StringWriter()))
			.withMessageContaining("base comes before head");
	}

	/**
	 * Run a script {@code --sql} wrote, statement by statement, as a DBA would.
	 * @param script the script
	 * @throws SQLException when a statement fails
	 */
	void runScript(String script) throws SQLException {
		StringBuilder text = new StringBuilder();
		for (String line : script.split("\n")) {
			if (!line.startsWith("--")) {
				text.append(line).append('\n');
			}
		}
		try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
			for (String sql : text.toString().split(";\\s*\n")) {
				if (!sql.isBlank()) {
					statement.execute(sql);
				}
			}
		}
	}

	String query(String sql) throws SQLException {
		try (Connection connection = dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

	void execute(String sql) throws SQLException {
		try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	boolean tableExists(String name) throws SQLException {
		try (Connection connection = dataSource().getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			for (String candidate : List.of(name, name.toLowerCase(Locale.ROOT), name.toUpperCase(Locale.ROOT))) {
				try (ResultSet tables = metaData.getTables(connection.getCatalog(), null, candidate, null)) {
					if (tables.next()) {
						return true;
					}
				}
			}
			return false;
		}
	}

	List<String> columns(String table) throws SQLException {
		List<String> columns = new ArrayList<>();
		try (Connection connection = dataSource().getConnection();
				ResultSet result = connection.getMetaData().getColumns(connection.getCatalog(), null, table, null)) {
			while (result.next()) {
				columns.add(result.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
			}
		}
		return columns;
	}

}
