package io.paig.db.actuate.endpoint;

import java.nio.file.Path;
import java.sql.Connection;

import javax.sql.DataSource;

import io.paig.db.actuate.endpoint.MigrationsEndpoint.Ambiguous;
import io.paig.db.actuate.endpoint.MigrationsEndpoint.ChangeSetDescriptor;
import io.paig.db.actuate.endpoint.MigrationsEndpoint.MigrationsDescriptor;
import io.paig.db.actuate.endpoint.MigrationsEndpoint.RevisionDescriptor;
import io.paig.db.actuate.endpoint.MigrationsEndpoint.RevisionSummary;
import io.paig.db.migration.MigrationException;
import io.paig.db.migration.MigrationRun;
import io.paig.db.migration.MigrationSettings;
import io.paig.db.migration.MigrationState;
import io.paig.db.migration.runner.LockHolding;
import io.paig.db.migration.runner.MigrationRunner;
import io.paig.db.testsupport.Changelogs;
import io.paig.db.testsupport.SqliteRevisions;
import io.paig.db.testsupport.TestDatabase;
import io.paig.db.url.DatabaseUrl;
import io.paig.db.url.JdbcSettings;
import io.paig.db.url.JdbcTranslator;
import io.paig.db.url.SqliteOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MigrationsEndpoint}: the documents it answers with, on a SQLite file
 * with a history of three revisions, and on PostgreSQL with a password in the URL.
 *
 * @author paig-db authors
 */
class MigrationsEndpointTests {

	private static final String FIRST = SqliteRevisions.FIRST;

	private static final String SECOND = SqliteRevisions.SECOND;

	private static final String THIRD = SqliteRevisions.THIRD;

	private static final String URL = "sqlite:///db/endpoint.db";

	@TempDir
	Path temp;

	private SqliteRevisions revisions;

	private MigrationRunner runner;

	@BeforeEach
	void history() {
		this.revisions = SqliteRevisions.in(this.temp);
		this.runner = this.revisions.runner();
	}

	private MigrationsDescriptor migrations() {
		return new MigrationsEndpoint(this.runner, this.revisions.dataSource(), URL).migrations();
	}

	@Test
	void beforeAnyRunEveryRevisionIsPending() {
		MigrationsDescriptor migrations = migrations();
		assertThat(migrations.status()).isEqualTo(MigrationState.PENDING);
		assertThat(migrations.current()).isEqualTo(new RevisionSummary("base", null));
		assertThat(migrations.head()).isEqualTo(new RevisionSummary(THIRD, "seed admin"));
		assertThat(migrations.pending()).extracting(RevisionDescriptor::id).containsExactly(FIRST, SECOND, THIRD);
		assertThat(migrations.applied()).isEmpty();
		assertThat(migrations.lastRun()).isNull();
		assertThat(migrations.lock().held()).isFalse();
		assertThat(migrations.lock().holder()).isNull();
		assertThat(migrations.edited()).isEmpty();
	}

	@Test
	void pendingRevisionIsDescribedWithItsChangesetsNotYetRun() {
		RevisionDescriptor first = migrations().pending().get(0);
		assertThat(first.id()).isEqualTo(FIRST);
		assertThat(first.message()).isEqualTo("create users");
		assertThat(first.parent()).isNull();
		assertThat(first.file()).endsWith(FIRST + "_create_users.yaml");
		assertThat(first.applied()).isFalse();
		assertThat(first.reversible()).isTrue();
		assertThat(first.changeSets()).singleElement().satisfies((changeSet) -> {
			assertThat(changeSet.id()).isEqualTo("create-users");
			assertThat(changeSet.author()).isEqualTo("paig");
			assertThat(changeSet.file()).isEqualTo(first.file());
			assertThat(changeSet.executedAt()).isNull();
			assertThat(changeSet.execType()).isNull();
			assertThat(changeSet.checksum()).isNull();
			assertThat(changeSet.deploymentId()).isNull();
			assertThat(changeSet.order()).isNull();
			assertThat(changeSet.tag()).isNull();
		});
		assertThat(migrations().pending().get(1).parent()).isEqualTo(FIRST);
	}

