package io.paig.db.autoconfigure;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import io.paig.db.jdbc.DatabaseUrlConnectionDetails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UnknownDatabaseKeys}: a key under {@code database.migration},
 * {@code database.sqlite} or {@code database.command} that paig-db does not have stops
 * start-up with a report naming it and the key it most likely means; directly under
 * {@code database}, a key meant as {@code database.url} stops start-up while the URL is
 * unset, and a misspelt user name or password is warned of; paig-db's own keys, in each
 * spelling, and the application's own keys directly under {@code database} pass.
 *
 * @author paig-db authors
 */
@ExtendWith(OutputCaptureExtension.class)
class UnknownDatabaseKeysTests {

	private static final String NOTES = "classpath:db/notes/db.changelog-master.yaml";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PaigDatabaseAutoConfiguration.class, DataSourceAutoConfiguration.class,
				PaigMigrationAutoConfiguration.class));

	@TempDir
	Path temp;

	private ApplicationContextRunner sqlite() {
		return this.runner.withPropertyValues("database.url=sqlite:///" + this.temp.resolve("keys.db"),
				"database.migration.changelog=" + NOTES);
	}

	@Test
	void everyKeyOfPaigDbInEverySpellingPasses() {
		sqlite()
			.withPropertyValues("database.migration.change-log=" + NOTES, "database.migration.lockTimeout=1m",
					"database.migration.contexts[0]=a", "database.migration.labels=b",
					"database.migration.parameters.schema=x", "database.migration.health.status.up-to-date=UP",
					"database.migration.endpoint.write-enabled=false", "database.migration.fast-check=true",
					"database.host=the application's own key")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void misspelledKeyStopsStartupNamingTheKeyItMeans() {
		sqlite()
			.withPropertyValues("database.migration.changlog=classpath:db/other.yaml",
					"database.migration.lock-timout=1m", "database.migration.no-such-thing=x",
					"database.migration.passwrd=s3cret-value")
			.run((context) -> {
				FailureAnalysis analysis = analysis(context);
				assertThat(analysis.getDescription())
					.contains("database.migration.changlog: did you mean database.migration.changelog?")
					.contains("database.migration.lock-timout: did you mean database.migration.lock-timeout?")
					.contains("database.migration.passwrd: did you mean database.migration.password?")
					.contains("  - database.migration.no-such-thing\n")
					.doesNotContain("db/other.yaml");
				assertThat(context.getStartupFailure()).as("no value is shown, a password least of all")
					.satisfies((failure) -> {
						for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
							assertThat(String.valueOf(cause.getMessage())).doesNotContain("s3cret-value");
						}
					});
				assertThat(analysis.getAction()).contains("docs/configuration.md");
			});
	}

	@Test
	void environmentVariablesAreLeftAloneAsSpringBootLeavesThem() {
		sqlite()
			.withInitializer(
					(context) -> context.getEnvironment()
						.getPropertySources()
						.addFirst(new SystemEnvironmentPropertySource(
								StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								Map.of("DATABASE_MIGRATION_SOMETHING_ELSE", "another program's"))))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void misspelledSqliteAndCommandKeysStopStartupToo() {
		sqlite().withPropertyValues("database.sqlite.busy-timout=5s", "database.command.changelog-foldr=src/x")
			.run((context) -> {
				FailureAnalysis analysis = analysis(context);
				assertThat(analysis.getDescription())
					.contains("database.sqlite.busy-timout: did you mean database.sqlite.busy-timeout?")
					.contains("database.command.changelog-foldr: did you mean database.command.changelog-folder?");
			});
	}

	@Test
	void keysUnderAMisspeltNamespaceStopStartup() {
		sqlite()
			.withPropertyValues("database.migrations.changelog=classpath:db/other.yaml",
					"database.migrations.lock-timeout=1m", "database.sqllite.journal-mode=wal",
					"database.comand.exit=false")
			.run((context) -> {
				FailureAnalysis analysis = analysis(context);
				assertThat(analysis.getDescription())
					.contains("database.migrations.changelog: did you mean database.migration.changelog?")
					.contains("database.migrations.lock-timeout: did you mean database.migration.lock-timeout?")
					.contains("database.sqllite.journal-mode: did you mean database.sqlite.journal-mode?")
					.contains("database.comand.exit: did you mean database.command.exit?")
					.doesNotContain("db/other.yaml");
			});
	}

	@Test
	void everySqliteAndCommandKeyInEverySpellingPasses() {
		sqlite()
			.withPropertyValues("database.sqlite.busyTimeout=5s", "database.sqlite.journal-mode=wal",
					"database.sqlite.foreign_keys=true", "database.command.changelogFolder=src/x",
					"database.command.exit=false")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void keyMeantAsTheUrlStopsStartupWhileTheUrlIsUnsetInsteadOfRunningOnTheDefaultSqliteFile() {
		for (String key : new String[] { "database.ulr", "database.uri", "database.URI", "database.urls",
				"database.jdbc-url", "database.jdbc_url", "database.jdbcUrl", "database.connection-string",
				"database.dsn", "database[URL]" }) {
			this.runner
				.withPropertyValues(key + "=postgresql://paig:s3cret-value@db.example/paig",
						"database.migration.on-startup=none")
				.run((context) -> {
					FailureAnalysis analysis = analysis(context);
					assertThat(analysis.getDescription()).as(key)
						.contains("database.url is not set, but " + key + " is.")
						.contains("the default database, sqlite+aiosqlite:///db/database.db.");
					assertThat(analysis.getAction()).as(key).contains("Rename " + key + " to database.url");
					assertNoValueShown(context.getStartupFailure());
				});
		}
	}

	@Test
	void everySpellingTheCheckTakesForTheUrlItselfIsReadAsTheUrl() {
		// the check lets these through as database.url: each must really connect there,
		// or it would be the silent SQLite default the check is there to stop
		for (String key : new String[] { "database.url", "database.URL", "database.Url", "database.u-r-l",
				"DATABASE.URL", "database[url]" }) {
			Path file = this.temp.resolve(key.replaceAll("[^A-Za-z]", "") + ".db");
			this.runner.withPropertyValues(key + "=sqlite:///" + file, "database.migration.on-startup=none")
				.run((context) -> {
					assertThat(context).as(key).hasNotFailed();
					assertThat(context.getBean(DatabaseUrlConnectionDetails.class).getSettings().sqliteFile()).as(key)
						.isEqualTo(file);
				});
		}
	}

	@Test
	void noGeneratedSpellingOfTheUrlKeyLeavesTheApplicationOnTheDefaultSqliteFile() {
		// side by side with Spring Boot's binder, brackets included: a spelling it reads
		// as database.url
		// connects there, and any other stops start-up; none may start on the default
		Random random = new Random(42);
		String[] bases = { "url", "url", "ulr", "uri", "urls", "jdbc-url", "dsn" };
		int[] outcomes = new int[2];
		for (int i = 0; i < 150; i++) {
			StringBuilder element = new StringBuilder();
			for (char letter : bases[random.nextInt(bases.length)].toCharArray()) {
				if (element.length() > 0 && random.nextInt(4) == 0) {
					element.append("-_".charAt(random.nextInt(2)));
				}
				element.append(random.nextBoolean() ? Character.toUpperCase(letter) : letter);
			}
			String key = (random.nextInt(5) == 0) ? "database[" + element + "]" : "database." + element;
			Path file = this.temp.resolve("generated" + i + ".db");
			this.runner.withPropertyValues(key + "=sqlite:///" + file, "database.migration.on-startup=none")
				.run((context) -> {
					if (context.getStartupFailure() != null) {
						FailureAnalysis analysis = analysis(context);
						assertThat(analysis.getDescription()).as(key)
							.contains("database.url is not set, but " + key + " is.");
						outcomes[0]++;
					}
					else {
						assertThat(context.getBean(DatabaseUrlConnectionDetails.class).getSettings().sqliteFile())
							.as(key)
							.isEqualTo(file);
						outcomes[1]++;
					}
				});
		}
		assertThat(outcomes[0]).as("spellings that stopped start-up").isPositive();
		assertThat(outcomes[1]).as("spellings read as the URL").isPositive();
	}

	@Test
	void keyLikeTheUrlIsTheApplicationsOwnOnceTheUrlIsSet() {
		this.runner
			.withPropertyValues("database.url=sqlite:///" + this.temp.resolve("own.db"), "database.uri=app's own",
					"database.migration.on-startup=none")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void urlFromTheEnvironmentVariableCountsAsSet() {
		this.runner.withPropertyValues("database.uri=app's own", "database.migration.on-startup=none")
			.withInitializer(
					(context) -> context.getEnvironment()
						.getPropertySources()
						.addFirst(new SystemEnvironmentPropertySource(
								StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								Map.of("DATABASE_URL", "sqlite:///" + this.temp.resolve("env.db")))))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void environmentVariableLikeTheUrlIsWarnedOfButMayBeAnotherProgramsOwn(CapturedOutput output) {
		this.runner.withPropertyValues("database.migration.on-startup=none")
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource(
						StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						Map.of("DATABASE_URI", "postgresql://paig:s3cret-value@elsewhere/db", "DATABASE_JDBC_URL",
								"jdbc:postgresql://elsewhere/db", "DATABASE_HOST", "elsewhere"))))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output)
					.contains("The environment variable DATABASE_URI is set, but database.url is not: paig-db reads "
							+ "DATABASE_URL, so the application runs on the default database, "
							+ "sqlite+aiosqlite:///db/database.db.")
					.contains("The environment variable DATABASE_JDBC_URL is set")
					.doesNotContain("DATABASE_HOST")
					.doesNotContain("s3cret-value");
			});
	}

	@Test
	void environmentVariableLikeTheUrlBesideTheUrlIsNotWarnedOf(CapturedOutput output) {
		this.runner
			.withPropertyValues("database.url=sqlite:///" + this.temp.resolve("own.db"),
					"database.migration.on-startup=none")
			.withInitializer(
					(context) -> context.getEnvironment()
						.getPropertySources()
						.addFirst(new SystemEnvironmentPropertySource(
								StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								Map.of("DATABASE_URI", "postgresql://elsewhere/db"))))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).doesNotContain("DATABASE_URI");
			});
	}

	@Test
	void applicationsOwnKeysDirectlyUnderDatabasePassWithTheDefaultUrl() {
		this.runner
			.withPropertyValues("database.host=db.example", "database.port=5432", "database.name=paig",
					"database.user=paig", "database.pool-size=5", "database.schema=app", "database.replica.host=r",
					"database.migrator.role=owner", "database.migration.on-startup=none")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void misspeltPasswordOrUserNameIsWarnedOfByNameOnly(CapturedOutput output) {
		sqlite().withPropertyValues("database.pasword=s3cret-value", "database.usernme=paig").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).contains(
					"database.pasword is set, but paig-db has no such key and does not read it: did you mean database.password?")
				.contains("database.usernme is set, but paig-db has no such key and does not read it: "
						+ "did you mean database.username?")
				.doesNotContain("s3cret-value");
		});
	}

	@Test
	void misspeltPasswordBesideTheRealOneIsNotWarnedOf(CapturedOutput output) {
		this.runner
			.withPropertyValues("database.url=postgresql://paig@db.example/paig", "database.password=s3cret-value",
					"database.passwords=app's own", "database.migration.on-startup=none")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).doesNotContain("database.passwords is set");
			});
	}

	// The report of a start-up that failed with paig-db's own exception.
	private static FailureAnalysis analysis(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		FailureAnalysis analysis = new MigrationFailureAnalyzer().analyze(context.getStartupFailure());
		assertThat(analysis).as("paig-db's report").isNotNull();
		return analysis;
	}

	private static void assertNoValueShown(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			assertThat(String.valueOf(cause.getMessage())).doesNotContain("s3cret-value").doesNotContain("db.example");
		}
	}

}
