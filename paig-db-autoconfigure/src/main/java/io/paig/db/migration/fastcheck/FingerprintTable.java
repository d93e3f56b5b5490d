package io.paig.db.migration.fastcheck;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.paig.db.migration.AppliedChangeSet;
import io.paig.db.migration.MigrationSettings;
import org.jspecify.annotations.Nullable;

/**
 * Where the fast check keeps what it needs, beside Liquibase's history table: for each
 * changelog fingerprint that was last found up to date, the stamp of the files hashed,
 * the revision it was at, its manifest, and the state of the history table then (row
 * count, last order executed, last deployment id). One query on a fresh connection tells
 * whether this start's changelog was already found up to date against the history as it
 * is now.
 *
 * @author paig-db authors
 */
final class FingerprintTable {

	private final String table;

	private final String history;

	/**
	 * Create an accessor.
	 * @param settings where the history table is
	 */
	FingerprintTable(MigrationSettings settings) {
		String prefix = (settings.historySchema() != null) ? settings.historySchema() + "." : "";
		this.table = prefix + settings.fingerprintTable();
		this.history = prefix + settings.changelogTable();
	}

	/**
	 * The records that fit the history table as it is now, newest first. Fails (the
	 * caller then parses the changelog) when either table is missing.
	 * @param connection an open connection
	 * @return the candidates
	 * @throws SQLException when a table is missing or cannot be read
	 */
	List<Candidate> candidates(Connection connection) throws SQLException {
		List<Candidate> candidates = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery("SELECT f.FINGERPRINT, f.STAMP, f.REVISION, f.MANIFEST " + "FROM " + this.table
							+ " f, (SELECT COUNT(*) AS N, MAX(ORDEREXECUTED) AS O, MAX(DEPLOYMENT_ID) AS D FROM "
							+ this.history + ") c WHERE f.CHANGESETS = c.N AND f.LAST_ORDER = c.O "
							+ "AND f.LAST_DEPLOYMENT = c.D ORDER BY f.RECORDED DESC")) {
			while (result.next()) {
				candidates.add(new Candidate(result.getString(1), result.getString(2), result.getString(3),
						List.of(result.getString(4).split("\n"))));
			}
		}
		return candidates;
	}

	/**
	 * Record a fingerprint as up to date against the history rows it was checked with,
	 * and forget records that no longer fit the history.
	 * @param connection an open connection, in auto-commit mode
	 * @param fingerprint the changelog's fingerprint
	 * @param stamp the stamp of its files, {@code null} when they are too new to be
	 * trusted by it
	 * @param revision the revision the database is at
	 * @param manifest the lookups the fingerprint was computed from
	 * @param rows the history rows it was checked against
	 * @throws SQLException on a database error
	 */
	void record(Connection connection, String fingerprint, @Nullable String stamp, String revision,
			List<String> manifest, List<AppliedChangeSet> rows) throws SQLException {
		if (rows.isEmpty()) {
			return;
		}
		int count = rows.size();
		int lastOrder = rows.stream().mapToInt(AppliedChangeSet::orderExecuted).max().orElse(0);
		String lastDeployment = rows.stream()
			.map(AppliedChangeSet::deploymentId)
			.filter(Objects::nonNull)
			.max(Comparator.naturalOrder())
			.orElse(null);
		if (lastDeployment == null) {
			return;
		}
		create(connection);
		try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + this.table
				+ " WHERE FINGERPRINT = ? OR CHANGESETS <> ? OR LAST_ORDER <> ? OR LAST_DEPLOYMENT <> ?")) {
			delete.setString(1, fingerprint);
			delete.setInt(2, count);
			delete.setInt(3, lastOrder);
			delete.setString(4, lastDeployment);
			delete.executeUpdate();
		}
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + this.table
				+ " (FINGERPRINT, STAMP, REVISION, MANIFEST, CHANGESETS, LAST_ORDER, LAST_DEPLOYMENT, RECORDED) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
			insert.setString(1, fingerprint);
			insert.setString(2, stamp);
			insert.setString(3, revision);
			insert.setString(4, String.join("\n", manifest));
			insert.setInt(5, count);
			insert.setInt(6, lastOrder);
			insert.setString(7, lastDeployment);
			insert.setLong(8, System.currentTimeMillis());
			insert.executeUpdate();
		}
	}

	/**
	 * Replace a record's stamp, after its files were found unchanged by their hash though
	 * their stamp was not. A failure (a read-only user) only costs the next start the
	 * same reading.
	 * @param connection an open connection
	 * @param fingerprint the record's fingerprint
	 * @param stamp the files' stamp now
	 */
	void restamp(Connection connection, String fingerprint, String stamp) {
		try {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(true);
			try (PreparedStatement update = connection
				.prepareStatement("UPDATE " + this.table + " SET STAMP = ? WHERE FINGERPRINT = ?")) {
				update.setString(1, stamp);
				update.setString(2, fingerprint);
				update.executeUpdate();
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			// the next start reads the files again
		}
	}

	private void create(Connection connection) throws SQLException {
		String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
		String text = (product.contains("mysql") || product.contains("mariadb")) ? "LONGTEXT" : "TEXT";
		try (Statement statement = connection.createStatement()) {
			statement
				.execute("CREATE TABLE IF NOT EXISTS " + this.table + " (FINGERPRINT VARCHAR(64) NOT NULL PRIMARY KEY, "
						+ "STAMP VARCHAR(64), REVISION VARCHAR(255) NOT NULL, MANIFEST " + text + " NOT NULL, "
						+ "CHANGESETS INT NOT NULL, LAST_ORDER INT NOT NULL, LAST_DEPLOYMENT VARCHAR(10) NOT NULL, "
						+ "RECORDED BIGINT NOT NULL)");
		}
	}

	/**
	 * A fingerprint recorded as up to date against the history as it is now.
	 *
	 * @param fingerprint the hash
	 * @param stamp the stamp of the files hashed, {@code null} when none was kept
	 * @param revision the revision the database was at
	 * @param manifest the lookups to replay to compute this start's hash
	 */
	record Candidate(String fingerprint, @Nullable String stamp, String revision, List<String> manifest) {

	}

}