	@Test
	void afterAnUpgradeTheAppliedRevisionsComeNewestFirst() {
		this.runner.upgrade();
		MigrationsDescriptor migrations = migrations();
		assertThat(migrations.status()).isEqualTo(MigrationState.UP_TO_DATE);
		assertThat(migrations.current()).isEqualTo(new RevisionSummary(THIRD, "seed admin"));
		assertThat(migrations.head()).isEqualTo(migrations.current());
		assertThat(migrations.pending()).isEmpty();
		assertThat(migrations.applied()).extracting(RevisionDescriptor::id).containsExactly(THIRD, SECOND, FIRST);
		assertThat(migrations.applied()).allSatisfy((revision) -> assertThat(revision.applied()).isTrue());
	}

	@Test
	void appliedChangesetCarriesItsHistoryTableRow() {
		this.runner.upgrade();
		RevisionDescriptor second = migrations().applied().get(1);
		ChangeSetDescriptor changeSet = second.changeSets().get(0);
		assertThat(changeSet.id()).isEqualTo("add-email");
		assertThat(changeSet.executedAt()).isNotNull();
		assertThat(changeSet.execType()).isEqualTo("EXECUTED");
		assertThat(changeSet.checksum()).startsWith("9:");
		assertThat(changeSet.deploymentId()).isNotBlank();
		assertThat(changeSet.order()).isEqualTo(2);
		assertThat(changeSet.tag()).isEqualTo(SECOND);
	}

	@Test
	void lastRunTellsWhatThisInstanceApplied() {
		this.runner.upgrade();
		MigrationsEndpoint.LastRunDescriptor lastRun = migrations().lastRun();
		assertThat(lastRun).isNotNull();
		assertThat(lastRun.outcome()).isEqualTo(MigrationRun.Outcome.APPLIED);
		assertThat(lastRun.from()).isEqualTo("base");
		assertThat(lastRun.to()).isEqualTo(THIRD);
		assertThat(lastRun.revisions()).containsExactly(FIRST, SECOND, THIRD);
		assertThat(lastRun.revisionMillis()).containsOnlyKeys(FIRST, SECOND, THIRD);
		assertThat(lastRun.durationMillis()).isNotNegative();
		assertThat(lastRun.finished()).isAfterOrEqualTo(lastRun.started());
		assertThat(lastRun.error()).isNull();
	}

	@Test
	void partlyAppliedHistoryShowsCurrentPendingAndApplied() {
		this.runner.upgrade("+1");
		MigrationsDescriptor migrations = migrations();
		assertThat(migrations.status()).isEqualTo(MigrationState.PENDING);
		assertThat(migrations.current()).isEqualTo(new RevisionSummary(FIRST, "create users"));
		assertThat(migrations.head().id()).isEqualTo(THIRD);
		assertThat(migrations.pending()).extracting(RevisionDescriptor::id).containsExactly(SECOND, THIRD);
		assertThat(migrations.applied()).extracting(RevisionDescriptor::id).containsExactly(FIRST);
	}

	@Test
	void failedRunShowsAsFailedWithItsError() {
		this.revisions = SqliteRevisions.withBrokenSecond(this.temp.resolve("broken"));
		this.runner = this.revisions.runner();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(this.runner::upgrade);
		MigrationsDescriptor migrations = migrations();
		assertThat(migrations.status()).isEqualTo(MigrationState.FAILED);
		assertThat(migrations.current().id()).isEqualTo(FIRST);
		assertThat(migrations.pending()).extracting(RevisionDescriptor::id).containsExactly(SECOND);
		assertThat(migrations.lastRun().outcome()).isEqualTo(MigrationRun.Outcome.FAILED);
		assertThat(migrations.lastRun().error()).contains(SECOND).contains("'broken'");
		assertThat(migrations.lastRun().revisions()).isEmpty();
	}

	@Test
	void editedAppliedChangesetIsListed() {
		this.runner.upgrade();
		this.revisions.changelogs().edit(SECOND, "varchar(255)", "varchar(300)");
		this.runner = this.revisions.runner();
		assertThat(migrations().edited()).singleElement()
			.asString()
			.startsWith("revision " + SECOND + ", changeset add-email by paig in ")
			.contains("recorded checksum");
	}

