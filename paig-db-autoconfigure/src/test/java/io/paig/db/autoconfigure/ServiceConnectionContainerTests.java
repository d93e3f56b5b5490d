package io.paig.db.autoconfigure;

import javax.sql.DataSource;

import io.paig.db.jdbc.DatabaseUrlConnectionDetails;
import io.paig.db.migration.Revision;
import io.paig.db.migration.runner.MigrationRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Testcontainers {@code @ServiceConnection} wins over {@code database.url}, which here
 * names a server that does not exist: revisions are applied to the container's database.
 * Skipped, saying why, where no Docker engine runs.
 *
 * @author paig-db authors
 */
@ExtendWith(ServiceConnectionContainerTests.DockerAvailable.class)
@SpringBootTest(classes = ServiceConnectionContainerTests.Application.class,
		properties = { "database.url=postgresql://nobody@127.0.0.1:1/nowhere",
				"database.migration.changelog=classpath:db/notes/db.changelog-master.yaml" })
class ServiceConnectionContainerTests {

	@ServiceConnection
	static final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:15");

	@Autowired
	private ApplicationContext context;

	@BeforeAll
	static void startContainer() {
		postgres.start();
	}

	@AfterAll
	static void stopContainer() {
		if (postgres.isRunning()) {
			postgres.stop();
		}
	}

	@Test
	void revisionsAreAppliedToTheContainersDatabase() throws Exception {
		assertThat(this.context.getBeanNamesForType(DatabaseUrlConnectionDetails.class)).isEmpty();
		MigrationRunner runner = this.context.getBean(MigrationRunner.class);
		assertThat(runner.status().getCurrent()).extracting(Revision::id).isEqualTo("0a0a0a0a0a01");
		DataSource dataSource = this.context.getBean(DataSource.class);
		assertThat(PaigDatabaseAutoConfigurationTests.queryString(dataSource, "select current_database()"))
			.isEqualTo(postgres.getDatabaseName());
		assertThat(PaigDatabaseAutoConfigurationTests.queryString(dataSource, "select count(*) from note"))
			.isEqualTo("0");
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ PaigDatabaseAutoConfiguration.class, DataSourceAutoConfiguration.class,
			PaigMigrationAutoConfiguration.class })
	static class Application {

	}

	/**
	 * Skips the class, saying why, when no Docker engine runs: decided before Spring's
	 * test support looks at the container.
	 */
	static class DockerAvailable implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			if (dockerAvailable()) {
				return ConditionEvaluationResult.enabled("Docker is available");
			}
			String reason = "No Docker engine is available, so there is no container for @ServiceConnection";
			System.out.println("SKIPPED: " + context.getDisplayName() + ": " + reason);
			return ConditionEvaluationResult.disabled(reason);
		}

		private static boolean dockerAvailable() {
			try {
				return DockerClientFactory.instance().isDockerAvailable();
			}
			catch (Throwable ex) {
				return false;
			}
		}

	}

}
