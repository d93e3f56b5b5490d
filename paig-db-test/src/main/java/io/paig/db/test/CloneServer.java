package io.paig.db.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.paig.db.url.Dialect;
import io.paig.db.url.JdbcSettings;
import org.jspecify.annotations.Nullable;

/**
 * What cloning needs of one kind of server: databases made, cloned from a template and
 * dropped, a lock that every JVM on the machine (or the server) shares, and the names of
 * what is there. PostgreSQL clones with {@code CREATE DATABASE ... TEMPLATE}, MariaDB and
 * MySQL replay the template's DDL and copy its rows, SQLite copies the template's file.
 *
 * @author paig-db authors
 */
abstract class CloneServer {

	/**
	 * Names of the templates and clones start with the server's database name and this.
	 */
	static final String TEMPLATE = "_paig_tpl_";

	static final String CLONE = "_paig_clone_";

	private static final Pattern NETWORK_URL = Pattern.compile("^(jdbc:[a-z]+://[^/?;]*/)([^?;]*)(.*)$");

	final JdbcSettings server;

	/** The start of every name: the server database's name, made safe. */
	final String base;

	CloneServer(JdbcSettings server, String base) {
		this.server = server;
		String safe = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
		this.base = safe.substring(0, Math.min(safe.length(), 20));
	}

	static CloneServer of(JdbcSettings server) {
		if (server.isSqlite()) {
			if (server.sqliteInMemory() || server.sqliteFile() == null) {
				throw new IllegalStateException("A fresh database is cloned from a template file, but "
						+ server.source() + " is an in-memory SQLite database: give the test a file (sqlite:///...).");
			}
			return new Sqlite(server);
		}
		Matcher matcher = NETWORK_URL.matcher(server.jdbcUrl());
		if (!matcher.matches()) {
			throw new IllegalStateException("Cannot tell the database name in " + server.source()
					+ ": a fresh database needs a URL that names a server and a database.");
		}
		if (server.dialect() == Dialect.POSTGRESQL) {
			return new Postgresql(server, matcher.group(2));
		}
		if (server.dialect() == Dialect.MYSQL || server.dialect() == Dialect.MARIADB) {
			return new MariaDb(server, matcher.group(2));
		}
		throw new IllegalStateException(
				"Fresh databases are made on PostgreSQL, MariaDB, MySQL and SQLite, not on " + server.source() + ".");
	}

	/**
	 * The name of the template for a changelog's state.
	 * @param key the changelog's fingerprint
	 * @return the name
	 */
	String templateName(String key) {
		return this.base + TEMPLATE + key.substring(0, 16);
	}

	/**
	 * The JDBC settings of another database on the same server.
	 * @param name the database
	 * @return the settings
	 */
	JdbcSettings settings(String name) {
		Matcher matcher = NETWORK_URL.matcher(this.server.jdbcUrl());
		if (!matcher.matches()) {
			throw new IllegalStateException("Not a server URL: " + this.server.source());
		}
		String jdbcUrl = matcher.group(1) + name + matcher.group(3);
		return new JdbcSettings(this.server.source().replace(matcher.group(2), name), this.server.dialect(),
				this.server.driver(), jdbcUrl, this.server.username(), this.server.password(), null, false);
	}

	Connection connect() throws SQLException {
		try {
			return DriverManager.getConnection(this.server.jdbcUrl(), this.server.username(), this.server.password());
		}
		catch (SQLException ex) {
			// the server database may be gone (a test's own database, dropped after its
			// class) while its clones are still to be dropped: the server's maintenance
			// database serves for that
			String maintenance = maintenanceDatabase();
			Matcher matcher = NETWORK_URL.matcher(this.server.jdbcUrl());
			if (maintenance == null || !matcher.matches()) {
				throw ex;
			}
			try {
				return DriverManager.getConnection(matcher.group(1) + maintenance + matcher.group(3),
						this.server.username(), this.server.password());
			}
			catch (SQLException other) {
				ex.addSuppressed(other);
				throw ex;
			}
		}
	}

	/**
	 * The database to connect to when the server database is gone.
	 * @return its name ({@code ""} for none), or {@code null} when there is none
	 */
	@Nullable String maintenanceDatabase() {
		return null;
	}