	@Test
	void lockHeldByAnotherRunWhileRevisionsArePendingShowsAsRunning() throws Exception {
		try (Connection connection = this.revisions.dataSource().getConnection();
				AutoCloseable held = LockHolding.hold(connection, this.runner)) {
			MigrationsDescriptor migrations = migrations();
			assertThat(migrations.status()).isEqualTo(MigrationState.RUNNING);
			assertThat(migrations.lock().held()).isTrue();
			assertThat(migrations.lock().holder()).startsWith("this process");
		}
		assertThat(migrations().lock().held()).isFalse();
	}

	@Test
	void withoutAChangelogMigrationsAreDisabled() {
		MigrationRunner runner = new MigrationRunner(this.revisions.dataSource(),
				MigrationSettings.of("file:" + this.temp.resolve("none/db.changelog-master.yaml")),
				new DefaultResourceLoader());
		MigrationsDescriptor migrations = new MigrationsEndpoint(runner, this.revisions.dataSource(), URL).migrations();
		assertThat(migrations.status()).isEqualTo(MigrationState.DISABLED);
		assertThat(migrations.current()).isEqualTo(new RevisionSummary("base", null));
		assertThat(migrations.head()).isEqualTo(new RevisionSummary("base", null));
		assertThat(migrations.pending()).isEmpty();
		assertThat(migrations.applied()).isEmpty();
	}

	@Test
	void databaseIsDescribedWithTheConfiguredUrl() {
		MigrationsEndpoint.DatabaseDescriptor database = migrations().database();
		assertThat(database.product()).isEqualTo("SQLite");
		assertThat(database.version()).matches("3\\.\\d+.*");
		assertThat(database.url()).isEqualTo(URL);
	}

	@Test
	void withoutAConfiguredUrlTheDatabaseIsDescribedByItsJdbcUrl() {
		MigrationsEndpoint.DatabaseDescriptor database = new MigrationsEndpoint(this.runner,
				this.revisions.dataSource(), null)
			.migrations()
			.database();
		assertThat(database.url()).startsWith("jdbc:sqlite:" + this.temp.resolve("database.db"));
	}

	@Test
	void revisionGivesOneRevisionInFull() {
		this.runner.upgrade("+2");
		MigrationsEndpoint endpoint = new MigrationsEndpoint(this.runner, this.revisions.dataSource(), URL);
		WebEndpointResponse<Object> response = endpoint.revision(SECOND);
		assertThat(response.getStatus()).isEqualTo(WebEndpointResponse.STATUS_OK);
		assertThat(response.getBody()).isInstanceOfSatisfying(RevisionDescriptor.class, (revision) -> {
			assertThat(revision.id()).isEqualTo(SECOND);
			assertThat(revision.applied()).isTrue();
			assertThat(revision.changeSets()).extracting(ChangeSetDescriptor::id).containsExactly("add-email");
		});
		assertThat(endpoint.revision("aaaa00000003").getBody()).isInstanceOfSatisfying(RevisionDescriptor.class,
				(revision) -> assertThat(revision.applied()).isFalse());
	}

	@Test
	void revisionFoundByAUniquePrefix() {
		Changelogs changelogs = new Changelogs(this.temp.resolve("prefixes"))
			.revision("d016d5e1fe5a", "create users", SqliteRevisions.USERS)
			.revision("e2ab5ab5e4d6", "add email", SqliteRevisions.EMAIL);
		MigrationRunner runner = new MigrationRunner(this.revisions.dataSource(),
				MigrationSettings.of(changelogs.location()), new DefaultResourceLoader());
		WebEndpointResponse<Object> response = new MigrationsEndpoint(runner, this.revisions.dataSource(), URL)
			.revision("e2");
		assertThat(response.getStatus()).isEqualTo(WebEndpointResponse.STATUS_OK);
		assertThat(response.getBody()).isInstanceOfSatisfying(RevisionDescriptor.class,
				(revision) -> assertThat(revision.id()).isEqualTo("e2ab5ab5e4d6"));
	}

