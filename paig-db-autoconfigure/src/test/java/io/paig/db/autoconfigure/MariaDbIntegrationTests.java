package io.paig.db.autoconfigure;

import java.util.stream.Stream;

import javax.sql.DataSource;

import io.paig.db.testsupport.TestDatabase;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connections through the pool to a real MariaDB (or MySQL) server, for every way a PAIG
 * user writes the URL.
 *
 * @author paig-db authors
 */
class MariaDbIntegrationTests {

	@RegisterExtension
	static final TestDatabase database = TestDatabase.mysql();

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(PaigDatabaseAutoConfiguration.class, DataSourceAutoConfiguration.class));

	static Stream<String> schemes() {
		return Stream.of("mysql", "mariadb", "mysql+aiomysql", "mysql+asyncmy", "mysql+pymysql", "mysql+mysqldb",
				"mysql+mysqlconnector", "mariadb+mariadbconnector", "mariadb+pymysql", "mysql+cymysql");
	}

	@ParameterizedTest
	@MethodSource("schemes")
	void everySchemeReachesTheDatabaseThroughThePool(String scheme) {
		this.runner.withPropertyValues("database.url=" + database.url(scheme)).run((context) -> {
			DataSource dataSource = context.getBean(DataSource.class);
			assertThat(PaigDatabaseAutoConfigurationTests.queryString(dataSource, "select database()"))
				.isEqualTo(database.name());
			assertThat(PaigDatabaseAutoConfigurationTests.queryString(dataSource, "select version()"))
				.containsIgnoringCase("MariaDB");
		});
	}

	@Test
	void translatedQueryParametersReachTheServer() {
		String url = database.url("mysql+aiomysql") + "?charset=utf8mb4&connect_timeout=5&read_timeout=30"
				+ "&sessionVariables=wait_timeout%3D1234";
		this.runner.withPropertyValues("database.url=" + url).run((context) -> {
			DataSource dataSource = context.getBean(DataSource.class);
			assertThat(PaigDatabaseAutoConfigurationTests.queryString(dataSource, "select @@character_set_client"))
				.isEqualTo("utf8mb4");
			assertThat(PaigDatabaseAutoConfigurationTests.queryString(dataSource, "select @@session.wait_timeout"))
				.isEqualTo("1234");
		});
	}

	@Test
	void utf8TextRoundTrips() {
		this.runner.withPropertyValues("database.url=" + database.url("mysql+pymysql") + "?charset=utf8mb4")
			.run((context) -> {
				DataSource dataSource = context.getBean(DataSource.class);
				assertThat(PaigDatabaseAutoConfigurationTests.queryString(dataSource, "select 'Grüße 🌍'"))
					.isEqualTo("Grüße 🌍");
			});
	}

	@Test
	void jpaOnMariaDbGetsHibernatesMariaDbDialect() {
		this.runner
			.withConfiguration(AutoConfigurations.of(HibernateJpaAutoConfiguration.class,
					DataSourceTransactionManagerAutoConfiguration.class))
			.withPropertyValues("database.url=" + database.url("mysql+aiomysql"))
			.run((context) -> {
				SessionFactoryImplementor sessionFactory = context.getBean(EntityManagerFactory.class)
					.unwrap(SessionFactoryImplementor.class);
				assertThat(sessionFactory.getJdbcServices().getDialect()).isInstanceOf(MariaDBDialect.class);
			});
	}

}
