package io.paig.db.command;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariDataSource;
import io.paig.db.migration.MigrationSettings;
import io.paig.db.migration.Revision;
import io.paig.db.migration.runner.MigrationRunner;
import io.paig.db.testsupport.Changelogs;
import io.paig.db.url.JdbcSettings;
import io.paig.db.url.JdbcTranslator;
import io.paig.db.url.SqliteOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code db} commands against real Alembic: the steps {@code alembic_compare.py} ran
 * through Alembic over an eight-revision history, replayed with the {@code db} commands
 * over the same history written as Liquibase revisions. After each step the exit status
 * (zero or not), the current revision, the tables and their columns, and for
 * {@code history}, {@code heads} and {@code current} the revisions listed, must be what
 * Alembic left, or what the step's intended difference says db does instead. The data is
 * {@code alembic-parity/alembic-results.json}; docs/commands.md lists the differences.
 *
 * @author paig-db authors
 */
abstract class AbstractAlembicParityTests {

	private static final Pattern HISTORY_LINE = Pattern.compile("-> (\\w+)");

	@TempDir
	Path temp;

	private final List<HikariDataSource> dataSources = new ArrayList<>();

	/**
	 * The test database's URL.
	 * @return the URL
	 */
	abstract String url();

	/**
	 * Empty the test database.
	 * @throws Exception on a database error
	 */
	abstract void reset() throws Exception;

	/**
	 * The name of the database in the recorded data: {@code sqlite}, {@code postgresql}
	 * or {@code mariadb}.
	 * @return the name
	 */
	abstract String dialect();

	@AfterEach
	void closeDataSources() {
		this.dataSources.forEach(HikariDataSource::close);
	}

