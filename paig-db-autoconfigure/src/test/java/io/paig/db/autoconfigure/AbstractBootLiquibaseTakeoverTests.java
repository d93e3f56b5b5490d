package io.paig.db.autoconfigure;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.paig.db.command.DbCommandRunListener;
import io.paig.db.command.DbCommandRunner;
import io.paig.db.migration.MigrationRun;
import io.paig.db.migration.MigrationStatus;
import io.paig.db.migration.Revision;
import io.paig.db.migration.runner.MigrationRunner;
import io.paig.db.url.JdbcSettings;
import liquibase.integration.spring.SpringLiquibase;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A database that stock Spring Boot with {@code spring-boot-starter-liquibase}
 * ({@link SpringLiquibase}) has been migrating is taken over by paig-db with nothing
 * re-run: the same changelog at Spring Boot's default location,
 * {@code classpath:db/changelog/db.changelog-master.yaml}, and no paig-db setting but
 * {@code database.url}. The changelog is a typical Spring Boot one, without revision
 * headers: an include by class path, an include relative to the master, formatted SQL and
 * a changeset in the master itself. Run against each database by a subclass.
 *
 * @author paig-db authors
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractBootLiquibaseTakeoverTests {

	private static final String MASTER = """
			databaseChangeLog:
			  - include:
			      file: db/changelog/changes/001-create-customer.yaml
			  - include:
			      file: changes/002-create-orders.sql
			      relativeToChangelogFile: true
			  - changeSet:
			      id: 003-seed-customers
			      author: boot
			      changes:
			        - insert:
			            tableName: customer
			            columns:
			              - column: { name: id, valueNumeric: 1 }
			              - column: { name: name, value: Ada }
			""";

	private static final String CUSTOMER = """
			databaseChangeLog:
			  - changeSet:
			      id: 001-create-customer
			      author: boot
			      changes:
			        - createTable:
			            tableName: customer
			            columns:
			              - column: { name: id, type: int, constraints: { primaryKey: true } }
			              - column: { name: name, type: varchar(100), constraints: { nullable: false } }
			""";

	private static final String ORDERS = """
			--liquibase formatted sql

			--changeset boot:002-create-orders
			CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT NOT NULL, total DECIMAL(10, 2));
			--rollback DROP TABLE orders;
			""";

	private static final String EMAIL = """
			databaseChangeLog:
			  - changeSet:
			      id: 004-add-customer-email
			      author: team
			      changes:
			        - addColumn:
			            tableName: customer
			            columns:
			              - column: { name: email, type: varchar(200) }
			""";

	private static final String NUMBERED = """
			databaseChangeLog:
			  - changeSet:
			      id: 1
			      author: boot
			      changes:
			        - createTable:
			            tableName: %s
			            columns:
			              - column: { name: id, type: int, constraints: { primaryKey: true } }
			""";

	private static final String NEW_INCLUDE = """
			  - include:
			      file: db/changelog/changes/004-add-customer-email.yaml
			""";

	private static final String HISTORY = "SELECT ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE, MD5SUM, "
			+ "DESCRIPTION, TAG, LIQUIBASE, DEPLOYMENT_ID FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED";

	@TempDir
	Path classpath;

	private URLClassLoader classLoader;

	@BeforeEach
	void writeBootChangelog() throws Exception {
		reset();
		write("db/changelog/db.changelog-master.yaml", MASTER);
		write("db/changelog/changes/001-create-customer.yaml", CUSTOMER);
		write("db/changelog/changes/002-create-orders.sql", ORDERS);
		this.classLoader = new URLClassLoader(new URL[] { this.classpath.toUri().toURL() },
				getClass().getClassLoader());
	}

	abstract JdbcSettings jdbc();

	abstract String url();

	abstract Connection connection() throws SQLException;

	abstract void reset() throws Exception;

	@Test
	void takesOverWithNothingRerunAndAppliesANewChangeSet(CapturedOutput output) throws Exception {
		migrateWithStockSpringBoot();
		execute("INSERT INTO customer (id, name) VALUES (2, 'Grace')");
		execute("INSERT INTO orders (id, customer_id, total) VALUES (10, 2, 12.50)");
		List<Map<String, Object>> bootHistory = query(HISTORY);
		assertThat(bootHistory).extracting((row) -> row.get("ID"))
			.containsExactly("001-create-customer", "002-create-orders", "003-seed-customers");
		assertThat(bootHistory).extracting((row) -> row.get("EXECTYPE")).containsOnly("EXECUTED");

		// the team switches to paig-db and adds a changeset, at the end of the same
		// master
		write("db/changelog/changes/004-add-customer-email.yaml", EMAIL);
		write("db/changelog/db.changelog-master.yaml", MASTER + NEW_INCLUDE);
		// before the first start: where paig-db finds the database, with nothing written
		assertThat(dbCommand(output, "current", "-v")).contains("003-seed-customers\nRev: 003-seed-customers (current)")
			.contains("1 revision(s) pending");
		assertThat(query(HISTORY)).isEqualTo(bootHistory);
		MigrationStatus status;
		try (ConfigurableApplicationContext context = startWithPaigDb()) {
			assertThat(context.getBeanNamesForType(SpringLiquibase.class)).isEmpty();
			MigrationRunner runner = context.getBean(MigrationRunner.class);
			MigrationRun run = runner.getLastRun();
			assertThat(run).isNotNull();
			assertThat(run.outcome()).isEqualTo(MigrationRun.Outcome.APPLIED);
			assertThat(run.applied()).extracting(Revision::id).containsExactly("004-add-customer-email");
			status = runner.status();
		}

		List<Map<String, Object>> history = query(HISTORY);
		assertThat(history).hasSize(4);
		// every row Spring Boot's Liquibase wrote is as it was: same dates, order,
		// checksums and deployment, nothing marked re-run
		assertThat(history.subList(0, 3)).isEqualTo(bootHistory);
		Map<String, Object> added = history.get(3);
		assertThat(added.get("ID")).isEqualTo("004-add-customer-email");
		assertThat(added.get("FILENAME")).isEqualTo("db/changelog/changes/004-add-customer-email.yaml");
		assertThat(added.get("EXECTYPE")).isEqualTo("EXECUTED");
		assertThat(((Number) added.get("ORDEREXECUTED")).intValue())
			.isGreaterThan(((Number) bootHistory.get(2).get("ORDEREXECUTED")).intValue());
		// the data is untouched and the new column is there
		assertThat(query("SELECT id, name, email FROM customer ORDER BY id"))
			.containsExactly(row("id", 1, "name", "Ada", "email", null), row("id", 2, "name", "Grace", "email", null));
		assertThat(query("SELECT COUNT(*) AS n FROM orders")).containsExactly(row("n", 1));
		assertThat(status.getCurrent()).extracting(Revision::id).isEqualTo("004-add-customer-email");
		assertThat(status.getPendingRevisions()).isEmpty();
	}

	@Test
	void aTakenOverDatabaseStartsUpToDateWithoutANewChangeSet() throws Exception {
		migrateWithStockSpringBoot();
		List<Map<String, Object>> bootHistory = query(HISTORY);
		try (ConfigurableApplicationContext context = startWithPaigDb()) {
			MigrationRunner runner = context.getBean(MigrationRunner.class);
			MigrationRun run = runner.getLastRun();
			assertThat(run).isNotNull();
			assertThat(run.outcome()).isEqualTo(MigrationRun.Outcome.UP_TO_DATE);
			assertThat(run.applied()).isEmpty();
			assertThat(runner.status().getCurrent()).extracting(Revision::id).isEqualTo("003-seed-customers");
		}
		assertThat(query(HISTORY)).isEqualTo(bootHistory);
		assertThat(query("SELECT COUNT(*) AS n FROM customer")).containsExactly(row("n", 1));
	}

	@Test
	void changeSetIdsRepeatedAcrossFilesTakeARevisionHeaderPerFile() throws Exception {
		// Liquibase needs id, author and file together to be unique; many Spring Boot
		// changelogs number the changesets of every file from 1
		write("db/changelog/db.changelog-master.yaml", """
				databaseChangeLog:
				  - include:
				      file: db/changelog/changes/create-customer.yaml
				  - include:
				      file: db/changelog/changes/create-orders.yaml
				""");
		write("db/changelog/changes/create-customer.yaml", NUMBERED.formatted("customer"));
		write("db/changelog/changes/create-orders.yaml", NUMBERED.formatted("orders"));
		migrateWithStockSpringBoot();
		List<Map<String, Object>> bootHistory = query(HISTORY);
		assertThat(bootHistory).extracting((row) -> row.get("ID")).containsExactly("1", "1");

		// a changeset id names a plain revision, so the two clash: refused, nothing
		// touched
		assertThatException().isThrownBy(this::startWithPaigDb)
			.withStackTraceContaining(
					"Two revisions in classpath:db/changelog/db.changelog-master.yaml have the id '1'");
		assertThat(query(HISTORY)).isEqualTo(bootHistory);

		// a revision header per file names the revisions instead; it is not part of any
		// checksum, so the applied changesets stay applied
		write("db/changelog/changes/create-customer.yaml",
				"revision:\n  id: c0ffee000001\n  parent: null\n  message: create customer\n"
						+ NUMBERED.formatted("customer"));
		write("db/changelog/changes/create-orders.yaml",
				"revision:\n  id: c0ffee000002\n  parent: c0ffee000001\n  message: create orders\n"
						+ NUMBERED.formatted("orders"));
		try (ConfigurableApplicationContext context = startWithPaigDb()) {
			MigrationRunner runner = context.getBean(MigrationRunner.class);
			assertThat(runner.getLastRun()).extracting(MigrationRun::applied)
				.asInstanceOf(InstanceOfAssertFactories.LIST)
				.isEmpty();
			assertThat(runner.status().getCurrent()).extracting(Revision::id).isEqualTo("c0ffee000002");
		}
		List<Map<String, Object>> history = query(HISTORY);
		assertThat(history).hasSize(2);
		for (int i = 0; i < 2; i++) {
			Map<String, Object> row = new LinkedHashMap<>(history.get(i));
			Map<String, Object> before = new LinkedHashMap<>(bootHistory.get(i));
			// the only change: each revision's id, written as the tag of its last row
			assertThat(row.remove("TAG")).isEqualTo((i == 0) ? "c0ffee000001" : "c0ffee000002");
			before.remove("TAG");
			assertThat(row).isEqualTo(before);
		}
	}

	/**
	 * Spring Boot's own Liquibase support, as an application on
	 * spring-boot-starter-liquibase runs it: {@code spring.datasource.*} and the default
	 * changelog location.
	 */
	private void migrateWithStockSpringBoot() {
		JdbcSettings jdbc = jdbc();
		List<String> properties = new ArrayList<>(
				List.of("spring.datasource.url=" + jdbc.jdbcUrl(), "spring.liquibase.enabled=true"));
		if (jdbc.username() != null) {
			properties.add("spring.datasource.username=" + jdbc.username());
		}
		if (jdbc.password() != null) {
			properties.add("spring.datasource.password=" + jdbc.password());
		}
		new ApplicationContextRunner().withClassLoader(this.classLoader)
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, LiquibaseAutoConfiguration.class))
			.withPropertyValues(properties.toArray(String[]::new))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(SpringLiquibase.class);
				assertThat(context.getBean(SpringLiquibase.class).getChangeLog())
					.isEqualTo("classpath:/db/changelog/db.changelog-master.yaml");
			});
	}

	/**
	 * paig-db as an application started with it: only {@code database.url} set, and
	 * spring-boot-starter-liquibase still on the class path, which paig-db switches off.
	 */
	private ConfigurableApplicationContext startWithPaigDb() {
		SpringApplication application = new SpringApplication(new DefaultResourceLoader(this.classLoader),
				PaigDbApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application.run("--database.url=" + url());
	}

	/**
	 * A {@code db} command run as {@code java -jar app.jar db ...} would run it, with
	 * only {@code database.url} set.
	 * @return what the command printed
	 */
	private String dbCommand(CapturedOutput output, String... command) {
		int before = output.getOut().length();
		String[] args = new String[command.length + 1];
		args[0] = "db";
		System.arraycopy(command, 0, args, 1, command.length);
		new ApplicationContextRunner().withClassLoader(this.classLoader)
			.withConfiguration(
					AutoConfigurations.of(PaigDatabaseAutoConfiguration.class, DataSourceAutoConfiguration.class,
							PaigMigrationAutoConfiguration.class, PaigDbCommandAutoConfiguration.class))
			.withPropertyValues("database.url=" + url(), DbCommandRunListener.ACTIVE + "=true",
					"database.migration.on-startup=none", "database.command.exit=false")
			.run((context) -> {
				DbCommandRunner runner = context.getBean(DbCommandRunner.class);
				runner.run(new DefaultApplicationArguments(args));
				assertThat(runner.getExitCode()).isZero();
			});
		return output.getOut().substring(before);
	}

	private void write(String name, String text) throws IOException {
		Path file = this.classpath.resolve(name);
		Files.createDirectories(file.getParent());
		Files.writeString(file, text);
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = connection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private List<Map<String, Object>> query(String sql) throws SQLException {
		List<Map<String, Object>> rows = new ArrayList<>();
		try (Connection connection = connection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			ResultSetMetaData metaData = result.getMetaData();
			while (result.next()) {
				Map<String, Object> row = new LinkedHashMap<>();
				for (int i = 1; i <= metaData.getColumnCount(); i++) {
					Object value = result.getObject(i);
					row.put(metaData.getColumnLabel(i).toUpperCase(Locale.ROOT),
							(value instanceof Number number && !(value instanceof BigDecimal)) ? number.longValue()
									: value);
				}
				rows.add(row);
			}
		}
		return rows;
	}

	private static Map<String, Object> row(Object... keysAndValues) {
		Map<String, Object> row = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			Object value = keysAndValues[i + 1];
			row.put(((String) keysAndValues[i]).toUpperCase(Locale.ROOT),
					(value instanceof Number number) ? number.longValue() : value);
		}
		return row;
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ PaigDatabaseAutoConfiguration.class, DataSourceAutoConfiguration.class,
			PaigMigrationAutoConfiguration.class, LiquibaseAutoConfiguration.class })
	static class PaigDbApplication {

	}

}
