package io.paig.db.r2dbc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.paig.db.r2dbc.app.R2dbcApplication;
import io.paig.db.testsupport.Changelogs;
import io.paig.db.testsupport.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WebFlux and Spring Data R2DBC application on paig-db, started for real against a real
 * server: the repository reads the table the migrations created, the actuator serves
 * {@code /actuator/migrations}, health and metrics, and afterwards the server holds no
 * session but the application's pooled one; and the {@code db} commands work in it.
 *
 * @author paig-db authors
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractR2dbcApplicationTests {

	static final String ITEMS = """
			  - changeSet:
			      id: create-items
			      author: paig
			      changes:
			        - createTable:
			            tableName: items
			            columns:
			              - column: { name: id, type: int, constraints: { primaryKey: true } }
			              - column: { name: name, type: varchar(100), constraints: { nullable: false } }
			""";

	static final String SEED = """
			  - changeSet:
			      id: seed-items
			      author: paig
			      changes:
			        - insert:
			            tableName: items
			            columns:
			              - column: { name: id, valueNumeric: 1 }
			              - column: { name: name, value: first item }
			""";

	@TempDir
	static Path folder;

	private final HttpClient http = HttpClient.newHttpClient();

	/**
	 * The test class's database.
	 * @return the database
	 */
	abstract TestDatabase database();

	/**
	 * The {@code database.url} of the test class's database for its driver.
	 * @return the URL
	 */
	abstract String databaseUrl();

	/**
	 * The R2DBC driver the URL must pick.
	 * @return its name in ConnectionFactoryOptions
	 */
	abstract String expectedDriver();

	/**
	 * The query that gives a session's id on the server.
	 * @return the SQL
	 */
	abstract String sessionIdQuery();

	/**
	 * The ids of every session on the test database but the asking one.
	 * @param connection a connection to the server
	 * @return the ids
	 * @throws Exception on a database error
	 */
	abstract List<Long> otherSessions(Connection connection) throws Exception;

	@Test
	void repositoryReadsTheMigratedTableAndTheActuatorServesMigrationsWithNoMigrationSessionLeft() throws Exception {
		database().reset();
		Changelogs changelogs = new Changelogs(folder.resolve("changelog"))
			.revision("a1b2c3d4e5f6", "create items", ITEMS)
			.revision("b2c3d4e5f6a1", "seed items", SEED);
		SpringApplication application = new SpringApplication(R2dbcApplication.class);
		application.setWebApplicationType(WebApplicationType.REACTIVE);
		try (ConfigurableApplicationContext context = application.run("--database.url=" + databaseUrl(),
				"--database.migration.changelog=" + changelogs.location(), "--server.port=0",
				"--management.endpoints.web.exposure.include=health,migrations,metrics",
				"--management.endpoint.health.show-details=always", "--spring.r2dbc.pool.initial-size=1",
				"--spring.r2dbc.pool.max-size=1")) {
			assertThat(context.getBeanNamesForType(DataSource.class)).isEmpty();
			ConnectionFactory connectionFactory = context.getBean(ConnectionFactory.class);
			assertThat(connectionFactory).isInstanceOf(ConnectionPool.class);
			assertThat(connectionFactory.getMetadata().getName()).isNotBlank();
			assertThat(context.getBean(DatabaseUrlR2dbcConnectionDetails.class)
				.getConnectionFactoryOptions()
				.getRequiredValue(io.r2dbc.spi.ConnectionFactoryOptions.DRIVER)).isEqualTo(expectedDriver());
			String port = context.getEnvironment().getProperty("local.server.port");
			assertThat(get(port, "/items")).isEqualTo("[{\"id\":1,\"name\":\"first item\"}]");
			assertThat(get(port, "/actuator/migrations")).contains("\"status\":\"UP_TO_DATE\"")
				.contains("\"current\":{\"id\":\"b2c3d4e5f6a1\"")
				.contains("\"pending\":[]");
			assertThat(get(port, "/actuator/health"))
				.containsPattern("\"migrations\":\\{\"details\":\\{\"state\":\"UP_TO_DATE\".*?\\},\"status\":\"UP\"")
				.containsPattern("\"r2dbc\":\\{\"details\":\\{[^}]*\\},\"status\":\"UP\"")
				.endsWith(",\"status\":\"UP\"}");
			assertThat(get(port, "/actuator/metrics")).contains("\"paig.db.migration.pending\"");
			assertThat(get(port, "/actuator/metrics/paig.db.migration.pending")).contains("\"value\":0.0");
			Object applicationSession = DatabaseClient.create(connectionFactory)
				.sql(sessionIdQuery())
				.map((row) -> row.get(0))
				.one()
				.block();
			assertThat(applicationSession).isNotNull();
			try (Connection connection = database().connection()) {
				assertThat(otherSessions(connection))
					.as("sessions on the database besides the application's pooled one")
					.containsExactly(((Number) applicationSession).longValue());
			}
		}
	}

	@Test
	void dbCommandsWorkInTheR2dbcApplication(CapturedOutput output) throws Exception {
		database().reset();
		Changelogs changelogs = new Changelogs(folder.resolve("commands")).revision("c3d4e5f6a1b2", "create items",
				ITEMS);
		String[] settings = { "--database.url=" + databaseUrl(),
				"--database.migration.changelog=" + changelogs.location(), "--database.command.exit=false" };
		command("upgrade", settings);
		try (Connection connection = database().connection();
				PreparedStatement statement = connection.prepareStatement("select count(*) from items")) {
			assertThat(ids(statement)).containsExactly(0L);
		}
		command("current", settings);
		assertThat(output.getOut()).contains("c3d4e5f6a1b2");
	}

	private static void command(String name, String... settings) {
		SpringApplication application = new SpringApplication(R2dbcApplication.class);
		String[] args = new String[settings.length + 2];
		args[0] = "db";
		args[1] = name;
		System.arraycopy(settings, 0, args, 2, settings.length);
		application.run(args).close();
	}

	private String get(String port, String path) throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return response.body();
	}

	static List<Long> ids(PreparedStatement statement) throws Exception {
		List<Long> ids = new ArrayList<>();
		try (ResultSet result = statement.executeQuery()) {
			while (result.next()) {
				ids.add(result.getLong(1));
			}
		}
		return ids;
	}

}
