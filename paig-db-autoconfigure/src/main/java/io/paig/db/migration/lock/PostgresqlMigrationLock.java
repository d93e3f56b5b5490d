package io.paig.db.migration.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import io.paig.db.migration.LockHolder;

/**
 * PostgreSQL: a session-level advisory lock on the migration's own connection. The
 * session also checks every second that its client is still there
 * ({@code client_connection_check_interval}, PostgreSQL 14+), so a statement left running
 * by a killed holder is cancelled, its transaction rolled back and the lock freed within
 * about a second instead of when the statement ends.
 *
 * @author paig-db authors
 */
final class PostgresqlMigrationLock implements MigrationLock {

	private static final String HOLDER_QUERY = "SELECT a.pid, a.application_name, host(a.client_addr), a.client_port, "
			+ "a.backend_start FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' "
			+ "AND l.granted AND l.classid::bigint = ? AND l.objid::bigint = ? AND l.objsubid = 1 "
			+ "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())";

	private final long key;

	private final String what;

	PostgresqlMigrationLock(String name, String what) {
		this.key = LockNames.key(name);
		this.what = what;
	}

	@Override
	public Held acquire(Connection connection, Duration timeout) throws SQLException, InterruptedException {
		boolean checkingClient = execute(connection, "SET client_connection_check_interval = '1s'");
		String name = LockNames.holderName(Instant.now());
		execute(connection, "SET application_name = '" + name.replace("'", "''") + "'");
		try {
			LockWait.until(() -> tryLock(connection), () -> holder(connection), timeout, this.what);
		}
		catch (SQLException | InterruptedException | RuntimeException ex) {
			reset(connection, checkingClient);
			throw ex;
		}
		return () -> {
			try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
				unlock.setLong(1, this.key);
				unlock.execute();
			}
			finally {
				reset(connection, checkingClient);
			}
		};
	}

	private boolean tryLock(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
			statement.setLong(1, this.key);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
	}

	@Override
	public LockHolder holder(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(HOLDER_QUERY)) {
			statement.setLong(1, this.key >>> 32);
			statement.setLong(2, this.key & 0xFFFFFFFFL);
			try (ResultSet result = statement.executeQuery()) {
				if (!result.next()) {
					return LockHolder.FREE;
				}
				String application = result.getString(2);
				Instant since = LockNames.sinceOf(application);
				Timestamp backendStart = result.getTimestamp(5);
				String client = (result.getString(3) != null) ? result.getString(3) + ":" + result.getInt(4)
						: "local socket";
				String who = LockNames.processOf(application);
				return new LockHolder(true,
						((who != null) ? who + ", " : "") + "PostgreSQL backend pid " + result.getInt(1) + " from "
								+ client,
						(since != null) ? since : (backendStart != null) ? backendStart.toInstant() : null);
			}
		}
	}

	private static void reset(Connection connection, boolean checkingClient) {
		if (checkingClient) {
			execute(connection, "RESET client_connection_check_interval");
		}
		execute(connection, "RESET application_name");
	}

	private static boolean execute(Connection connection, String sql) {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
			return true;
		}
		catch (SQLException ex) {
			// PostgreSQL before 14 has no client_connection_check_interval: the lock
			// still holds, the
			// orphan's statement just runs to its end before the lock is freed. Outside
			// auto-commit the
			// failure aborted the transaction: end it, so the statements after it can
			// run.
			try {
				if (!connection.getAutoCommit()) {
					connection.rollback();
				}
			}
			catch (SQLException rollbackFailure) {
				ex.addSuppressed(rollbackFailure);
			}
			return false;
		}
	}

}