	/**
	 * Run with the lock every JVM building templates on this server shares.
	 * @param <T> the result's type
	 * @param work what to run
	 * @return what it returned
	 * @throws SQLException on a database error
	 */
	abstract <T> T locked(SqlWork<T> work) throws SQLException;

	/**
	 * Whether a finished template of that name is there.
	 * @param template the template's name
	 * @return whether it is there and finished
	 * @throws SQLException on a database error
	 */
	abstract boolean templateReady(String template) throws SQLException;

	/**
	 * Make an empty database, dropping any of that name.
	 * @param name the name
	 * @return its settings
	 * @throws SQLException on a database error
	 */
	abstract JdbcSettings create(String name) throws SQLException;

	/**
	 * Make the database a template is built in.
	 * @param template the template's name
	 * @return the settings of the database to build it in
	 * @throws SQLException on a database error
	 */
	JdbcSettings createTemplate(String template) throws SQLException {
		return create(template);
	}

	/**
	 * Mark a template finished (and closed to connections where the server can).
	 * @param template the template's name
	 * @throws SQLException on a database error
	 */
	abstract void markReady(String template) throws SQLException;

	/**
	 * Clone a finished template.
	 * @param template the template's name
	 * @param name the clone's name
	 * @return the clone's settings
	 * @throws SQLException on a database error
	 */
	abstract JdbcSettings cloneOf(String template, String name) throws SQLException;

	abstract void drop(String name) throws SQLException;

	/**
	 * The names of the templates and clones of this server's database.
	 * @return the names
	 * @throws SQLException on a database error
	 */
	abstract List<String> names() throws SQLException;

