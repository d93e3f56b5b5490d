package io.paig.db.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.paig.db.jdbc.DatabaseUrlConnectionDetails;
import io.paig.db.url.InvalidDatabaseUrlException;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PaigDatabaseAutoConfiguration}.
 *
 * @author paig-db authors
 */
class PaigDatabaseAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(PaigDatabaseAutoConfiguration.class, DataSourceAutoConfiguration.class));

	@TempDir
	Path temp;

	@Test
	void defaultsToPaigsSqliteFileBelowTheWorkingDirectory() {
		this.runner.run((context) -> {
			DatabaseUrlConnectionDetails details = context.getBean(DatabaseUrlConnectionDetails.class);
			Path expected = Path.of("db/database.db").toAbsolutePath().normalize();
			assertThat(details.getSettings().sqliteFile()).isEqualTo(expected);
			assertThat(Files.isDirectory(expected.getParent())).isTrue();
			assertThat(context.getBean(HikariDataSource.class).getJdbcUrl())
				.startsWith("jdbc:sqlite:" + expected + "?");
			assertThat(queryString(context.getBean(DataSource.class), "select sqlite_version()")).isNotBlank();
		});
	}

	@Test
	void databaseUrlBecomesTheConnectionDetailsOfBootsPool() {
		this.runner.withPropertyValues("database.url=postgresql+asyncpg://paig:s3cret@db.example.com:6543/paig")
			.run((context) -> {
				assertThat(context).hasSingleBean(JdbcConnectionDetails.class);
				HikariDataSource dataSource = context.getBean(HikariDataSource.class);
				assertThat(dataSource.getJdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/paig");
				assertThat(dataSource.getUsername()).isEqualTo("paig");
				assertThat(dataSource.getPassword()).isEqualTo("s3cret");
				assertThat(dataSource.getDriverClassName()).isEqualTo("org.postgresql.Driver");
			});
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void theDatabaseLineNamesTheUrlTheDataSourceIsBuiltFromWithoutItsPassword(CapturedOutput output) {
		this.runner.withPropertyValues("database.url=postgresql+asyncpg://paig:s3cret@db.example.com:6543/paig")
			.run((context) -> {
				assertThat(context).hasSingleBean(DataSource.class);
				assertThat(output)
					.contains("Database: postgresql+asyncpg://paig:****@db.example.com:6543/paig -> "
							+ "jdbc:postgresql://db.example.com:6543/paig")
					.doesNotContain("s3cret");
			});
	}

	@Test
	void hikariPropertiesStillApplyToThePool() {
		this.runner
			.withPropertyValues("database.url=mysql+aiomysql://paig@db/paig",
					"spring.datasource.hikari.maximum-pool-size=3", "spring.datasource.hikari.pool-name=paig-pool")
			.run((context) -> {
				HikariDataSource dataSource = context.getBean(HikariDataSource.class);
				assertThat(dataSource.getMaximumPoolSize()).isEqualTo(3);
				assertThat(dataSource.getPoolName()).isEqualTo("paig-pool");
				assertThat(dataSource.getJdbcUrl()).isEqualTo("jdbc:mysql://db:3306/paig");
			});
	}

	@Test
	void usernameAndPasswordPropertiesOverrideTheUrls() {
		this.runner
			.withPropertyValues("database.url=postgresql://url-user:url-pass@db/paig", "database.username=prop-user",
					"database.password=prop-pass")
			.run((context) -> {
				HikariDataSource dataSource = context.getBean(HikariDataSource.class);
				assertThat(dataSource.getUsername()).isEqualTo("prop-user");
				assertThat(dataSource.getPassword()).isEqualTo("prop-pass");
			});
	}

	@Test
	void placeholdersInTheUrlAreResolved() {
		this.runner
			.withPropertyValues("db-password=p%40ss%3Aw%2Frd", "database.url=postgresql://paig:${db-password}@db/paig")
			.run((context) -> assertThat(context.getBean(HikariDataSource.class).getPassword()).isEqualTo("p@ss:w/rd"));
	}

	@Test
	void backsOffWhenTheApplicationDefinesADataSource() {
		this.runner.withUserConfiguration(UserDataSourceConfiguration.class).run((context) -> {
			assertThat(context).doesNotHaveBean(DatabaseUrlConnectionDetails.class);
			assertThat(context.getBean(DataSource.class)).isInstanceOf(SimpleDriverDataSource.class);
		});
	}

	@Test
	void backsOffWhenTheApplicationDefinesConnectionDetailsAsServiceConnectionDoes() {
		this.runner.withUserConfiguration(UserConnectionDetailsConfiguration.class)
			.withPropertyValues("database.url=postgresql://paig@db/paig")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(DatabaseUrlConnectionDetails.class);
				assertThat(context.getBean(HikariDataSource.class).getJdbcUrl())
					.isEqualTo("jdbc:postgresql://container:5432/test");
			});
	}

	@Test
	void backsOffWhenOnlySpringDatasourceUrlIsSet() {
		String url = "jdbc:sqlite:" + this.temp.resolve("boot.db");
		this.runner.withPropertyValues("spring.datasource.url=" + url).run((context) -> {
			assertThat(context).doesNotHaveBean(DatabaseUrlConnectionDetails.class);
			assertThat(context.getBean(HikariDataSource.class).getJdbcUrl()).isEqualTo(url);
		});
	}

	@Test
	void databaseUrlWinsWhenBothUrlsAreSet() {
		this.runner
			.withPropertyValues("spring.datasource.url=jdbc:postgresql://other/other",
					"database.url=postgresql://paig@db/paig")
			.run((context) -> assertThat(context.getBean(HikariDataSource.class).getJdbcUrl())
				.isEqualTo("jdbc:postgresql://db:5432/paig"));
	}

	@Test
	void jdbcUrlPassesThroughUntouched() {
		String url = "jdbc:sqlite:" + this.temp.resolve("plain.db") + "?journal_mode=DELETE";
		this.runner.withPropertyValues("database.url=" + url, "database.username=someone").run((context) -> {
			HikariDataSource dataSource = context.getBean(HikariDataSource.class);
			assertThat(dataSource.getJdbcUrl()).isEqualTo(url);
			assertThat(dataSource.getUsername()).isEqualTo("someone");
		});
	}

	@Test
	void inMemorySqliteIsOneDatabaseForTheWholePoolAndOutlivesItsConnections() {
		this.runner.withPropertyValues("database.url=sqlite://", "spring.datasource.hikari.maximum-pool-size=5")
			.run((context) -> {
				HikariDataSource dataSource = context.getBean(HikariDataSource.class);
				assertThat(dataSource.getMaximumPoolSize()).isOne();
				try (Connection connection = dataSource.getConnection();
						Statement statement = connection.createStatement()) {
					statement.execute("create table kept (id integer primary key)");
					statement.execute("insert into kept values (42)");
				}
				dataSource.getHikariPoolMXBean().softEvictConnections();
				assertThat(queryString(dataSource, "select id from kept")).isEqualTo("42");
			});
	}

	@Test
	void twoApplicationsInMemoryGetTwoDatabases() {
		this.runner.withPropertyValues("database.url=sqlite:///:memory:").run((first) -> {
			try (Connection connection = first.getBean(DataSource.class).getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("create table mine (id integer)");
			}
			this.runner.withPropertyValues("database.url=sqlite:///:memory:")
				.run((second) -> assertThat(queryString(second.getBean(DataSource.class),
						"select count(*) from sqlite_master where name = 'mine'"))
					.isEqualTo("0"));
		});
	}

	@Test
	void invalidUrlFailsStartupWithTheProblemAndNoPassword() {
		this.runner.withPropertyValues("database.url=postgresql+nosuchdriver://paig:Pa55-w0rd!@db/paig")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidDatabaseUrlException.class)
					.hasMessageContaining("nosuchdriver")
					.hasMessageContaining("asyncpg")
					.hasMessageNotContaining("Pa55-w0rd!");
			});
	}

	@Test
	void missingJdbcDriverNamesTheDependencyToAdd() {
		this.runner.withClassLoader(new FilteredClassLoader("org.postgresql"))
			.withPropertyValues("database.url=postgresql://paig@db/paig")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidDatabaseUrlException.class)
				.hasMessageContaining("org.postgresql:postgresql"));
	}

	@Test
	void mariadbWithoutAnyDriverAsksForConnectorJ() {
		this.runner.withClassLoader(new FilteredClassLoader("com.mysql"))
			.withPropertyValues("database.url=mariadb://paig@db/paig")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("com.mysql:mysql-connector-j"));
	}

	@Test
	void sqliteFolderThatCannotBeCreatedIsReported() throws Exception {
		Path file = Files.writeString(this.temp.resolve("not-a-folder"), "x");
		this.runner.withPropertyValues("database.url=sqlite:///" + file + "/db/paig.db")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidDatabaseUrlException.class)
				.hasMessageContaining("cannot be created"));
	}

	@Test
	void jpaGetsHibernatesSqliteDialectAndLeavesTheSchemaToMigrations() {
		this.runner
			.withConfiguration(AutoConfigurations.of(HibernateJpaAutoConfiguration.class,
					DataSourceTransactionManagerAutoConfiguration.class))
			.withPropertyValues("database.url=sqlite:///" + this.temp.resolve("jpa.db"))
			.run((context) -> {
				assertThat(context).hasSingleBean(EntityManagerFactory.class);
				LocalContainerEntityManagerFactoryBean factory = context
					.getBean(LocalContainerEntityManagerFactoryBean.class);
				assertThat(factory.getJpaPropertyMap()).containsEntry("hibernate.dialect",
						"org.hibernate.community.dialect.SQLiteDialect");
				// Boot passes no hbm2ddl.auto at all when its default is 'none':
				// Hibernate touches no table.
				assertThat(factory.getJpaPropertyMap()).doesNotContainKey("hibernate.hbm2ddl.auto");
			});
	}

	@Test
	void dialectChosenByTheApplicationIsKept() {
		this.runner
			.withConfiguration(AutoConfigurations.of(HibernateJpaAutoConfiguration.class,
					DataSourceTransactionManagerAutoConfiguration.class))
			.withPropertyValues("database.url=sqlite:///" + this.temp.resolve("jpa.db"),
					"spring.jpa.properties.hibernate.dialect=org.hibernate.community.dialect.SQLiteDialect")
			.run((context) -> assertThat(
					context.getBean(LocalContainerEntityManagerFactoryBean.class).getJpaPropertyMap())
				.containsEntry("hibernate.dialect", "org.hibernate.community.dialect.SQLiteDialect"));
	}

	static String queryString(DataSource dataSource, String sql) throws Exception {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class UserDataSourceConfiguration {

		@Bean
		DataSource dataSource() {
			return new SimpleDriverDataSource();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserConnectionDetailsConfiguration {

		@Bean
		JdbcConnectionDetails containerConnectionDetails() {
			return new JdbcConnectionDetails() {

				@Override
				public String getUsername() {
					return "test";
				}

				@Override
				public String getPassword() {
					return "test";
				}

				@Override
				public String getJdbcUrl() {
					return "jdbc:postgresql://container:5432/test";
				}

			};
		}

	}

}