	@Test
	void eachStepLeavesTheDatabaseAsAlembicDidExceptWhereADifferenceIsIntended() throws Exception {
		JsonNode data = recorded();
		reset();
		Changelogs changelogs = new Changelogs(this.temp.resolve("changelog"));
		for (JsonNode revision : data.get("revisions")) {
			changelogs.revision(revision.get("id").asString(), revision.get("message").asString(),
					changeSets(revision));
		}
		MigrationSettings settings = MigrationSettings.of(changelogs.location());
		MigrationRunner runner = new MigrationRunner(dataSource(), settings, new DefaultResourceLoader());
		RevisionWriter writer = new RevisionWriter(changelogs.folder(), "db.changelog-master.yaml");
		List<String> mismatches = new ArrayList<>();
		int steps = 0;
		for (JsonNode step : data.get("steps")) {
			JsonNode alembic = step.get(dialect());
			assertThat(alembic).as("the data has no results for " + dialect()).isNotNull();
			steps++;
			List<String> args = strings(step.has("db") ? step.get("db") : step.get("alembic"));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			int code = new DbCommands(runner, writer, () -> null, List.of(),
					new PrintStream(out, true, StandardCharsets.UTF_8),
					new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
				.run(args);
			String output = out.toString(StandardCharsets.UTF_8);
			JsonNode intended = step.has("difference") ? step.get("difference").get("db") : null;
			String label = "step " + step.get("n").asInt() + " (db " + String.join(" ", args) + ")";
			compare(mismatches, label, "exit 0", expected(alembic, intended, "ok").asBoolean(), code == 0);
			Revision current = runner.status().getCurrent();
			compare(mismatches, label, "current", strings(expected(alembic, intended, "current")),
					(current != null) ? List.of(current.id()) : List.of());
			compare(mismatches, label, "schema", schema(expected(alembic, intended, "schema")),
					schema(settings.bookkeepingTables()));
			JsonNode listed = expected(alembic, intended, "listed");
			if (listed != null && code == 0) {
				compare(mismatches, label, "listed", strings(listed), listed(args.get(0), output));
			}
		}
		assertThat(steps).isGreaterThanOrEqualTo(30);
		assertThat(mismatches)
			.as("steps where db did not do what Alembic " + data.get("alembic").asString() + " did on " + dialect())
			.isEmpty();
	}

	private static JsonNode recorded() throws Exception {
		try (InputStream in = AbstractAlembicParityTests.class
			.getResourceAsStream("/alembic-parity/alembic-results.json")) {
			assertThat(in).as("alembic-parity/alembic-results.json on the test class path").isNotNull();
			return JsonMapper.builder().build().readTree(in);
		}
	}

	private static JsonNode expected(JsonNode alembic, JsonNode intended, String field) {
		return (intended != null && intended.has(field)) ? intended.get(field) : alembic.get(field);
	}

	private static void compare(List<String> mismatches, String label, String what, Object expected, Object actual) {
		if (!expected.equals(actual)) {
			mismatches.add(label + ": " + what + " was " + actual + ", Alembic: " + expected);
		}
	}

	private static String changeSets(JsonNode revision) {
		String id = revision.get("id").asString();
		if (revision.has("create")) {
			JsonNode create = revision.get("create");
			StringBuilder columns = new StringBuilder();
			for (JsonNode column : create.get("columns")) {
				String name = column.asString();
				columns.append("              - column: { name: ")
					.append(name)
					.append(name.equals("id") ? ", type: int, constraints: { primaryKey: true } }\n"
							: ", type: varchar(100) }\n");
			}
			return """
					  - changeSet:
					      id: %s-1
					      author: parity
					      changes:
					        - createTable:
					            tableName: %s
					            columns:
					""".formatted(id, create.get("table").asString()) + columns;
		}
		JsonNode add = revision.get("add");
		return """
				  - changeSet:
				      id: %s-1
				      author: parity
				      changes:
				        - addColumn:
				            tableName: %s
				            columns:
				              - column: { name: %s, type: varchar(100) }
				""".formatted(id, add.get("table").asString(), add.get("column").asString());
	}

	private static List<String> listed(String command, String output) {
		List<String> ids = new ArrayList<>();
		if (command.equals("history")) {
			Matcher matcher = HISTORY_LINE.matcher(output);
			while (matcher.find()) {
				ids.add(matcher.group(1));
			}
			return ids;
		}
		for (String line : output.split("\n")) {
			if (!line.isBlank()) {
				ids.add(line.strip().split("\\s+")[0]);
			}
		}
		return ids;
	}

	private static List<String> strings(JsonNode array) {
		List<String> strings = new ArrayList<>();
		array.forEach((item) -> strings.add(item.asString()));
		return strings;
	}

	private static Map<String, List<String>> schema(JsonNode tables) {
		Map<String, List<String>> schema = new TreeMap<>();
		tables.properties().forEach((entry) -> schema.put(entry.getKey(), strings(entry.getValue())));
		return schema;
	}

	private Map<String, List<String>> schema(Set<String> bookkeeping) throws SQLException {
		Map<String, List<String>> schema = new TreeMap<>();
		try (Connection connection = dataSource().getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			String schemaName = url().startsWith("postgresql") ? "public" : null;
			try (ResultSet tables = metaData.getTables(connection.getCatalog(), schemaName, "%",
					new String[] { "TABLE" })) {
				while (tables.next()) {
					String table = tables.getString("TABLE_NAME");
					if (!bookkeeping.contains(table.toLowerCase(Locale.ROOT))) {
						schema.put(table.toLowerCase(Locale.ROOT), new ArrayList<>());
					}
				}
			}
			for (Map.Entry<String, List<String>> table : schema.entrySet()) {
				try (ResultSet columns = metaData.getColumns(connection.getCatalog(), schemaName, table.getKey(),
						"%")) {
					while (columns.next()) {
						table.getValue().add(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
					}
				}
				table.getValue().sort(null);
			}
		}
		return schema;
	}

	private HikariDataSource dataSource() {
		if (!this.dataSources.isEmpty()) {
			return this.dataSources.get(0);
		}
		JdbcSettings jdbc = new JdbcTranslator(SqliteOptions.DEFAULTS, null).translate(url(), null, null);
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(jdbc.jdbcUrl());
		dataSource.setUsername(jdbc.username());
		dataSource.setPassword(jdbc.password());
		dataSource.setMaximumPoolSize(2);
		this.dataSources.add(dataSource);
		return dataSource;
	}

}
