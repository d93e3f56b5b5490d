package io.paig.db.autoconfigure;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;

import io.paig.db.jdbc.DatabaseUrlConnectionDetails;
import io.paig.db.url.JdbcSettings;
import io.paig.db.url.JdbcTranslator;
import io.paig.db.url.Secrets;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Reports a database that refused or could not be reached at start-up: a wrong password,
 * a database that does not exist, nothing listening at the host and port, a SQLite file
 * that cannot be opened. Other SQL errors are left to other analyzers.
 *
 * @author paig-db authors
 */
class DatabaseConnectionFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

	private final BeanFactory beanFactory;

	private final Environment environment;

	DatabaseConnectionFailureAnalyzer(BeanFactory beanFactory, Environment environment) {
		this.beanFactory = beanFactory;
		this.environment = environment;
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
		Problem problem = Problem.of(cause);
		if (problem == null) {
			return null;
		}
		Target target = target();
		String reason = Secrets.redact(cause.getMessage(), target.password);
		String description = problem.describe(target.shown) + "\n\nThe database said: " + reason;
		return new FailureAnalysis(description, problem.action, cause);
	}

	private Target target() {
		// The context is closed by now: read the configuration again rather than asking
		// for beans. Bean
		// definitions outlive a failed refresh, so they still tell whether database.url
		// was in use at all.
		boolean fromDatabaseUrl = !(this.beanFactory instanceof ListableBeanFactory listable)
				|| listable.getBeanNamesForType(DatabaseUrlConnectionDetails.class, true, false).length > 0;
		if (!fromDatabaseUrl) {
			// paig-db backed off: Spring Boot's own spring.datasource.url, or the
			// application's own DataSource
			String bootUrl = this.environment.getProperty("spring.datasource.url");
			return (bootUrl != null)
					? new Target(Secrets.maskJdbcUrl(bootUrl),
							this.environment.getProperty("spring.datasource.password"))
					: new Target("the application's own DataSource", null);
		}
		DatabaseProperties properties = Binder.get(this.environment).bindOrCreate("database", DatabaseProperties.class);
		try {
			JdbcSettings settings = new JdbcTranslator(properties.getSqlite().toOptions(), getClass().getClassLoader())
				.translate(properties.getUrl(), properties.getUsername(), properties.getPassword());
			return new Target(settings.toString(), settings.password());
		}
		catch (RuntimeException ex) {
			return new Target("the database", properties.getPassword());
		}
	}

	private record Target(String shown, @Nullable String password) {
	}

	private enum Problem {

		CREDENTIALS("refused the user name or password",
				"Check the user and password in database.url (percent-encode '@', ':', '/' and '%' in them) or set "
						+ "database.username and database.password, and check that the user may connect to this "
						+ "database."),

		NO_DATABASE("has no such database",
				"Create the database (CREATE DATABASE ...) or correct the name after the last '/' of database.url."),

		UNREACHABLE("could not be reached: nothing accepted the connection",
				"Start the database server, or correct the host and port in database.url; check that a firewall "
						+ "lets the connection through. If the server starts after the application, let the "
						+ "migration wait for it with database.migration.connect-retries."),

		SQLITE_FILE("could not be opened",
				"Check that the SQLite path in database.url names a file this process may read and write.");

		private final String what;

		private final String action;

		Problem(String what, String action) {
			this.what = what;
			this.action = action;
		}

		String describe(String target) {
			return "Could not connect to the database at start-up: " + target + " " + this.what + ".";
		}

		static @Nullable Problem of(SQLException ex) {
			String state = (ex.getSQLState() != null) ? ex.getSQLState() : "";
			int code = ex.getErrorCode();
			if (state.startsWith("28") || code == 1045 || code == 1044) {
				return CREDENTIALS;
			}
			if (state.equals("3D000") || code == 1049) {
				return NO_DATABASE;
			}
			if (state.startsWith("08") || hasCause(ex, ConnectException.class)
					|| hasCause(ex, UnknownHostException.class)) {
				return UNREACHABLE;
			}
			if (ex.getClass().getName().startsWith("org.sqlite.") && code == 14) {
				return SQLITE_FILE;
			}
			return null;
		}

		private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (type.isInstance(cause)) {
					return true;
				}
			}
			return false;
		}

	}

}
