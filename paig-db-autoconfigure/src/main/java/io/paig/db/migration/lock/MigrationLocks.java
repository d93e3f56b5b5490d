package io.paig.db.migration.lock;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import io.paig.db.jdbc.JdbcSupport;
import io.paig.db.migration.MigrationSettings;

import org.springframework.boot.jdbc.DatabaseDriver;

/**
 * Chooses the migration lock for a database: an advisory lock on PostgreSQL, a named lock
 * on MySQL/MariaDB, a file lock for a SQLite file, a lock in this JVM otherwise.
 *
 * @author paig-db authors
 */
public final class MigrationLocks {

	private MigrationLocks() {
	}

	public static MigrationLock forConnection(Connection connection, MigrationSettings settings) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		String url = (metaData.getURL() != null) ? metaData.getURL() : "";
		DatabaseDriver driver = driver(url);
		String schema = (settings.historySchema() != null) ? settings.historySchema()
				: JdbcSupport.currentSchema(connection);
		String name = connection.getCatalog() + "." + schema + "." + settings.changelogTable();
		String what = metaData.getDatabaseProductName() + " database '" + connection.getCatalog() + "'";
		return switch (driver) {
			case POSTGRESQL -> new PostgresqlMigrationLock(name, what);
			case MYSQL, MARIADB -> new MysqlMigrationLock(name, what);
			case SQLITE -> sqlite(url, settings);
			default -> new LocalMigrationLock(url + "#" + settings.changelogTable(), null, "the database at " + url);
		};
	}

	private static MigrationLock sqlite(String url, MigrationSettings settings) {
		String location = url.substring("jdbc:sqlite:".length());
		int query = location.indexOf('?');
		String path = (query >= 0) ? location.substring(0, query) : location;
		boolean memory = path.isEmpty() || path.equals(":memory:") || url.contains("mode=memory");
		if (memory) {
			return new LocalMigrationLock(url + "#" + settings.changelogTable(), null, "the in-memory SQLite database");
		}
		if (path.startsWith("file:")) {
			// a URI filename, which SQLite percent-decodes
			path = URLDecoder.decode(path.substring("file:".length()).replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		Path file = real(Path.of(path).toAbsolutePath().normalize());
		Path lockFile = file.resolveSibling(file.getFileName() + ".migration-lock");
		return new LocalMigrationLock(file + "#" + settings.changelogTable(), lockFile, "the SQLite database " + file);
	}

	// The file as the file system knows it, so that every spelling of it (through a
	// symbolic link, in another case on a file system that ignores case) takes the same
	// lock: its real path, or its folder's when it does not exist yet.
	private static Path real(Path file) {
		try {
			return file.toRealPath();
		}
		catch (IOException ex) {
			Path folder = file.getParent();
			try {
				return (folder != null) ? folder.toRealPath().resolve(file.getFileName()) : file;
			}
			catch (IOException notThereEither) {
				return file;
			}
		}
	}

	private static DatabaseDriver driver(String url) {
		try {
			return DatabaseDriver.fromJdbcUrl(url);
		}
		catch (RuntimeException ex) {
			return DatabaseDriver.UNKNOWN;
		}
	}

}
