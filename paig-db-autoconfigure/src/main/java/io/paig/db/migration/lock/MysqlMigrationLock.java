package io.paig.db.migration.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import io.paig.db.migration.LockHolder;

/**
 * MySQL and MariaDB: a named lock ({@code GET_LOCK}) on the migration's own connection,
 * freed by the server when that session ends. A statement a killed holder left running
 * still runs to its end (the server only notices the client is gone afterwards); the lock
 * is held until then, so no one runs beside it.
 *
 * @author paig-db authors
 */
final class MysqlMigrationLock implements MigrationLock {

	private final String name;

	private final String what;

	MysqlMigrationLock(String name, String what) {
		this.name = "paig-db:" + Long.toHexString(LockNames.key(name));
		this.what = what;
	}

	@Override
	public Held acquire(Connection connection, Duration timeout) throws SQLException, InterruptedException {
		LockWait.until(() -> tryLock(connection), () -> holder(connection), timeout, this.what);
		return () -> {
			try (PreparedStatement release = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
				release.setString(1, this.name);
				release.execute();
			}
		};
	}

	private boolean tryLock(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, 0)")) {
			statement.setString(1, this.name);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getInt(1) == 1;
			}
		}
	}

	@Override
	public LockHolder holder(Connection connection) throws SQLException {
		long id;
		try (PreparedStatement statement = connection.prepareStatement("SELECT IS_USED_LOCK(?)")) {
			statement.setString(1, this.name);
			try (ResultSet result = statement.executeQuery()) {
				if (!result.next() || result.getObject(1) == null) {
					return LockHolder.FREE;
				}
				id = result.getLong(1);
			}
		}
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT USER, HOST, TIME FROM information_schema.PROCESSLIST WHERE ID = ?")) {
			statement.setLong(1, id);
			try (ResultSet result = statement.executeQuery()) {
				if (result.next()) {
					return new LockHolder(true, "connection " + id + " of " + result.getString(1) + " from "
							+ result.getString(2) + " (in its current statement for " + result.getLong(3) + " s)",
							null);
				}
			}
		}
		return new LockHolder(true, "connection " + id, null);
	}

}
