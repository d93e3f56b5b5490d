package io.paig.db.autoconfigure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connections through the pool to a real PostgreSQL server, for every way a PAIG user
 * writes the URL.
 *
 * @author paig-db authors
 */
class PostgresqlIntegrationTests {

	@RegisterExtension
	static final TestDatabase database = TestDatabase.postgresql();

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(PaigDatabaseAutoConfiguration.class, DataSourceAutoConfiguration.class));

	static Stream<String> schemes() {
		return Stream.of("postgresql", "postgres", "postgresql+asyncpg", "postgresql+psycopg", "postgresql+psycopg2",
				"postgresql+pg8000", "postgres+psycopg2cffi", "postgresql+psycopg_async");
	}

	@ParameterizedTest
	@MethodSource("schemes")
	void everySchemeReachesTheDatabaseThroughThePool(String scheme) {
		this.runner.withPropertyValues("database.url=" + database.url(scheme)).run((context) -> {
			DataSource dataSource = context.getBean(DataSource.class);
			assertThat(PaigDatabaseAutoConfigurationTests.queryString(dataSource, "select current_database()"))
				.isEqualTo(database.name());
			assertThat(PaigDatabaseAutoConfigurationTests.queryString(dataSource, "select current_user"))
				.isEqualTo(database.username());
		});
	}

	@Test
	void translatedQueryParametersReachTheServer() {
		String url = database.url("postgresql+asyncpg")
				+ "?application_name=paig-db-test&connect_timeout=5&sslmode=disable&options=-c%20statement_timeout%3D12345";
		this.runner.withPropertyValues("database.url=" + url).run((context) -> {
			DataSource dataSource = context.getBean(DataSource.class);
			assertThat(PaigDatabaseAutoConfigurationTests.queryString(dataSource, "show application_name"))
				.isEqualTo("paig-db-test");
			assertThat(PaigDatabaseAutoConfigurationTests.queryString(dataSource, "show statement_timeout"))
				.isEqualTo("12345ms");
			assertThat(PaigDatabaseAutoConfigurationTests.queryString(dataSource,
					"select ssl from pg_stat_ssl where pid = pg_backend_pid()"))
				.isEqualTo("f");
		});
	}

	@Test
	void poolHandsOutSeveralServerSessionsAtOnce() {
		this.runner.withPropertyValues("database.url=" + database.url(), "spring.datasource.hikari.maximum-pool-size=4")
			.run((context) -> {
				DataSource dataSource = context.getBean(DataSource.class);
				Set<String> sessions = new HashSet<>();
				List<Connection> held = new ArrayList<>();
				try {
					for (int i = 0; i < 4; i++) {
						Connection connection = dataSource.getConnection();
						held.add(connection);
						try (Statement statement = connection.createStatement();
								ResultSet result = statement.executeQuery("select pg_backend_pid()")) {
							result.next();
							sessions.add(result.getString(1));
						}
					}
				}
				finally {
					for (Connection connection : held) {
						connection.close();
					}
				}
				assertThat(sessions).hasSize(4);
			});
	}

}
