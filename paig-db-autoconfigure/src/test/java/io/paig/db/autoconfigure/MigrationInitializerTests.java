package io.paig.db.autoconfigure;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import io.paig.db.autoconfigure.DatabaseProperties.OnStartup;
import io.paig.db.migration.MigrationException;
import io.paig.db.migration.MigrationListener;
import io.paig.db.migration.MigrationRun;
import io.paig.db.migration.MigrationSettings;
import io.paig.db.migration.runner.MigrationRunner;
import io.paig.db.testsupport.Changelogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MigrationInitializer}: every runner is migrated at start-up, and a
 * changelog is never left alone without {@code on-startup=none}.
 *
 * @author paig-db authors
 */
class MigrationInitializerTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PaigDatabaseAutoConfiguration.class, DataSourceAutoConfiguration.class,
				PaigMigrationAutoConfiguration.class));

	private static final String BOX = """
			  - changeSet:
			      id: create-box
			      author: paig
			      changes:
			        - createTable:
			            tableName: box
			            columns:
			              - column: { name: id, type: int, constraints: { primaryKey: true } }
			""";

	@TempDir
	Path temp;

	@Test
	void changelogAtTheDefaultPlaceUnderAnotherExtensionStopsStartup() throws Exception {
		try (URLClassLoader classLoader = withXmlChangelog()) {
			this.runner.withClassLoader(classLoader)
				.withPropertyValues("database.url=sqlite:///" + this.temp.resolve("app.db"))
				.run((context) -> {
					FailureAnalysis analysis = new MigrationFailureAnalyzer().analyze(context.getStartupFailure());
					assertThat(analysis).isNotNull();
					assertThat(analysis.getDescription())
						.contains("no changelog at " + MigrationSettings.DEFAULT_CHANGELOG)
						.contains("classpath:db/changelog/db.changelog-master.xml exists: it would not be migrated");
					assertThat(analysis.getAction())
						.contains("database.migration.changelog=classpath:db/changelog/db.changelog-master.xml")
						.contains("database.migration.on-startup=none");
				});
		}
	}

	@Test
	void changelogUnderAnotherExtensionMayBeLeftAloneWithOnStartupNone() throws Exception {
		try (URLClassLoader classLoader = withXmlChangelog()) {
			this.runner.withClassLoader(classLoader)
				.withPropertyValues("database.url=sqlite:///" + this.temp.resolve("app.db"),
						"database.migration.on-startup=none")
				.run((context) -> assertThat(context).hasNotFailed());
		}
	}

	@Test
	void everyRunnerIsMigratedAtStartup() {
		this.runner.withUserConfiguration(SecondDatabase.class)
			.withPropertyValues(SecondDatabase.properties(this.temp))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeansOfType(MigrationRunner.class)).containsOnlyKeys("migrationRunner",
						"auditMigrationRunner");
				assertThat(MigrationDataSourcesTests.hasNotes(context.getBean("firstDataSource", DataSource.class)))
					.isTrue();
				assertThat(context.getBean("auditMigrationRunner", MigrationRunner.class).status().isUpToDate())
					.isTrue();
				assertThat(context.getBean("auditMigrationRunner", MigrationRunner.class).getLastRun().applied())
					.hasSize(1);
			});
	}

	@Test
	void runsInTheBackgroundGoOnTheirOwnThreadAndTheSingletonsWaitForThem() throws Exception {
		Changelogs changelogs = new Changelogs(this.temp.resolve("background")).revision("b0000000000a", "create box",
				BOX);
		MigrationRunner runner = new MigrationRunner(
				MigrationDataSourcesTests.sqlite(this.temp.resolve("bg.db").toString()),
				MigrationSettings.of(changelogs.location()), new DefaultResourceLoader());
		List<String> threads = new CopyOnWriteArrayList<>();
		List<String> made = new CopyOnWriteArrayList<>();
		runner.setListeners(() -> {
			made.add(Thread.currentThread().getName());
			MigrationListener listener = new MigrationListener() {

				@Override
				public void runFinished(MigrationRun run) {
					threads.add(Thread.currentThread().getName());
				}

			};
			return List.of(listener).iterator();
		});
		MigrationInitializer initializer = new MigrationInitializer(Map.of("migrationRunner", runner),
				OnStartup.UPGRADE, null);
		initializer.setInBackground(true);
		initializer.afterPropertiesSet();
		assertThat(made).as("listeners looked up on the thread that makes the beans")
			.first()
			.isEqualTo(Thread.currentThread().getName());
		initializer.afterSingletonsInstantiated();
		assertThat(initializer.done()).isCompleted();
		assertThat(threads).containsExactly("paig-db-migrations");
		assertThat(runner.status().isUpToDate()).isTrue();
	}

	@Test
	void failureOfRunsInTheBackgroundStopsStartUpWhenTheSingletonsAreMade() throws Exception {
		Changelogs changelogs = new Changelogs(this.temp.resolve("failing")).revision("b0000000000b", "broken", """
				  - changeSet:
				      id: broken
				      author: paig
				      changes:
				        - sql: { sql: "INSERT INTO no_such_table VALUES (1)" }
				""");
		MigrationRunner runner = new MigrationRunner(
				MigrationDataSourcesTests.sqlite(this.temp.resolve("fail.db").toString()),
				MigrationSettings.of(changelogs.location()), new DefaultResourceLoader());
		MigrationInitializer initializer = new MigrationInitializer(Map.of("migrationRunner", runner),
				OnStartup.UPGRADE, null);
		initializer.setInBackground(true);
		initializer.afterPropertiesSet();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(initializer::afterSingletonsInstantiated)
			.withMessageContaining("no_such_table");
		initializer.destroy();
	}

	@Test
	void runsNotInTheBackgroundAreOverWhenTheInitializerIsMade() throws Exception {
		Changelogs changelogs = new Changelogs(this.temp.resolve("inline")).revision("b0000000000c", "create box", BOX);
		MigrationRunner runner = new MigrationRunner(
				MigrationDataSourcesTests.sqlite(this.temp.resolve("inline.db").toString()),
				MigrationSettings.of(changelogs.location()), new DefaultResourceLoader());
		MigrationInitializer initializer = new MigrationInitializer(runner, OnStartup.UPGRADE);
		initializer.afterPropertiesSet();
		assertThat(initializer.isInBackground()).isFalse();
		assertThat(initializer.done()).isCompleted();
		assertThat(runner.status().isUpToDate()).isTrue();
	}

	private URLClassLoader withXmlChangelog() throws Exception {
		Path root = this.temp.resolve("classes");
		Path changelog = root.resolve("db/changelog/db.changelog-master.xml");
		Files.createDirectories(changelog.getParent());
		Files.writeString(changelog, "<databaseChangeLog/>");
		return new URLClassLoader(new URL[] { root.toUri().toURL() }, getClass().getClassLoader());
	}

	/**
	 * Two databases: paig-db's runner migrates the primary one with the notes changelog;
	 * the application declares a second runner for the audit database.
	 */
	@Configuration(proxyBeanMethods = false)
	static class SecondDatabase {

		static String[] properties(Path temp) {
			Changelogs audit = new Changelogs(temp.resolve("audit-changelog")).revision("a0d100000001", "create audit",
					"""
							  - changeSet:
							      id: create-audit
							      author: paig
							      changes:
							        - createTable:
							            tableName: audit_event
							            columns:
							              - column: { name: id, type: bigint, constraints: { primaryKey: true } }
							""");
			return new String[] { "test.first=" + temp.resolve("first.db"), "test.second=" + temp.resolve("audit.db"),
					"test.audit-changelog=" + audit.location(),
					"database.migration.changelog=classpath:db/notes/db.changelog-master.yaml" };
		}

		@Bean
		@Primary
		DataSource firstDataSource(@Value("${test.first}") String file) {
			return MigrationDataSourcesTests.sqlite(file);
		}

		@Bean
		DataSource auditDataSource(@Value("${test.second}") String file) {
			return MigrationDataSourcesTests.sqlite(file);
		}

		@Bean
		MigrationRunner auditMigrationRunner(@Qualifier("auditDataSource") DataSource auditDataSource,
				@Value("${test.audit-changelog}") String changelog, ResourceLoader resourceLoader,
				ObjectProvider<MigrationListener> listeners) {
			MigrationRunner runner = new MigrationRunner(auditDataSource, MigrationSettings.of(changelog),
					resourceLoader);
			runner.setListeners(listeners);
			return runner;
		}

	}

}
