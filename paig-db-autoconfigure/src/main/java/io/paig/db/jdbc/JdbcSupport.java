package io.paig.db.jdbc;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Small JDBC steps that the migration code takes in many places, written once: the
 * current schema, whether a table exists, a rollback that cannot fail, and SHA-256.
 *
 * @author paig-db authors
 */
public final class JdbcSupport {

	private JdbcSupport() {
	}

	/**
	 * The connection's current schema.
	 * @param connection the connection
	 * @return the schema, or {@code null} when the driver does not tell (SQLite, MySQL)
	 */
	public static @Nullable String currentSchema(Connection connection) {
		try {
			return connection.getSchema();
		}
		catch (SQLException | AbstractMethodError ex) {
			return null;
		}
	}

	/**
	 * Whether a table exists. Names compare without regard to case, as every database
	 * paig-db supports folds unquoted names; the spelling the database stores is asked
	 * for first, and each spelling once, since every lookup is a catalog query.
	 * @param connection the connection
	 * @param schema the schema, or {@code null} for the connection's current one
	 * @param table the table name
	 * @return {@code true} when the table exists
	 * @throws SQLException on a database error
	 */
	public static boolean tableExists(Connection connection, @Nullable String schema, String table)
			throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		Set<String> names = new LinkedHashSet<>();
		if (metaData.storesLowerCaseIdentifiers()) {
			names.add(table.toLowerCase(Locale.ROOT));
		}
		else if (metaData.storesUpperCaseIdentifiers()) {
			names.add(table.toUpperCase(Locale.ROOT));
		}
		names.add(table);
		names.add(table.toLowerCase(Locale.ROOT));
		names.add(table.toUpperCase(Locale.ROOT));
		String catalog = connection.getCatalog();
		String schemaPattern = (schema != null) ? schema : currentSchema(connection);
		for (String name : names) {
			try (ResultSet tables = metaData.getTables(catalog, schemaPattern, name, new String[] { "TABLE" })) {
				while (tables.next()) {
					if (table.equalsIgnoreCase(tables.getString("TABLE_NAME"))) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/**
	 * Roll back the connection's transaction, if it has one, and ignore a failure: the
	 * caller is already handling another error, and the connection is closed or returned
	 * to its pool (which resets it) next.
	 * @param connection the connection
	 */
	public static void rollbackQuietly(Connection connection) {
		try {
			if (!connection.getAutoCommit()) {
				connection.rollback();
			}
		}
		catch (SQLException ex) {
			// see above
		}
	}

	/**
	 * A new SHA-256 digest.
	 * @return the digest
	 */
	public static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