	@Test
	void unknownRevisionIsNotFound() {
		WebEndpointResponse<Object> response = new MigrationsEndpoint(this.runner, this.revisions.dataSource(), URL)
			.revision("ffff");
		assertThat(response.getStatus()).isEqualTo(WebEndpointResponse.STATUS_NOT_FOUND);
		assertThat(response.getBody()).isNull();
	}

	@Test
	void prefixOfSeveralRevisionsIsABadRequestListingThem() {
		WebEndpointResponse<Object> response = new MigrationsEndpoint(this.runner, this.revisions.dataSource(), URL)
			.revision("aaaa");
		assertThat(response.getStatus()).isEqualTo(WebEndpointResponse.STATUS_BAD_REQUEST);
		assertThat(response.getBody()).isInstanceOfSatisfying(Ambiguous.class, (ambiguous) -> {
			assertThat(ambiguous.error())
				.isEqualTo("'aaaa' fits 3 revisions: " + FIRST + ", " + SECOND + ", " + THIRD + ".");
			assertThat(ambiguous.candidates()).containsExactly(new RevisionSummary(FIRST, "create users"),
					new RevisionSummary(SECOND, "add email"), new RevisionSummary(THIRD, "seed admin"));
		});
	}

	/**
	 * On PostgreSQL, with a password the local server (trust authentication) accepts
	 * whatever it is.
	 */
	@Nested
	class WithAPasswordInTheUrl {

		private static final String PASSWORD = "Zq9secretpw";

		@RegisterExtension
		static final TestDatabase postgresql = TestDatabase.postgresql();

		private Changelogs changelogs;

		@BeforeEach
		void emptyDatabase() throws Exception {
			postgresql.reset();
			this.changelogs = new Changelogs(MigrationsEndpointTests.this.temp.resolve("pg"))
				.revision(FIRST, "create users", SqliteRevisions.USERS)
				.revision(SECOND, "broken", SqliteRevisions.BROKEN);
		}

		private MigrationRunner migrated(DataSource dataSource) {
			MigrationRunner runner = new MigrationRunner(dataSource, MigrationSettings.of(this.changelogs.location()),
					new DefaultResourceLoader());
			assertThatExceptionOfType(MigrationException.class).isThrownBy(runner::upgrade);
			return runner;
		}

		@Test
		void passwordOfTheConfiguredUrlIsNowhereInTheDocument() {
			String url = "postgresql+asyncpg://" + postgresql.username() + ":" + PASSWORD + "@"
					+ postgresql.hostAndPort() + "/" + postgresql.name();
			JdbcSettings jdbc = new JdbcTranslator(SqliteOptions.DEFAULTS, null).translate(url, null, null);
			assertThat(jdbc.password()).isEqualTo(PASSWORD);
			DataSource dataSource = new DriverManagerDataSource(jdbc.jdbcUrl(), jdbc.username(), jdbc.password());
			MigrationRunner runner = migrated(dataSource);
			MigrationsDescriptor migrations = new MigrationsEndpoint(runner, dataSource, jdbc.source()).migrations();
			assertThat(migrations.status()).isEqualTo(MigrationState.FAILED);
			assertThat(migrations.database().product()).isEqualTo("PostgreSQL");
			assertThat(migrations.database().url()).contains(":" + DatabaseUrl.MASK + "@")
				.contains(postgresql.name())
				.doesNotContain(PASSWORD);
			// the records' text holds every value the JSON body is made of
			assertThat(migrations.toString()).doesNotContain(PASSWORD);
		}

		@Test
		void passwordInTheJdbcUrlIsMaskedWhenNoUrlIsConfigured() {
			String jdbcUrl = "jdbc:postgresql://" + postgresql.hostAndPort() + "/" + postgresql.name() + "?user="
					+ postgresql.username() + "&password=" + PASSWORD;
			DataSource dataSource = new DriverManagerDataSource(jdbcUrl);
			MigrationRunner runner = migrated(dataSource);
			MigrationsDescriptor migrations = new MigrationsEndpoint(runner, dataSource, null).migrations();
			assertThat(migrations.database().url()).startsWith("jdbc:postgresql://" + postgresql.hostAndPort())
				.contains("password=" + DatabaseUrl.MASK)
				.doesNotContain(PASSWORD);
			assertThat(migrations.toString()).doesNotContain(PASSWORD);
		}

	}

}
