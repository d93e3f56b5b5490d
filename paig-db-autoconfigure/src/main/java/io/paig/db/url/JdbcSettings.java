package io.paig.db.url;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.DatabaseDriver;

/**
 * What a {@code database.url} comes to in JDBC terms: the URL, credentials and driver to
 * connect with. {@link #toString()} never shows the password.
 *
 * @param source the URL as configured, with secrets masked
 * @param dialect the dialect, or {@code null} for a {@code jdbc:} URL of another database
 * @param driver the JDBC driver that will be used
 * @param jdbcUrl the JDBC URL; it holds no password unless the user wrote one into a
 * {@code jdbc:} URL
 * @param username the user, or {@code null}
 * @param password the password, or {@code null}
 * @param sqliteFile for a SQLite file database, its absolute path
 * @param sqliteInMemory whether this is an in-memory SQLite database (one database for
 * the whole pool)
 * @author paig-db authors
 */
public record JdbcSettings(String source, @Nullable Dialect dialect, DatabaseDriver driver, String jdbcUrl,
		@Nullable String username, @Nullable String password, @Nullable Path sqliteFile, boolean sqliteInMemory) {

	/**
	 * The JDBC driver's class name.
	 * @return the class name
	 */
	public String driverClassName() {
		String className = this.driver.getDriverClassName();
		return (className != null) ? className : "";
	}

	/**
	 * Whether the database is SQLite, file or memory.
	 * @return {@code true} for SQLite
	 */
	public boolean isSqlite() {
		return this.driver == DatabaseDriver.SQLITE;
	}

	/**
	 * The JDBC URL safe to show.
	 * @return the masked JDBC URL
	 */
	public String maskedJdbcUrl() {
		return Secrets.maskJdbcUrl(this.jdbcUrl);
	}

	@Override
	public String toString() {
		return this.source + " -> " + maskedJdbcUrl() + ((this.username != null) ? " as '" + this.username + "'" : "");
	}

}
