package io.paig.db.jdbc;

import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

import io.paig.db.url.Secrets;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.util.ReflectionUtils;

/**
 * Tells, in one place, what kind of failure the database server caused: the server ended
 * the connection (it was terminated, killed, or the server stopped), or a statement gave
 * up waiting for a table lock. Both are read from the SQLState and vendor code of any
 * {@link SQLException} among the causes, with the drivers' messages as a fallback for
 * wrappers that keep only the text.
 *
 * @author paig-db authors
 */
public final class ServerFaults {

	/**
	 * PostgreSQL's admin_shutdown, crash_shutdown and cannot_connect_now: the backend was
	 * terminated ({@code pg_terminate_backend}) or the server is stopping or starting.
	 */
	private static final Set<String> POSTGRESQL_ENDED = Set.of("57P01", "57P02", "57P03");

	/**
	 * MySQL's and MariaDB's codes for a connection that went away: server shutdown in
	 * progress (1053), connection killed (1927), server gone away (2006), lost connection
	 * (2013).
	 */
	private static final Set<Integer> MYSQL_ENDED = Set.of(1053, 1927, 2006, 2013);

	private static final String[] ENDED_MESSAGES = { "connection is closed", "this connection has been closed",
			"communications link failure", "connection was killed", "terminating connection due to",
			"server has gone away", "lost connection to", "socket has been closed", "connection reset", "broken pipe",
			"no operations allowed after connection closed", "an i/o error occurred while sending to the backend",
			"unexpected end of stream" };

	/** PostgreSQL's lock_not_available, raised when lock_timeout passes. */
	private static final String POSTGRESQL_LOCK_TIMEOUT = "55P03";

	/** MySQL's and MariaDB's ER_LOCK_WAIT_TIMEOUT, for row and metadata locks. */
	private static final int MYSQL_LOCK_TIMEOUT = 1205;

	private ServerFaults() {
	}

	/**
	 * Whether a failure means that the server ended the connection, or can no longer be
	 * reached on it.
	 * @param failure the failure
	 * @return {@code true} when the connection was ended under the client
	 */
	public static boolean connectionEnded(Throwable failure) {
		for (Throwable cause : causes(failure)) {
			if (cause instanceof SQLException sql) {
				String state = sql.getSQLState();
				if (state != null && (state.startsWith("08") || POSTGRESQL_ENDED.contains(state))) {
					return true;
				}
				if (MYSQL_ENDED.contains(sql.getErrorCode()) && !isPostgresql(sql)) {
					return true;
				}
			}
			String message = (cause.getMessage() != null) ? cause.getMessage().toLowerCase(Locale.ROOT) : "";
			for (String ended : ENDED_MESSAGES) {
				if (message.contains(ended)) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * The server's own words for why it ended the connection, where a driver kept them
	 * (PostgreSQL's {@code terminating connection due to administrator command}, MySQL's
	 * and MariaDB's {@code Connection was killed}), else the last cause's message.
	 * @param failure the failure
	 * @return the message
	 */
	public static String endedReason(Throwable failure) {
		Throwable last = failure;
		while (last.getCause() != null && last.getCause() != last) {
			last = last.getCause();
		}
		for (Throwable cause : causes(failure)) {
			if (cause instanceof SQLException sql && sql.getMessage() != null
					&& ((sql.getSQLState() != null && POSTGRESQL_ENDED.contains(sql.getSQLState()))
							|| sql.getErrorCode() == 1927 || sql.getErrorCode() == 1053)) {
				return sql.getMessage().strip();
			}
		}
		return (last.getMessage() != null) ? last.getMessage().strip() : last.getClass().getSimpleName();
	}

	/**
	 * Whether a failure is a statement that gave up waiting for a lock: PostgreSQL's
	 * {@code lock_timeout}, MySQL's and MariaDB's {@code lock_wait_timeout} or
	 * {@code innodb_lock_wait_timeout}.
	 * @param failure the failure
	 * @return {@code true} on a lock timeout
	 */
	public static boolean lockTimedOut(Throwable failure) {
		for (Throwable cause : causes(failure)) {
			if (cause instanceof SQLException sql) {
				if (POSTGRESQL_LOCK_TIMEOUT.equals(sql.getSQLState())) {
					return true;
				}
				if (sql.getErrorCode() == MYSQL_LOCK_TIMEOUT && !isPostgresql(sql)) {
					return true;
				}
			}
			String message = (cause.getMessage() != null) ? cause.getMessage().toLowerCase(Locale.ROOT) : "";
			if (message.contains("lock wait timeout exceeded") || message.contains("due to lock timeout")) {
				return true;
			}
		}
		return false;
	}

	private static boolean isPostgresql(SQLException ex) {
		return ex.getClass().getName().startsWith("org.postgresql.");
	}

	/**
	 * The failure and its causes, in order, each followed by the exceptions chained to or
	 * suppressed by it.
	 * @param failure the failure
	 * @return the failure and its causes
	 */
	private static List<Throwable> causes(Throwable failure) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		List<Throwable> causes = new ArrayList<>();
		Throwable cause = failure;
		while (cause != null && seen.add(cause)) {
			causes.add(cause);
			List<Throwable> related = new ArrayList<>(List.of(cause.getSuppressed()));
			if (cause instanceof SQLException sql && sql.getNextException() != null) {
				related.add(sql.getNextException());
			}
			for (Throwable other : related) {
				if (seen.add(other)) {
					causes.add(other);
				}
			}
			cause = cause.getCause();
		}
		return causes;
	}

	/**
	 * The JDBC URL a DataSource connects to, with any password masked, for log lines and
	 * reports.
	 * @param dataSource the DataSource
	 * @return the masked URL, or the DataSource's class name when it does not tell
	 */
	public static String describe(DataSource dataSource) {
		DataSource target = dataSource;
		while (target instanceof DelegatingDataSource delegating && delegating.getTargetDataSource() != null) {
			target = delegating.getTargetDataSource();
		}
		for (String getter : new String[] { "getJdbcUrl", "getUrl" }) {
			String url = call(target, getter);
			if (url != null) {
				return Secrets.maskJdbcUrl(url);
			}
		}
		return target.getClass().getName();
	}

	private static @Nullable String call(Object target, String name) {
		Method method = ReflectionUtils.findMethod(target.getClass(), name);
		if (method == null || method.getReturnType() != String.class) {
			return null;
		}
		try {
			return (String) method.invoke(target);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null;
		}
	}

}
