package io.paig.sample.reference;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.postgresql.PGConnection;

/**
 * Loads the SQL dumps of databases that PAIG's Alembic built ({@code head-*.sql},
 * {@code middle-*.sql}) into an empty database, as a PAIG installation would bring them:
 * {@code sqlite3 .dump} output statement by statement, {@code pg_dump} output with its
 * {@code COPY} blocks through the driver's copy API and psql's meta-commands left out.
 *
 * @author paig-db authors
 */
final class AlembicDumps {

	private AlembicDumps() {
	}

	/**
	 * Load a {@code sqlite3 .dump}.
	 * @param connection a connection to an empty SQLite database
	 * @param dump the dump file
	 * @throws IOException when the file cannot be read
	 * @throws SQLException when a statement fails
	 */
	static void loadSqlite(Connection connection, Path dump) throws IOException, SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String sql : statements(Files.readAllLines(dump))) {
				statement.execute(sql);
			}
		}
	}

	/**
	 * Load a {@code pg_dump} in plain format.
	 * @param connection a connection to an empty PostgreSQL database
	 * @param dump the dump file
	 * @throws IOException when the file cannot be read
	 * @throws SQLException when a statement fails
	 */
	static void loadPostgresql(Connection connection, Path dump) throws IOException, SQLException {
		List<String> lines = Files.readAllLines(dump);
		List<String> pending = new ArrayList<>();
		try (Statement statement = connection.createStatement()) {
			for (int i = 0; i < lines.size(); i++) {
				String line = lines.get(i);
				if (line.startsWith("COPY ") && line.endsWith("FROM stdin;")) {
					StringBuilder data = new StringBuilder();
					for (i++; !lines.get(i).equals("\\."); i++) {
						data.append(lines.get(i)).append('\n');
					}
					connection.unwrap(PGConnection.class)
						.getCopyAPI()
						.copyIn(line.substring(0, line.length() - 1), new StringReader(data.toString()));
				}
				else if (!line.startsWith("\\")) {
					pending.add(line);
					if (line.endsWith(";")) {
						for (String sql : statements(pending)) {
							statement.execute(sql);
						}
						pending.clear();
					}
				}
			}
			// the dump empties search_path for its session: give the pooled connection
			// back as it was
			statement.execute("RESET ALL");
		}
	}

	/**
	 * Split dump lines into statements: comments dropped, a statement ends with a line
	 * ending in ';'.
	 */
	private static List<String> statements(List<String> lines) {
		List<String> statements = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : lines) {
			if (current.isEmpty() && (line.isBlank() || line.startsWith("--"))) {
				continue;
			}
			current.append(line).append('\n');
			if (line.endsWith(";")) {
				statements.add(current.toString());
				current.setLength(0);
			}
		}
		return statements;
	}

}
