package io.paig.db.migration.runner;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.paig.db.jdbc.JdbcSupport;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * How long the migration's statements wait for a table lock, set on the migration's
 * connection for the run and put back after it: PostgreSQL's {@code lock_timeout},
 * MySQL's and MariaDB's {@code lock_wait_timeout} (metadata locks, which DDL takes) and
 * {@code innodb_lock_wait_timeout} (row locks). A statement that waits for a lock holds
 * up every query on the table that comes after it, so it gives up instead, and the
 * revision is tried again later. Also names the sessions that may hold the table when it
 * never gets the lock.
 *
 * @author paig-db authors
 */
final class TableLockTimeout implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(TableLockTimeout.class);

	private final Connection connection;

	private final Kind kind;

	private final List<String> restore = new ArrayList<>();

	private TableLockTimeout(Connection connection, Kind kind) {
		this.connection = connection;
		this.kind = kind;
	}

	/**
	 * Set the timeout on a connection for as long as the returned handle is open.
	 * @param connection the migration's connection
	 * @param timeout the timeout; zero or negative to leave the database's setting
	 * @return the handle, to close when the run ends
	 */
	static TableLockTimeout apply(Connection connection, Duration timeout) {
		Kind kind = Kind.of(connection);
		TableLockTimeout handle = new TableLockTimeout(connection, kind);
		if (timeout.isZero() || timeout.isNegative() || kind == Kind.OTHER) {
			return handle;
		}
		try {
			handle.set(timeout);
		}
		catch (SQLException ex) {
			logger.warn("Could not set the table lock timeout of the migration's connection (" + ex.getMessage()
					+ "); its statements wait for table locks as long as the database lets them");
		}
		return handle;
	}

	private void set(Duration timeout) throws SQLException {
		boolean autoCommit = this.connection.getAutoCommit();
		try (Statement statement = this.connection.createStatement()) {
			if (this.kind == Kind.POSTGRESQL) {
				try (ResultSet result = statement.executeQuery("SELECT current_setting('lock_timeout')")) {
					result.next();
					this.restore.add("SELECT set_config('lock_timeout', '" + result.getString(1).replace("'", "''")
							+ "', false)");
				}
				statement.execute("SELECT set_config('lock_timeout', '" + timeout.toMillis() + "ms', false)");
			}
			else {
				try (ResultSet result = statement
					.executeQuery("SELECT @@SESSION.lock_wait_timeout, @@SESSION.innodb_lock_wait_timeout")) {
					result.next();
					this.restore.add("SET SESSION lock_wait_timeout = " + result.getLong(1));
					this.restore.add("SET SESSION innodb_lock_wait_timeout = " + result.getLong(2));
				}
				long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
				statement.execute("SET SESSION lock_wait_timeout = " + seconds);
				statement.execute("SET SESSION innodb_lock_wait_timeout = " + seconds);
			}
		}
		if (!autoCommit) {
			// a setting made in a transaction goes if the transaction is rolled back
			this.connection.commit();
		}
	}

	/**
	 * The sessions that may hold a table the migration waited for: on this database, with
	 * a transaction open and a lock on a table (PostgreSQL), or a transaction open or a
	 * statement running (MySQL, MariaDB). Read after the wait ended, so the list names
	 * candidates rather than the one session the wait was queued behind.
	 * @return the sessions, described
	 */
	List<String> blockers() {
		try {
			return (this.kind == Kind.POSTGRESQL) ? postgresqlBlockers()
					: (this.kind == Kind.MYSQL) ? mysqlBlockers() : List.of();
		}
		catch (SQLException ex) {
			logger.debug("Could not read which sessions hold the table: " + ex.getMessage());
			return List.of();
		}
		finally {
			JdbcSupport.rollbackQuietly(this.connection);
		}
	}

	private List<String> postgresqlBlockers() throws SQLException {
		List<String> blockers = new ArrayList<>();
		String sql = """
				SELECT a.pid, a.usename, a.application_name, a.state, a.xact_start, a.query_start,
				  (SELECT string_agg(DISTINCT l.relation::regclass::text || ' ' || l.mode, ', ')
				   FROM pg_locks l WHERE l.pid = a.pid AND l.locktype = 'relation' AND l.granted
				     AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
				     AND l.relation::regclass::text NOT LIKE 'pg\\_%') AS tables
				FROM pg_stat_activity a
				WHERE a.datname = current_database() AND a.pid <> pg_backend_pid() AND a.xact_start IS NOT NULL
				ORDER BY a.xact_start
				""";
		try (PreparedStatement statement = this.connection.prepareStatement(sql);
				ResultSet result = statement.executeQuery()) {
			while (result.next()) {
				String tables = result.getString("tables");
				if (tables == null) {
					continue;
				}
				blockers.add("pid " + result.getInt("pid") + ", user " + result.getString("usename")
						+ ", application_name '" + result.getString("application_name") + "', state '"
						+ result.getString("state") + "', transaction started " + result.getTimestamp("xact_start")
						+ ", last query started " + result.getTimestamp("query_start") + " (holds " + tables
						+ "; pg_terminate_backend(" + result.getInt("pid") + ") ends it)");
			}
		}
		return blockers;
	}

	private List<String> mysqlBlockers() throws SQLException {
		List<String> blockers = new ArrayList<>();
		String sql = """
				SELECT p.ID, p.USER, p.HOST, p.COMMAND, p.TIME, p.STATE, t.trx_started
				FROM information_schema.PROCESSLIST p
				LEFT JOIN information_schema.INNODB_TRX t ON t.trx_mysql_thread_id = p.ID
				WHERE p.ID <> CONNECTION_ID() AND p.DB = DATABASE()
				  AND (t.trx_id IS NOT NULL OR p.COMMAND <> 'Sleep')
				ORDER BY p.ID
				""";
		try (PreparedStatement statement = this.connection.prepareStatement(sql);
				ResultSet result = statement.executeQuery()) {
			while (result.next()) {
				blockers.add("connection id " + result.getLong("ID") + ", user " + result.getString("USER") + "@"
						+ result.getString("HOST") + ", command " + result.getString("COMMAND") + " for "
						+ result.getLong("TIME") + " s" + stateOf(result.getString("STATE"))
						+ ((result.getTimestamp("trx_started") != null)
								? ", transaction started " + result.getTimestamp("trx_started") : "")
						+ " (KILL " + result.getLong("ID") + " ends it)");
			}
		}
		return blockers;
	}

	private static String stateOf(@Nullable String state) {
		return (state != null && !state.isBlank()) ? ", state '" + state + "'" : "";
	}

	/** Put the database's own timeouts back on the connection. */
	@Override
	public void close() {
		if (this.restore.isEmpty()) {
			return;
		}
		try (Statement statement = this.connection.createStatement()) {
			for (String sql : this.restore) {
				statement.execute(sql);
			}
			if (!this.connection.getAutoCommit()) {
				this.connection.commit();
			}
		}
		catch (SQLException ex) {
			// a connection the server ended has nothing left to put back
			logger.debug("Could not put back the table lock timeout: " + ex.getMessage());
		}
	}

	private enum Kind {

		POSTGRESQL, MYSQL, OTHER;

		static Kind of(Connection connection) {
			try {
				String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
				if (product.contains("postgres")) {
					return POSTGRESQL;
				}
				return (product.contains("mysql") || product.contains("mariadb")) ? MYSQL : OTHER;
			}
			catch (SQLException ex) {
				return OTHER;
			}
		}

	}

}
