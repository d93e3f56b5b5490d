package io.paig.db.benchmarks.r2dbcapp.floor;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The least a migration tool that checks the database over JDBC adds to an R2DBC
 * application's start: the JDBC driver loaded, one connection opened, one
 * {@code select count(*)} on the history table, the connection closed; on a thread of its
 * own while the context is made, which the context waits for before the web server starts
 * (as paig-db's migrations do in an R2DBC application). Nothing is parsed, locked or
 * recorded.
 *
 * @author paig-db authors
 */
@Component
public class JdbcCheckFloor implements SmartInitializingSingleton {

	private final CompletableFuture<Long> rows = new CompletableFuture<>();

	/**
	 * Start the check.
	 * @param environment where {@code floor.jdbc-url}, {@code floor.username} and
	 * {@code floor.password} are
	 */
	public JdbcCheckFloor(Environment environment) {
		String url = environment.getRequiredProperty("floor.jdbc-url");
		String username = environment.getProperty("floor.username");
		String password = environment.getProperty("floor.password");
		Thread thread = new Thread(() -> {
			try {
				this.rows.complete(count(url, username, password));
			}
			catch (Throwable ex) {
				this.rows.completeExceptionally(ex);
			}
		}, "jdbc-check-floor");
		thread.start();
	}

	private static long count(String url, String username, String password) throws SQLException {
		// the one driver the URL needs, as paig-db makes it, not every driver
		// DriverManager
		// finds on the class path
		Driver driver = url.startsWith("jdbc:postgresql:") ? new org.postgresql.Driver()
				: new com.mysql.cj.jdbc.Driver();
		Properties properties = new Properties();
		if (username != null) {
			properties.setProperty("user", username);
		}
		if (password != null) {
			properties.setProperty("password", password);
		}
		try (Connection connection = driver.connect(url, properties);
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM DATABASECHANGELOG")) {
			result.next();
			return result.getLong(1);
		}
	}

	/**
	 * Wait for the check; its failure stops the start.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		if (this.rows.join() <= 0) {
			throw new IllegalStateException("The floor's database has no history: it is not an up-to-date one");
		}
	}

}
