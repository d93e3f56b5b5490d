package io.paig.db.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.paig.db.autoconfigure.DatabaseProperties.OnStartup;
import io.paig.db.migration.MigrationSettings;
import io.paig.db.migration.runner.MigrationRunner;
import io.paig.db.testsupport.MigratingApplication;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SpringLiquibaseKeys}: a user coming from stock Spring Boot with
 * {@code spring.liquibase.*} keys gets them honoured with a warning naming the
 * {@code database.migration.*} key, or a report, never a database left alone.
 *
 * @author paig-db authors
 */
@ExtendWith(OutputCaptureExtension.class)
class SpringLiquibaseKeysTests {

	private static final String NOTES = "classpath:db/notes/db.changelog-master.yaml";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PaigDatabaseAutoConfiguration.class, DataSourceAutoConfiguration.class,
				PaigMigrationAutoConfiguration.class));

	@TempDir
	Path temp;

	private String sqlite() {
		return "database.url=sqlite:///" + this.temp.resolve("keys.db");
	}

	@Test
	void changeLogIsMigratedWithAWarningNamingTheMigrationKey(CapturedOutput output) {
		this.runner.withPropertyValues(sqlite(), "spring.liquibase.change-log=" + NOTES).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(MigrationRunner.class).getSettings().changelog()).isEqualTo(NOTES);
			assertThat(MigrationDataSourcesTests.hasNotes(context.getBean(DataSource.class))).isTrue();
		});
		assertThat(output).contains("spring.liquibase.change-log is Spring Boot's key; paig-db honours it (" + NOTES
				+ ") as database.migration.changelog. Use database.migration.changelog instead.");
	}

	@Test
	void migrationKeyWinsOverItsSpringLiquibaseTwin(CapturedOutput output) {
		this.runner
			.withPropertyValues(sqlite(), "database.migration.changelog=" + NOTES,
					"spring.liquibase.change-log=classpath:db/nowhere.yaml")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(MigrationRunner.class).getSettings().changelog()).isEqualTo(NOTES);
			});
		assertThat(output).contains("spring.liquibase.change-log is not read by paig-db, and "
				+ "database.migration.changelog is set and wins");
	}

	@Test
	void twinsReachTheRunnersSettings() {
		this.runner
			.withPropertyValues(sqlite(), "database.migration.on-startup=none", "spring.liquibase.change-log=" + NOTES,
					"spring.liquibase.contexts=prod,eu", "spring.liquibase.label-filter=core",
					"spring.liquibase.default-schema=app", "spring.liquibase.liquibase-schema=history",
					"spring.liquibase.database-change-log-table=APP_HISTORY",
					"spring.liquibase.database-change-log-lock-table=APP_HISTORY_LOCK",
					"spring.liquibase.parameters.owner=paig", "spring.liquibase.analytics-enabled=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				MigrationSettings settings = context.getBean(MigrationRunner.class).getSettings();
				assertThat(settings.changelog()).isEqualTo(NOTES);
				assertThat(settings.contexts()).containsExactly("prod", "eu");
				assertThat(settings.labels()).containsExactly("core");
				assertThat(settings.defaultSchema()).isEqualTo("app");
				assertThat(settings.liquibaseSchema()).isEqualTo("history");
				assertThat(settings.changelogTable()).isEqualTo("APP_HISTORY");
				assertThat(settings.changelogLockTable()).isEqualTo("APP_HISTORY_LOCK");
				assertThat(settings.parameters()).containsEntry("owner", "paig");
				assertThat(settings.analyticsEnabled()).isTrue();
			});
	}

	@Test
	void enabledFalseLeavesTheDatabaseAloneAsOnStartupNone(CapturedOutput output) {
		this.runner
			.withPropertyValues(sqlite(), "spring.liquibase.change-log=" + NOTES, "spring.liquibase.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(DatabaseProperties.class).getMigration().getOnStartup())
					.isEqualTo(OnStartup.NONE);
				assertThat(context.getBean(MigrationRunner.class).getLastRun()).isNull();
				assertThat(MigrationDataSourcesTests.hasNotes(context.getBean(DataSource.class))).isFalse();
			});
		assertThat(output).contains("spring.liquibase.enabled=false is Spring Boot's key; paig-db honours it as "
				+ "database.migration.on-startup=none");
	}

	@Test
	void keysWithoutATwinStopStartupWithAReportNamingEach() {
		this.runner
			.withPropertyValues(sqlite(), "database.migration.changelog=" + NOTES, "spring.liquibase.drop-first=true",
					"spring.liquibase.tag=v1")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new MigrationFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription())
					.contains("spring.liquibase.drop-first: paig-db never drops the schema")
					.contains("spring.liquibase.tag: paig-db tags every revision with its own id");
				assertThat(analysis.getAction()).contains("Remove these keys").contains("docs/configuration.md");
			});
	}

	@Test
	void everyKeyOfSpringBootsLiquibaseIsHonouredOrRefused() throws Exception {
		Set<String> keys = new TreeSet<>();
		Pattern name = Pattern.compile("\"name\"\\s*:\\s*\"spring\\.liquibase\\.([a-z-]+)\"");
		for (Resource metadata : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:META-INF/spring-configuration-metadata.json")) {
			Matcher matcher = name.matcher(metadata.getContentAsString(StandardCharsets.UTF_8));
			while (matcher.find()) {
				keys.add(matcher.group(1));
			}
		}
		assertThat(keys).as("Spring Boot's Liquibase keys").contains("change-log", "label-filter", "labels");
		// check-change-log-location: Spring Boot has not read it since 2.1.7, and it
		// changes nothing about what is migrated
		keys.remove("check-change-log-location");
		assertThat(SpringLiquibaseKeys.known()).as("each key a twin, an orphan or enabled").containsAll(keys);
	}

	@Test
	void springBoot2LabelsKeyStopsStartupInEachSpellingRatherThanRunEveryLabel() throws Exception {
		List<ApplicationContextRunner> spellings = List.of(
				this.runner.withPropertyValues("spring.liquibase.labels=prod"),
				this.runner.withPropertyValues("spring.liquibase.labels[0]=prod", "spring.liquibase.labels[1]=eu"),
				this.runner.withPropertyValues("spring.liquibase.Labels=prod"),
				this.runner.withInitializer((context) -> context.getEnvironment()
					.getPropertySources()
					.addFirst(new SystemEnvironmentPropertySource("env", Map.of("SPRING_LIQUIBASE_LABELS", "prod")))));
		for (ApplicationContextRunner spelling : spellings) {
			spelling.withPropertyValues(sqlite(), "database.migration.changelog=" + NOTES).run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new MigrationFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("spring.liquibase.labels: Spring Boot 2's name")
					.contains("Replace it with database.migration.labels");
			});
		}
		assertThat(MigrationDataSourcesTests
			.hasNotes(MigrationDataSourcesTests.sqlite(this.temp.resolve("keys.db").toString()))).as("nothing migrated")
			.isFalse();
	}

	@Test
	void switchOffFlagsAskForWhatPaigDbDoesAnyway(CapturedOutput output) {
		this.runner
			.withPropertyValues(sqlite(), "database.migration.changelog=" + NOTES, "spring.liquibase.drop-first=false",
					"spring.liquibase.clear-checksums=false")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("spring.liquibase.drop-first=false is what paig-db does anyway; remove the key.")
			.contains("spring.liquibase.clear-checksums=false is what paig-db does anyway");
	}

	@Test
	void credentialsAreHonouredWithoutShowingThePassword(CapturedOutput output) {
		this.runner
			.withPropertyValues(sqlite(), "database.migration.on-startup=none", "spring.liquibase.user=owner",
					"spring.liquibase.password=s3cret-owner")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				DatabaseProperties.Migration migration = context.getBean(DatabaseProperties.class).getMigration();
				assertThat(migration.getUsername()).isEqualTo("owner");
				assertThat(migration.getPassword()).isEqualTo("s3cret-owner");
			});
		assertThat(output)
			.contains("spring.liquibase.user is Spring Boot's key; paig-db honours it (owner) as "
					+ "database.migration.username")
			.contains("spring.liquibase.password is Spring Boot's key; paig-db honours it as "
					+ "database.migration.password")
			.doesNotContain("s3cret-owner");
	}

	@Test
	void jdbcUrlIsMigratedOnConnectionsOfItsOwn() {
		Path other = this.temp.resolve("liquibase-url.db");
		this.runner
			.withPropertyValues(sqlite(), "spring.liquibase.change-log=" + NOTES,
					"spring.liquibase.url=jdbc:sqlite:" + other)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				DataSource migrated = context.getBean(MigrationRunner.class).getDataSource();
				assertThat(migrated).isNotSameAs(context.getBean(DataSource.class));
				assertThat(MigrationDataSourcesTests.hasNotes(migrated)).isTrue();
				assertThat(MigrationDataSourcesTests.hasNotes(context.getBean(DataSource.class))).isFalse();
			});
	}

	@Test
	void jdbcUrlAloneNeedsNoApplicationDataSource() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PaigMigrationAutoConfiguration.class))
			.withPropertyValues("spring.liquibase.change-log=" + NOTES,
					"spring.liquibase.url=jdbc:sqlite:" + this.temp.resolve("job.db"))
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(DataSource.class);
				assertThat(MigrationDataSourcesTests.hasNotes(context.getBean(MigrationRunner.class).getDataSource()))
					.isTrue();
			});
	}

	@Test
	void bootsOwnLiquibaseSwitchedOnBesidePaigDbStopsStartup() {
		this.runner.withConfiguration(AutoConfigurations.of(LiquibaseAutoConfiguration.class))
			.withPropertyValues(sqlite(), "spring.liquibase.change-log=" + NOTES, "spring.liquibase.enabled=true")
			.run((context) -> {
				FailureAnalysis analysis = new MigrationFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("the changelog would run twice");
				assertThat(analysis.getAction()).contains("database.migration.on-startup=none");
			});
	}

	@Test
	void bootsOwnLiquibaseAloneKeepsItsKeys() {
		this.runner.withConfiguration(AutoConfigurations.of(LiquibaseAutoConfiguration.class))
			.withPropertyValues(sqlite(), "database.migration.on-startup=none", "spring.liquibase.enabled=true",
					"spring.liquibase.change-log=" + NOTES, "spring.liquibase.tag=v1")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(SpringLiquibase.class);
				assertThat(context.getBean(MigrationRunner.class).getSettings().changelog())
					.isEqualTo(MigrationSettings.DEFAULT_CHANGELOG);
				// Spring Boot's Liquibase migrated
				assertThat(MigrationDataSourcesTests.hasNotes(context.getBean(DataSource.class))).isTrue();
			});
	}

	@Test
	void applicationFromStockBootWithItsChangeLogIsMigrated(CapturedOutput output) {
		Throwable failure = MigratingApplication.start("database.url=sqlite:///" + this.temp.resolve("stock.db"),
				"spring.liquibase.change-log=" + NOTES);
		assertThat(failure).isNull();
		assertThat(output).contains("Revision 1/1 0a0a0a0a0a01 'create notes' applied")
			.contains("Use database.migration.changelog instead")
			.doesNotContain("there is nothing to migrate")
			.doesNotContain("spring.liquibase.enabled");
	}

}
