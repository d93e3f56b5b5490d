package io.paig.db.autoconfigure;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.paig.db.migration.MigrationException;
import io.paig.db.migration.runner.MigrationRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationDataSources}: which DataSource the runner migrates, and the
 * migrations' own connection from {@code database.migration.url} and {@code username}. On
 * SQLite; the credentials themselves are tested on real servers by
 * {@code MigrationCredentialsPostgresqlTests} and
 * {@code MigrationCredentialsMariaDbTests}.
 *
 * @author paig-db authors
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationDataSourcesTests {

	private static final String NOTES = "database.migration.changelog=classpath:db/notes/db.changelog-master.yaml";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PaigDatabaseAutoConfiguration.class, DataSourceAutoConfiguration.class,
				PaigMigrationAutoConfiguration.class));

	@TempDir
	Path temp;

	private String[] files() {
		return new String[] { "test.first=" + this.temp.resolve("first.db"),
				"test.second=" + this.temp.resolve("second.db"), NOTES };
	}

	@Test
	void migratesTheDataSourceMarkedMigrationDataSource() {
		this.runner.withUserConfiguration(FirstDataSource.class, MarkedSecondDataSource.class)
			.withPropertyValues(files())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(hasNotes(context.getBean("secondDataSource", DataSource.class))).isTrue();
				assertThat(hasNotes(context.getBean("firstDataSource", DataSource.class))).isFalse();
				assertThat(context.getBean(MigrationRunner.class).getDataSource())
					.isSameAs(context.getBean("secondDataSource"));
			});
	}

	@Test
	void migratesThePrimaryDataSourceWhenNoneIsMarked() {
		this.runner.withUserConfiguration(PrimaryFirstDataSource.class, SecondDataSource.class)
			.withPropertyValues(files())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(hasNotes(context.getBean("firstDataSource", DataSource.class))).isTrue();
				assertThat(hasNotes(context.getBean("secondDataSource", DataSource.class))).isFalse();
			});
	}

	@Test
	void markedDataSourceWinsOverThePrimaryOne() {
		this.runner.withUserConfiguration(PrimaryFirstDataSource.class, MarkedSecondDataSource.class)
			.withPropertyValues(files())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(hasNotes(context.getBean("secondDataSource", DataSource.class))).isTrue();
				assertThat(hasNotes(context.getBean("firstDataSource", DataSource.class))).isFalse();
			});
	}

	@Test
	void twoDataSourcesWithNothingThatSaysWhichStopStartupWithAReportNamingBoth() {
		this.runner.withUserConfiguration(FirstDataSource.class, SecondDataSource.class)
			.withPropertyValues(files())
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new MigrationFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("2 DataSource beans")
					.contains("'firstDataSource'")
					.contains("'secondDataSource'");
				assertThat(analysis.getAction()).contains("@MigrationDataSource")
					.contains("@Primary")
					.contains("second MigrationRunner");
			});
	}

	@Test
	void twoMarkedDataSourcesStopStartupWithAReportNamingBoth() {
		this.runner.withUserConfiguration(MarkedFirstDataSource.class, MarkedSecondDataSource.class)
			.withPropertyValues(files())
			.run((context) -> {
				FailureAnalysis analysis = new MigrationFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("marked @MigrationDataSource")
					.contains("'firstDataSource'")
					.contains("'secondDataSource'");
			});
	}

	@Test
	void migrationUrlMigratesItsDatabaseOnConnectionsOfItsOwn() {
		Path other = this.temp.resolve("other.db");
		this.runner
			.withPropertyValues("database.url=sqlite:///" + this.temp.resolve("app.db"), NOTES,
					"database.migration.url=sqlite:///" + other)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				MigrationRunner runner = context.getBean(MigrationRunner.class);
				assertThat(runner.getDataSource()).isInstanceOf(SimpleDriverDataSource.class)
					.isNotSameAs(context.getBean(DataSource.class));
				assertThat(hasNotes(runner.getDataSource())).isTrue();
				assertThat(hasNotes(context.getBean(DataSource.class))).isFalse();
				assertThat(context).getBeans(DataSource.class).hasSize(1);
			});
	}

	@Test
	void migrationUrlNeedsNoApplicationDataSource() {
		Path database = this.temp.resolve("job.db");
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PaigMigrationAutoConfiguration.class))
			.withPropertyValues(NOTES, "database.migration.url=sqlite:///" + database)
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(DataSource.class);
				assertThat(hasNotes(context.getBean(MigrationRunner.class).getDataSource())).isTrue();
			});
	}

	@Test
	void inMemoryMigrationUrlIsRefused() {
		this.runner.withPropertyValues("database.url=sqlite://", NOTES, "database.migration.url=sqlite://")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(MigrationException.class)
				.hasMessageContaining("in-memory SQLite database"));
	}

	@Test
	void invalidMigrationUrlIsReportedAsTheMigrationUrlWithoutItsPassword() {
		this.runner
			.withPropertyValues("database.url=sqlite:///" + this.temp.resolve("app.db"), NOTES,
					"database.migration.url=oracle://owner:s3cret-owner@db/paig")
			.run((context) -> {
				MigrationException failure = findMigrationException(context.getStartupFailure());
				assertThat(failure.getMessage()).startsWith("database.migration.url")
					.contains("oracle")
					.doesNotContain("s3cret-owner");
				assertThat(failure.getAction()).doesNotContain("s3cret-owner");
			});
	}

	@Test
	void migrationUsernameIsIgnoredOnSqliteWithAWarning(CapturedOutput output) {
		this.runner
			.withPropertyValues("database.url=sqlite:///" + this.temp.resolve("app.db"), NOTES,
					"database.migration.username=owner", "database.migration.password=s3cret-owner")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(MigrationRunner.class).getDataSource())
					.isSameAs(context.getBean(DataSource.class));
				assertThat(hasNotes(context.getBean(DataSource.class))).isTrue();
			});
		assertThat(output).contains("database.migration.username is ignored: SQLite has no users")
			.doesNotContain("s3cret-owner");
	}

	@Test
	void migrationPasswordWithoutUsernameStopsStartup() {
		this.runner
			.withPropertyValues("database.url=sqlite:///" + this.temp.resolve("app.db"), NOTES,
					"database.migration.password=s3cret-owner")
			.run((context) -> {
				MigrationException failure = findMigrationException(context.getStartupFailure());
				assertThat(failure.getMessage()).contains("database.migration.password is set but not")
					.doesNotContain("s3cret-owner");
			});
	}

	static MigrationException findMigrationException(Throwable failure) {
		Throwable cause = failure;
		while (cause != null && !(cause instanceof MigrationException)) {
			cause = cause.getCause();
		}
		assertThat(cause).as("a MigrationException in %s", failure).isNotNull();
		return (MigrationException) cause;
	}

	static boolean hasNotes(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				ResultSet tables = connection.getMetaData().getTables(null, null, "note", null)) {
			return tables.next();
		}
	}

	static DataSource sqlite(String file) {
		return new SimpleDriverDataSource(new org.sqlite.JDBC(), "jdbc:sqlite:" + file);
	}

	@Configuration(proxyBeanMethods = false)
	static class FirstDataSource {

		@Bean
		DataSource firstDataSource(@Value("${test.first}") String file) {
			return sqlite(file);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PrimaryFirstDataSource {

		@Bean
		@Primary
		DataSource firstDataSource(@Value("${test.first}") String file) {
			return sqlite(file);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MarkedFirstDataSource {

		@Bean
		@MigrationDataSource
		DataSource firstDataSource(@Value("${test.first}") String file) {
			return sqlite(file);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SecondDataSource {

		@Bean
		DataSource secondDataSource(@Value("${test.second}") String file) {
			return sqlite(file);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MarkedSecondDataSource {

		@Bean
		@MigrationDataSource
		DataSource secondDataSource(@Value("${test.second}") String file) {
			return sqlite(file);
		}

	}

}
