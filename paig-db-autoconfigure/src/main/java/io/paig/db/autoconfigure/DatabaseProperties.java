package io.paig.db.autoconfigure;

import java.time.Duration;

import io.paig.db.url.SqliteOptions;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for paig-db ({@code database.*}).
 *
 * @author paig-db
 */
@ConfigurationProperties("database")
public class DatabaseProperties {

	/**
	 * Database URL in SQLAlchemy's form, 'dialect+driver://user:password@host:port/database', or a 'jdbc:'
	 * URL. The default is PAIG's: a SQLite file at db/database.db below the working directory.
	 */
	private String url = "sqlite+aiosqlite:///db/database.db";

	/** User name, overriding the one in the URL. */
	private @Nullable String username;

	/** Password, overriding the one in the URL. */
	private @Nullable String password;

	private final Sqlite sqlite = new Sqlite();

	public String getUrl() {
		return this.url;
	}

	public void setUrl(String url) {
		this.url = url;
	}

	public @Nullable String getUsername() {
		return this.username;
	}

	public void setUsername(@Nullable String username) {
		this.username = username;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public Sqlite getSqlite() {
		return this.sqlite;
	}

	/**
	 * Settings that make SQLite safe behind a connection pool; the URL's own query parameters win.
	 */
	public static class Sqlite {

		/** How long a connection waits for another connection's write lock before failing. */
		private Duration busyTimeout = Duration.ofSeconds(30);

		/** Journal mode of file databases; WAL lets readers work while one connection writes. */
		private JournalMode journalMode = JournalMode.WAL;

		/** Whether foreign key constraints are enforced. */
		private boolean foreignKeys = true;

		public Duration getBusyTimeout() {
			return this.busyTimeout;
		}

		public void setBusyTimeout(Duration busyTimeout) {
			this.busyTimeout = busyTimeout;
		}

		public JournalMode getJournalMode() {
			return this.journalMode;
		}

		public void setJournalMode(JournalMode journalMode) {
			this.journalMode = journalMode;
		}

		public boolean isForeignKeys() {
			return this.foreignKeys;
		}

		public void setForeignKeys(boolean foreignKeys) {
			this.foreignKeys = foreignKeys;
		}

		SqliteOptions toOptions() {
			return new SqliteOptions(this.busyTimeout, this.journalMode.name(), this.foreignKeys);
		}

	}

	/**
	 * SQLite journal modes.
	 */
	public enum JournalMode {

		/** Write-ahead log: readers do not block the writer nor it them. Not for network file systems. */
		WAL,

		/** Rollback journal, deleted after each transaction (SQLite's own default). */
		DELETE,

		/** Rollback journal, truncated after each transaction. */
		TRUNCATE,

		/** Rollback journal, kept with its header zeroed. */
		PERSIST

	}

}
