package io.paig.db.autoconfigure;

import java.nio.file.Path;

import javax.sql.DataSource;

import io.paig.db.autoconfigure.notes.Note;
import io.paig.db.migration.MigrationException;
import io.paig.db.migration.MigrationSettings;
import io.paig.db.migration.PendingRevisionsException;
import io.paig.db.migration.runner.MigrationRunner;
import jakarta.persistence.EntityManagerFactory;
import liquibase.Liquibase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PaigMigrationAutoConfiguration}.
 *
 * @author paig-db authors
 */
class PaigMigrationAutoConfigurationTests {

	private static final String NOTES = "database.migration.changelog=classpath:db/notes/db.changelog-master.yaml";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PaigDatabaseAutoConfiguration.class, DataSourceAutoConfiguration.class,
				PaigMigrationAutoConfiguration.class));

	@TempDir
	Path temp;

	private String sqlite() {
		return "database.url=sqlite:///" + this.temp.resolve("migrations.db");
	}

	@Test
	void appliesPendingRevisionsBeforeJpaValidatesItsTables() {
		this.runner
			.withConfiguration(AutoConfigurations.of(HibernateJpaAutoConfiguration.class,
					DataSourceTransactionManagerAutoConfiguration.class))
			.withUserConfiguration(NotesConfiguration.class)
			.withPropertyValues(sqlite(), NOTES, "spring.jpa.hibernate.ddl-auto=validate")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(EntityManagerFactory.class);
				EntityManagerFactory factory = context.getBean(EntityManagerFactory.class);
				var entityManager = factory.createEntityManager();
				entityManager.getTransaction().begin();
				entityManager.persist(new Note(1L, "migrated first"));
				entityManager.getTransaction().commit();
				assertThat(PaigDatabaseAutoConfigurationTests.queryString(context.getBean(DataSource.class),
						"select text from note"))
					.isEqualTo("migrated first");
				assertThat(context.getBean(MigrationRunner.class).getLastRun().applied()).hasSize(1);
			});
	}

	@Test
	void validateModeFailsStartupWhileRevisionsArePending() {
		this.runner.withPropertyValues(sqlite(), NOTES, "database.migration.on-startup=validate")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(PendingRevisionsException.class)
				.hasMessageContaining("0a0a0a0a0a01 'create notes'"));
	}

	@Test
	void validateModeStartsAtHead() {
		this.runner.withPropertyValues(sqlite(), NOTES).run((first) -> assertThat(first).hasNotFailed());
		this.runner.withPropertyValues(sqlite(), NOTES, "database.migration.on-startup=validate")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void noneModeLeavesTheDatabaseAlone() {
		this.runner.withPropertyValues(sqlite(), NOTES, "database.migration.on-startup=none").run((context) -> {
			assertThat(context).hasNotFailed();
			MigrationRunner runner = context.getBean(MigrationRunner.class);
			assertThat(runner.getLastRun()).isNull();
			assertThat(runner.status().getPendingRevisions()).hasSize(1);
		});
	}

	@Test
	void missingDefaultChangelogMeansNothingToMigrate() {
		this.runner.withPropertyValues(sqlite()).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(MigrationRunner.class).hasChangelog()).isFalse();
		});
	}

	@Test
	void missingConfiguredChangelogFailsStartup() {
		this.runner.withPropertyValues(sqlite(), "database.migration.changelog=classpath:db/nowhere.yaml")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(MigrationException.class)
				.hasMessageContaining("classpath:db/nowhere.yaml does not exist"));
	}

	@Test
	void propertiesReachTheRunnersSettings() {
		this.runner
			.withPropertyValues(sqlite(), NOTES, "database.migration.on-startup=none",
					"database.migration.contexts=prod,eu", "database.migration.labels=core",
					"database.migration.changelog-table=PAIG_HISTORY", "database.migration.lock-timeout=45s",
					"database.migration.parameters.schema=paig", "database.migration.analytics-enabled=true")
			.run((context) -> {
				MigrationSettings settings = context.getBean(MigrationRunner.class).getSettings();
				assertThat(settings.contexts()).containsExactly("prod", "eu");
				assertThat(settings.labels()).containsExactly("core");
				assertThat(settings.changelogTable()).isEqualTo("PAIG_HISTORY");
				assertThat(settings.lockTimeout()).hasSeconds(45);
				assertThat(settings.parameters()).containsEntry("schema", "paig");
				assertThat(settings.analyticsEnabled()).isTrue();
			});
	}

	@Test
	void historyTableNameThatIsNotAPlainSqlNameStopsStartupBeforeAnythingRuns() {
		this.runner
			.withPropertyValues(sqlite(), NOTES, "database.migration.changelog-table=x (a int); DROP TABLE notes; --")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(MigrationException.class)
					.hasMessageContaining("(database.migration.changelog-table) is not a plain SQL name");
			});
	}

	@Test
	void analyticsAreOffUnlessEnabled() {
		this.runner.withPropertyValues(sqlite(), "database.migration.on-startup=none")
			.run((context) -> assertThat(context.getBean(MigrationRunner.class).getSettings().analyticsEnabled())
				.isFalse());
	}

	@Test
	void backsOffWithoutLiquibase() {
		this.runner.withClassLoader(new FilteredClassLoader(Liquibase.class))
			.withPropertyValues(sqlite())
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationRunner.class)
				.doesNotHaveBean(MigrationInitializer.class));
	}

	@Test
	void applicationsRunnerNamedMigrationRunnerReplacesOurs() {
		this.runner.withUserConfiguration(OwnRunnerConfiguration.class)
			.withPropertyValues(sqlite(), "database.migration.on-startup=none")
			.run((context) -> assertThat(context.getBean(MigrationRunner.class).getSettings().changelog())
				.isEqualTo("classpath:own.yaml"));
	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Note.class)
	static class NotesConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnRunnerConfiguration {

		@Bean
		MigrationRunner migrationRunner(DataSource dataSource) {
			return new MigrationRunner(dataSource, MigrationSettings.of("classpath:own.yaml"),
					new DefaultResourceLoader());
		}

	}

}