	static List<String> strings(Connection connection, String sql, String... parameters) throws SQLException {
		List<String> values = new ArrayList<>();
		try (var statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setString(i + 1, parameters[i]);
			}
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					values.add(result.getString(1));
				}
			}
		}
		return values;
	}

	/**
	 * Work on the server.
	 *
	 * @param <T> the result
	 */
	interface SqlWork<T> {

		T run() throws SQLException;

	}

	static final class Postgresql extends CloneServer {

		Postgresql(JdbcSettings server, String database) {
			super(server, database);
		}

		@Override
		String maintenanceDatabase() {
			return "postgres";
		}

		@Override
		<T> T locked(SqlWork<T> work) throws SQLException {
			try (Connection connection = connect(); Statement statement = connection.createStatement()) {
				statement.execute("SELECT pg_advisory_lock(hashtext('paig-db test templates'))");
				try {
					return work.run();
				}
				finally {
					statement.execute("SELECT pg_advisory_unlock(hashtext('paig-db test templates'))");
				}
			}
		}

		@Override
		boolean templateReady(String template) throws SQLException {
			try (Connection connection = connect()) {
				// a finished template takes no connections: nothing may hold it while it
				// is cloned
				return !strings(connection, "SELECT datname FROM pg_database WHERE datname = ? AND NOT datallowconn",
						template)
					.isEmpty();
			}
		}

		@Override
		JdbcSettings create(String name) throws SQLException {
			try (Connection connection = connect(); Statement statement = connection.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
				statement.execute("CREATE DATABASE \"" + name + "\"");
			}
			return settings(name);
		}

		@Override
		void markReady(String template) throws SQLException {
			try (Connection connection = connect(); Statement statement = connection.createStatement()) {
				statement.execute("ALTER DATABASE \"" + template + "\" WITH ALLOW_CONNECTIONS false");
				statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + template
						+ "' AND pid <> pg_backend_pid()");
			}
		}

		@Override
		JdbcSettings cloneOf(String template, String name) throws SQLException {
			try (Connection connection = connect(); Statement statement = connection.createStatement()) {
				statement.execute("CREATE DATABASE \"" + name + "\" TEMPLATE \"" + template + "\"");
			}
			return settings(name);
		}

		@Override
		void drop(String name) throws SQLException {
			try (Connection connection = connect(); Statement statement = connection.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
			}
		}

		@Override
		List<String> names() throws SQLException {
			try (Connection connection = connect()) {
				return strings(connection, "SELECT datname FROM pg_database WHERE datname LIKE ? OR datname LIKE ?",
						this.base + "\\_paig\\_tpl\\_%", this.base + "\\_paig\\_clone\\_%");
			}
		}

	}

	static final class MariaDb extends CloneServer {

		MariaDb(JdbcSettings server, String database) {
			super(server, database);
		}

		@Override
		String maintenanceDatabase() {
			return "";
		}

		@Override
		<T> T locked(SqlWork<T> work) throws SQLException {
			try (Connection connection = connect(); Statement statement = connection.createStatement()) {
				try (ResultSet result = statement.executeQuery("SELECT GET_LOCK('paig-db test templates', 600)")) {
					if (!result.next() || result.getInt(1) != 1) {
						throw new SQLException("Waited 10 minutes for another JVM to build the test template");
					}
				}
				try {
					return work.run();
				}
				finally {
					statement.execute("DO RELEASE_LOCK('paig-db test templates')");
				}
			}
		}

		@Override
		boolean templateReady(String template) throws SQLException {
			try (Connection connection = connect()) {
				return !strings(connection, "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA "
						+ "WHERE SCHEMA_NAME = ? AND SCHEMA_COMMENT = 'paig-db template'", template)
					.isEmpty();
			}
		}

		@Override
		JdbcSettings create(String name) throws SQLException {
			try (Connection connection = connect(); Statement statement = connection.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS `" + name + "`");
				statement.execute("CREATE DATABASE `" + name + "`");
			}
			return settings(name);
		}

		@Override
		void markReady(String template) throws SQLException {
			try (Connection connection = connect(); Statement statement = connection.createStatement()) {
				statement.execute("ALTER DATABASE `" + template + "` COMMENT 'paig-db template'");
			}
		}

		@Override
		JdbcSettings cloneOf(String template, String name) throws SQLException {
			try (Connection connection = connect(); Statement statement = connection.createStatement()) {
				statement.execute("CREATE DATABASE `" + name + "`");
				statement.execute("USE `" + name + "`");
				statement.execute("SET FOREIGN_KEY_CHECKS = 0");
				try {
					copy(connection, statement, template, name);
				}
				finally {
					statement.execute("SET FOREIGN_KEY_CHECKS = 1");
				}
			}
			return settings(name);
		}

		private static void copy(Connection connection, Statement statement, String template, String name)
				throws SQLException {
			List<String> tables = strings(connection, "SELECT TABLE_NAME FROM information_schema.TABLES "
					+ "WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME", template);
			List<String> columns = strings(connection,
					"SELECT CONCAT(TABLE_NAME, '\\t', GROUP_CONCAT(CONCAT('`', COLUMN_NAME, '`') ORDER BY "
							+ "ORDINAL_POSITION SEPARATOR ', ')) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? "
							+ "AND EXTRA NOT LIKE '%GENERATED%' AND EXTRA NOT LIKE '%VIRTUAL%' "
							+ "AND EXTRA NOT LIKE '%STORED%' AND EXTRA NOT LIKE '%PERSISTENT%' GROUP BY TABLE_NAME",
					template);
			Map<String, String> columnLists = new HashMap<>();
			for (String line : columns) {
				int tab = line.indexOf('\t');
				columnLists.put(line.substring(0, tab), line.substring(tab + 1));
			}
			String from = "`" + template + "`.";
			String to = "`" + name + "`.";
			for (String table : tables) {
				statement.execute(showCreate(statement, "TABLE", from + quote(table), 2));
			}
			for (String table : tables) {
				// every table, the history tables included: InnoDB's row counts are
				// estimates, and copying an empty table costs next to nothing
				String list = columnLists.get(table);
				statement.execute("INSERT INTO " + to + quote(table) + " (" + list + ") SELECT " + list + " FROM "
						+ from + quote(table));
			}
			for (String view : strings(connection,
					"SELECT TABLE_NAME FROM information_schema.VIEWS " + "WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME",
					template)) {
				statement.execute(showCreate(statement, "VIEW", from + quote(view), 2).replace(from, to));
			}
			for (String trigger : strings(connection, "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS "
					+ "WHERE TRIGGER_SCHEMA = ? ORDER BY ACTION_ORDER", template)) {
				statement.execute(showCreate(statement, "TRIGGER", from + quote(trigger), 3).replace(from, to));
			}
			for (String routine : strings(connection, "SELECT CONCAT(ROUTINE_TYPE, ' ', ROUTINE_NAME) FROM "
					+ "information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?", template)) {
				int space = routine.indexOf(' ');
				statement.execute(showCreate(statement, routine.substring(0, space),
						from + quote(routine.substring(space + 1)), 3)
					.replace(from, to));
			}
		}

		private static String showCreate(Statement statement, String kind, String name, int column)
				throws SQLException {
			try (ResultSet result = statement.executeQuery("SHOW CREATE " + kind + " " + name)) {
				if (!result.next()) {
					throw new SQLException("SHOW CREATE " + kind + " " + name + " returned nothing");
				}
				return result.getString(column);
			}
		}

		private static String quote(String name) {
			return "`" + name.replace("`", "``") + "`";
		}

		@Override
		void drop(String name) throws SQLException {
			try (Connection connection = connect(); Statement statement = connection.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS `" + name + "`");
			}
		}

		@Override
		List<String> names() throws SQLException {
			try (Connection connection = connect()) {
				return strings(connection,
						"SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE ? "
								+ "OR SCHEMA_NAME LIKE ?",
						this.base + "\\_paig\\_tpl\\_%", this.base + "\\_paig\\_clone\\_%");
			}
		}

	}

	static final class Sqlite extends CloneServer {

		private static final Object JVM_LOCK = new Object();

		private final Path folder;

		private final String file;

		Sqlite(JdbcSettings server) {
			super(server, fileName(server));
			this.file = server.sqliteFile().toAbsolutePath().toString();
			this.folder = Path.of(System.getProperty("java.io.tmpdir"), "paig-db-test");
		}

		private static String fileName(JdbcSettings server) {
			String name = server.sqliteFile().getFileName().toString();
			int dot = name.lastIndexOf('.');
			return (dot > 0) ? name.substring(0, dot) : name;
		}

		private Path path(String name) {
			return this.folder.resolve(name + ".db");
		}

		@Override
		JdbcSettings settings(String name) {
			String path = path(name).toString();
			return new JdbcSettings(this.server.source().replace(this.file, path), this.server.dialect(),
					this.server.driver(), this.server.jdbcUrl().replace(this.file, path), this.server.username(),
					this.server.password(), path(name), false);
		}

		@Override
		<T> T locked(SqlWork<T> work) throws SQLException {
			synchronized (JVM_LOCK) {
				try {
					Files.createDirectories(this.folder);
					try (FileChannel channel = FileChannel.open(this.folder.resolve("templates.lock"),
							StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
						return work.run();
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}

		@Override
		boolean templateReady(String template) {
			return Files.isRegularFile(path(template));
		}

		@Override
		JdbcSettings create(String name) throws SQLException {
			try {
				Files.createDirectories(this.folder);
				Files.deleteIfExists(path(name));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return settings(name);
		}

		@Override
		JdbcSettings createTemplate(String template) throws SQLException {
			// built under a name of its own, and moved in place when finished
			return create(template + "_building");
		}

		@Override
		void markReady(String template) {
			try {
				Files.move(path(template + "_building"), path(template), StandardCopyOption.ATOMIC_MOVE);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		JdbcSettings cloneOf(String template, String name) {
			try {
				Path target = path(name);
				Path partial = this.folder.resolve(name + ".partial");
				Files.copy(path(template), partial, StandardCopyOption.REPLACE_EXISTING);
				Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
				return settings(name);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		void drop(String name) {
			try {
				for (String suffix : List.of(".db", ".db-journal", ".db-wal", ".db-shm")) {
					Files.deleteIfExists(this.folder.resolve(name + suffix));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		List<String> names() {
			if (!Files.isDirectory(this.folder)) {
				return List.of();
			}
			try (Stream<Path> files = Files.list(this.folder)) {
				return files.map((path) -> path.getFileName().toString())
					.filter((name) -> name.endsWith(".db"))
					.map((name) -> name.substring(0, name.length() - 3))
					.filter((name) -> name.startsWith(this.base + TEMPLATE) || name.startsWith(this.base + CLONE))
					.toList();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
