package io.paig.db.r2dbc;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import io.paig.db.migration.MigrationException;
import io.paig.db.r2dbc.app.ItemsAtStart;
import io.paig.db.r2dbc.app.R2dbcApplication;
import io.paig.db.testsupport.Changelogs;
import io.paig.db.testsupport.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
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
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A WebFlux and Spring Data R2DBC application on paig-db, started for real against a real
 * server: the repository reads the table the migrations created, the actuator serves
 * {@code /actuator/migrations}, health and metrics, and afterwards the server holds no
 * session but the application's pooled one; the {@code db} commands work in it; and the
 * same application, built ahead of time ({@code process-aot}), migrates and serves when
 * run as a process with {@code -Dspring.aot.enabled=true}.
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

	static final String BROKEN = """
			  - changeSet:
			      id: broken
			      author: paig
			      changes:
			        - sql: { sql: "INSERT INTO no_such_table VALUES (1)" }
			""";

	/** The head revision of {@link #seededItems(String)}. */
	static final String SEED_REVISION = "b2c3d4e5f6a1";

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
	void repositoryReadsTheMigratedTableAndTheActuatorServesMigrationsWithNoMigrationSessionLeft(CapturedOutput output)
			throws Exception {
		database().reset();
		Changelogs changelogs = seededItems("changelog");
		try (ConfigurableApplicationContext context = start(changelogs, "--server.port=0",
				"--management.endpoints.web.exposure.include=health,migrations,metrics",
				"--management.endpoint.health.show-details=always", "--spring.r2dbc.pool.initial-size=1",
				"--spring.r2dbc.pool.max-size=1")) {
			assertThat(context.getBeanNamesForType(DataSource.class)).isEmpty();
			ConnectionFactory connectionFactory = context.getBean(ConnectionFactory.class);
			assertThat(connectionFactory).as("Spring Boot's pool, its connections waiting for the migrations")
				.isInstanceOfSatisfying(Wrapped.class,
						(wrapped) -> assertThat(wrapped.unwrap()).isInstanceOf(ConnectionPool.class));
			assertThat(connectionFactory.getMetadata().getName()).isNotBlank();
			assertThat(context.getBean(DatabaseUrlR2dbcConnectionDetails.class)
				.getConnectionFactoryOptions()
				.getRequiredValue(io.r2dbc.spi.ConnectionFactoryOptions.DRIVER)).isEqualTo(expectedDriver());
			String port = context.getEnvironment().getProperty("local.server.port");
			assertThat(get(port, "/items")).isEqualTo("[{\"id\":1,\"name\":\"first item\"}]");
			assertThat(get(port, "/actuator/migrations")).contains("\"status\":\"UP_TO_DATE\"")
				.contains("\"current\":{\"id\":\"" + SEED_REVISION + "\"")
				.contains("\"pending\":[]");
			assertThat(get(port, "/actuator/health"))
				.containsPattern("\"migrations\":\\{\"details\":\\{\"state\":\"UP_TO_DATE\".*?\\},\"status\":\"UP\"")
				.containsPattern("\"r2dbc\":\\{\"details\":\\{[^}]*\\},\"status\":\"UP\"")
				.endsWith(",\"status\":\"UP\"}");
			assertThat(get(port, "/actuator/metrics")).contains("\"paig.db.migration.pending\"")
				.as("Spring Boot finds its pool behind the wrapper")
				.contains("\"r2dbc.pool.max.allocated\"");
			// one line says what the application connects to, one what the migrations do;
			// the JDBC translation that builds no pool here is not logged as if it did
			assertThat(output).contains("Database (R2DBC): ")
				.contains("Migrations of this R2DBC application connect over JDBC")
				.doesNotContain("PaigDatabaseAutoConfiguration");
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
	void beanReadingTheDatabaseWhileTheContextIsMadeWaitsForTheMigrationsRunningBesideIt() throws Exception {
		database().reset();
		Changelogs changelogs = seededItems("at-start");
		try (ConfigurableApplicationContext context = start(changelogs, "--server.port=0",
				"--items.count-at-start=true")) {
			assertThat(context.getBean(ItemsAtStart.class).count()).as("the items the bean saw").isEqualTo(1);
		}
	}

	@Test
	void failedMigrationStopsStartUpWithItsReportAndServesNothing(CapturedOutput output) throws Exception {
		assertFailedMigrationStopsStartUp(output, "failing");
	}

	/**
	 * Start the application on a changelog whose second revision fails, and check that
	 * start-up stops with the runner's report, nothing listens on its port, and the first
	 * revision stays applied.
	 * @param output the captured output
	 * @param name the folder, under the class's, the revisions are written to
	 * @param settings more Spring Boot arguments
	 * @throws Exception on a database error
	 */
	void assertFailedMigrationStopsStartUp(CapturedOutput output, String name, String... settings) throws Exception {
		database().reset();
		Changelogs changelogs = new Changelogs(folder.resolve(name)).revision("b1c2d3e4f5a6", "create items", ITEMS)
			.revision("c1d2e3f4a5b6", "broken", BROKEN);
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		List<String> arguments = new ArrayList<>(List.of(settings));
		arguments.add("--server.port=" + port);
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> start(changelogs, arguments.toArray(String[]::new)))
			.satisfies((ex) -> assertThat(causes(ex)).as("the runner's failure among the causes")
				.anyMatch(MigrationException.class::isInstance));
		assertThat(output).contains("APPLICATION FAILED TO START").contains("no_such_table");
		try (ServerSocket socket = new ServerSocket(port)) {
			assertThat(socket.getLocalPort()).as("nothing listens on the application's port").isEqualTo(port);
		}
		try (Connection connection = database().connection();
				PreparedStatement statement = connection.prepareStatement("select count(*) from items")) {
			assertThat(ids(statement)).as("the revision before the broken one stays applied").containsExactly(0L);
		}
	}

	/**
	 * Start the application on the test class's database.
	 * @param changelogs the revisions it migrates
	 * @param settings more Spring Boot arguments
	 * @return its context
	 */
	ConfigurableApplicationContext start(Changelogs changelogs, String... settings) {
		SpringApplication application = new SpringApplication(R2dbcApplication.class);
		application.setWebApplicationType(WebApplicationType.REACTIVE);
		List<String> args = new ArrayList<>(
				List.of("--database.url=" + databaseUrl(), "--database.migration.changelog=" + changelogs.location()));
		args.addAll(List.of(settings));
		return application.run(args.toArray(String[]::new));
	}

	/**
	 * The two revisions most tests migrate: the items table, and one item in it.
	 * @param name the folder, under the class's, the revisions are written to
	 * @return the changelogs
	 */
	static Changelogs seededItems(String name) {
		return new Changelogs(folder.resolve(name)).revision("a1b2c3d4e5f6", "create items", ITEMS)
			.revision(SEED_REVISION, "seed items", SEED);
	}

	private static List<Throwable> causes(Throwable failure) {
		List<Throwable> causes = new ArrayList<>();
		for (Throwable cause = failure; cause != null && !causes.contains(cause); cause = cause.getCause()) {
			causes.add(cause);
		}
		return causes;
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

	@Test
	void theApplicationBuiltAheadOfTimeMigratesAtStartAndServes() throws Exception {
		database().reset();
		Changelogs changelogs = seededItems("aot-changelog");
		List<String> settings = List.of("--database.url=" + databaseUrl(),
				"--database.migration.changelog=" + changelogs.location(),
				"--management.endpoints.web.exposure.include=health,migrations", "--items.count-at-start=true");
		Path aot = folder.resolve("aot");
		Path sources = aot.resolve("sources");
		Path resources = aot.resolve("resources");
		Path classes = aot.resolve("classes");
		Files.createDirectories(aot);
		String classPath = System.getProperty("java.class.path");
		// build time, as the Maven and Gradle plugins' process-aot does it: the bean
		// definitions, conditions decided, become code; nothing may touch the database
		List<String> build = java(classPath);
		build.add("org.springframework.boot.SpringApplicationAotProcessor");
		build.addAll(List.of(R2dbcApplication.class.getName(), sources.toString(), resources.toString(),
				classes.toString(), "io.paig", "paig-db-r2dbc-tests"));
		build.addAll(settings);
		Process processing = new ProcessBuilder(build).redirectErrorStream(true)
			.redirectOutput(aot.resolve("process-aot.log").toFile())
			.start();
		assertThat(processing.waitFor(3, TimeUnit.MINUTES)).as("process-aot finished").isTrue();
		assertThat(processing.exitValue()).as(Files.readString(aot.resolve("process-aot.log"))).isZero();
		try (Connection connection = database().connection();
				ResultSet tables = connection.getMetaData()
					.getTables(connection.getCatalog(), null, "%", new String[] { "TABLE" })) {
			assertThat(tables.next()).as("a table made at build time").isFalse();
		}
		compile(sources, classes, classPath);
		// run time: 'java -Dspring.aot.enabled=true', the generated initializer instead
		// of
		// the auto-configuration
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		List<String> run = java(classes + File.pathSeparator + resources + File.pathSeparator + classPath);
		run.add(1, "-Dspring.aot.enabled=true");
		run.add(R2dbcApplication.class.getName());
		run.addAll(settings);
		run.add("--server.port=" + port);
		Path log = aot.resolve("application.log");
		Process application = new ProcessBuilder(run).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		try {
			awaitStarted(application, log);
			assertThat(Files.readString(log)).contains("Starting AOT-processed R2dbcApplication")
				.as("a bean reading the table while the context is made waits for the migrations")
				.contains("Items while the context was made: 1");
			assertThat(get(String.valueOf(port), "/items")).isEqualTo("[{\"id\":1,\"name\":\"first item\"}]");
			assertThat(get(String.valueOf(port), "/actuator/migrations")).contains("\"status\":\"UP_TO_DATE\"")
				.contains("\"current\":{\"id\":\"" + SEED_REVISION + "\"");
		}
		finally {
			application.destroy();
			application.waitFor(30, TimeUnit.SECONDS);
		}
	}

	private static List<String> java(String classPath) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-cp");
		command.add(classPath);
		return command;
	}

	private static void compile(Path sources, Path classes, String classPath) throws IOException {
		List<File> files;
		try (Stream<Path> walk = Files.walk(sources)) {
			files = walk.filter((path) -> path.toString().endsWith(".java")).map(Path::toFile).toList();
		}
		assertThat(files).as("generated sources").isNotEmpty();
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		StringWriter errors = new StringWriter();
		try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(null, null, null)) {
			boolean compiled = compiler
				.getTask(errors, fileManager, null,
						List.of("-d", classes.toString(), "-cp", classPath, "-parameters", "-proc:none"), null,
						fileManager.getJavaFileObjectsFromFiles(files))
				.call();
			assertThat(compiled).as(errors.toString()).isTrue();
		}
	}

	private static void awaitStarted(Process application, Path log) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
		while (System.nanoTime() < deadline) {
			String output = Files.readString(log);
			if (output.contains("Started R2dbcApplication")) {
				return;
			}
			if (!application.isAlive()) {
				throw new AssertionError(
						"The AOT-built application stopped (exit " + application.exitValue() + "):\n" + output);
			}
			Thread.sleep(200);
		}
		throw new AssertionError("The AOT-built application did not start in 2 minutes:\n" + Files.readString(log));
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
