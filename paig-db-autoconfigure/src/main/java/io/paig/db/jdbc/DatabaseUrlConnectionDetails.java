package io.paig.db.jdbc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import io.paig.db.url.InvalidDatabaseUrlException;
import io.paig.db.url.JdbcSettings;
import io.paig.db.url.Secrets;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * {@link JdbcConnectionDetails} from a {@code database.url}, so that Spring Boot's own
 * pool ({@code spring.datasource.hikari.*}) serves it. For SQLite it prepares the
 * database before the pool's first connection: a file database's folder is created, and
 * an in-memory database is held open for as long as these details live, so that every
 * connection of the pool sees the same one.
 *
 * @author paig-db authors
 */
public final class DatabaseUrlConnectionDetails implements JdbcConnectionDetails, AutoCloseable {

	private final JdbcSettings settings;

	private final @Nullable Connection memoryAnchor;

	private DatabaseUrlConnectionDetails(JdbcSettings settings, @Nullable Connection memoryAnchor) {
		this.settings = settings;
		this.memoryAnchor = memoryAnchor;
	}

	/**
	 * Create the details and prepare a SQLite database.
	 * @param settings the translated URL
	 * @return the details
	 * @throws InvalidDatabaseUrlException when a SQLite file's folder cannot be created
	 */
	public static DatabaseUrlConnectionDetails of(JdbcSettings settings) {
		Path file = settings.sqliteFile();
		if (file != null && file.getParent() != null) {
			createFolder(settings, file.getParent());
		}
		return new DatabaseUrlConnectionDetails(settings, settings.sqliteInMemory() ? openAnchor(settings) : null);
	}

	private static void createFolder(JdbcSettings settings, Path folder) {
		try {
			Files.createDirectories(folder);
		}
		catch (IOException | SecurityException ex) {
			throw new InvalidDatabaseUrlException(settings.source(),
					"the folder '" + Secrets.maskPath(folder.toString()) + "' for the SQLite file cannot be created ("
							+ ex.getClass().getSimpleName() + ": " + Secrets.maskPath(ex.getMessage()) + ").",
					"Point database.url at a path this process may write, or create the folder and give the "
							+ "process write access to it.");
		}
	}

	private static Connection openAnchor(JdbcSettings settings) {
		try {
			return DriverManager.getConnection(settings.jdbcUrl());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not open the in-memory SQLite database " + settings.source(), ex);
		}
	}

	/**
	 * The translated URL behind these details.
	 * @return the settings
	 */
	public JdbcSettings getSettings() {
		return this.settings;
	}

	@Override
	public @Nullable String getUsername() {
		return this.settings.username();
	}

	@Override
	public @Nullable String getPassword() {
		return this.settings.password();
	}

	@Override
	public String getJdbcUrl() {
		return this.settings.jdbcUrl();
	}

	@Override
	public String getDriverClassName() {
		return this.settings.driverClassName();
	}

	/**
	 * Let go of an in-memory SQLite database.
	 */
	@Override
	public void close() throws SQLException {
		if (this.memoryAnchor != null) {
			this.memoryAnchor.close();
		}
	}

	@Override
	public String toString() {
		return "DatabaseUrlConnectionDetails[" + this.settings + "]";
	}

}
