package io.paig.db.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.paig.db.migration.MigrationSettings;
import io.paig.db.migration.MigrationState;
import io.paig.db.url.SqliteOptions;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for paig-db ({@code database.*}).
 *
 * @author paig-db authors
 */
@ConfigurationProperties("database")
public class DatabaseProperties {

	/**
	 * Database URL in SQLAlchemy's form,
	 * 'dialect+driver://user:password@host:port/database', or a 'jdbc:' URL. The default
	 * is PAIG's: a SQLite file at db/database.db below the working directory.
	 */
	private String url = "sqlite+aiosqlite:///db/database.db";

	/** User name, overriding the one in the URL. */
	private @Nullable String username;

	/** Password, overriding the one in the URL. */
	private @Nullable String password;

	private final Sqlite sqlite = new Sqlite();

	private final Migration migration = new Migration();

	private final Command command = new Command();

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

	public Migration getMigration() {
		return this.migration;
	}

	public Command getCommand() {
		return this.command;
	}

	/**
	 * Settings that make SQLite safe behind a connection pool; the URL's own query
	 * parameters win.
	 */
	public static class Sqlite {

		/**
		 * How long a connection waits for another connection's write lock before failing.
		 */
		private Duration busyTimeout = Duration.ofSeconds(30);

		/**
		 * Journal mode of file databases; WAL lets readers work while one connection
		 * writes.
		 */
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
	 * How revisions are applied.
	 */
	public static class Migration {

		/** Master changelog, a Spring resource location ('classpath:' or 'file:'). */
		private String changelog = "classpath:db/changelog/db.changelog-master.yaml";

		/** What to do when the application starts. */
		private OnStartup onStartup = OnStartup.UPGRADE;

		/** How long to wait for another instance's migration lock before giving up. */
		private Duration lockTimeout = Duration.ofMinutes(5);

		/** Liquibase contexts of the changesets to run; empty for all. */
		private List<String> contexts = new ArrayList<>();

		/** Liquibase label expressions of the changesets to run; empty for all. */
		private List<String> labels = new ArrayList<>();

		/** Schema the changes apply to; the connection's default when not set. */
		private @Nullable String defaultSchema;

		/** Schema of the history tables; the default schema when not set. */
		private @Nullable String liquibaseSchema;

		/** Name of the history table. */
		private String changelogTable = "DATABASECHANGELOG";

		/** Name of Liquibase's own lock table. */
		private String changelogLockTable = "DATABASECHANGELOGLOCK";

		/** Changelog parameters, written ${name} in the changelogs. */
		private Map<String, String> parameters = new LinkedHashMap<>();

		/**
		 * Whether Liquibase may send its anonymous usage analytics (it does by default
		 * since 4.30).
		 */
		private boolean analyticsEnabled = false;

		/**
		 * Whether a database built by Alembic is adopted at its alembic_version, and that
		 * table kept in step.
		 */
		private boolean adoptAlembic = true;

		/**
		 * Whether a start may skip parsing the changelog when its files and the history
		 * are as at the last check.
		 */
		private boolean fastCheck = true;

		private final Endpoint endpoint = new Endpoint();

		private final Health health = new Health();

		public boolean isAdoptAlembic() {
			return this.adoptAlembic;
		}

		public void setAdoptAlembic(boolean adoptAlembic) {
			this.adoptAlembic = adoptAlembic;
		}

		public boolean isFastCheck() {
			return this.fastCheck;
		}

		public void setFastCheck(boolean fastCheck) {
			this.fastCheck = fastCheck;
		}

		public Endpoint getEndpoint() {
			return this.endpoint;
		}

		public Health getHealth() {
			return this.health;
		}

		public String getChangelog() {
			return this.changelog;
		}

		public void setChangelog(String changelog) {
			this.changelog = changelog;
		}

		public OnStartup getOnStartup() {
			return this.onStartup;
		}

		public void setOnStartup(OnStartup onStartup) {
			this.onStartup = onStartup;
		}

		public Duration getLockTimeout() {
			return this.lockTimeout;
		}

		public void setLockTimeout(Duration lockTimeout) {
			this.lockTimeout = lockTimeout;
		}

		public List<String> getContexts() {
			return this.contexts;
		}

		public void setContexts(List<String> contexts) {
			this.contexts = contexts;
		}

		public List<String> getLabels() {
			return this.labels;
		}

		public void setLabels(List<String> labels) {
			this.labels = labels;
		}

		public @Nullable String getDefaultSchema() {
			return this.defaultSchema;
		}

		public void setDefaultSchema(@Nullable String defaultSchema) {
			this.defaultSchema = defaultSchema;
		}

		public @Nullable String getLiquibaseSchema() {
			return this.liquibaseSchema;
		}

		public void setLiquibaseSchema(@Nullable String liquibaseSchema) {
			this.liquibaseSchema = liquibaseSchema;
		}

		public String getChangelogTable() {
			return this.changelogTable;
		}

		public void setChangelogTable(String changelogTable) {
			this.changelogTable = changelogTable;
		}

		public String getChangelogLockTable() {
			return this.changelogLockTable;
		}

		public void setChangelogLockTable(String changelogLockTable) {
			this.changelogLockTable = changelogLockTable;
		}

		public Map<String, String> getParameters() {
			return this.parameters;
		}

		public void setParameters(Map<String, String> parameters) {
			this.parameters = parameters;
		}

		public boolean isAnalyticsEnabled() {
			return this.analyticsEnabled;
		}

		public void setAnalyticsEnabled(boolean analyticsEnabled) {
			this.analyticsEnabled = analyticsEnabled;
		}

		/**
		 * URL of the database to migrate, in SQLAlchemy's form like database.url (or a
		 * 'jdbc:' URL), when migrations connect elsewhere than the application; the
		 * application's database when not set.
		 */
		private @Nullable String url;

		/**
		 * User the migrations run as (the owner of the schema), when not the
		 * application's; its connections are opened for a run and closed after it.
		 */
		private @Nullable String username;

		/** Password of the migration user. */
		private @Nullable String password;

		public @Nullable String getUrl() {
			return this.url;
		}

		public void setUrl(@Nullable String url) {
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

		/**
		 * How many more times the migration tries to get its first connection when the
		 * database cannot be reached yet, each try logged; 0 to fail at once.
		 */
		private int connectRetries = 0;

		/** Pause between the tries of connect-retries. */
		private Duration connectRetriesInterval = Duration.ofSeconds(2);

		/**
		 * How long a migration statement may wait for a table lock (PostgreSQL
		 * lock_timeout, MySQL and MariaDB lock_wait_timeout) before its revision is
		 * rolled back and tried again, so that the queries queued behind it are not held
		 * up longer; 0 or -1 to keep the database's own setting.
		 */
		private Duration ddlLockTimeout = Duration.ofSeconds(5);

		/**
		 * How many more times a revision is tried after its statements gave up waiting
		 * for a table lock, after a pause as long as ddl-lock-timeout.
		 */
		private int ddlLockRetries = 3;

		public int getConnectRetries() {
			return this.connectRetries;
		}

		public void setConnectRetries(int connectRetries) {
			this.connectRetries = connectRetries;
		}

		public Duration getConnectRetriesInterval() {
			return this.connectRetriesInterval;
		}

		public void setConnectRetriesInterval(Duration connectRetriesInterval) {
			this.connectRetriesInterval = connectRetriesInterval;
		}

		public Duration getDdlLockTimeout() {
			return this.ddlLockTimeout;
		}

		public void setDdlLockTimeout(Duration ddlLockTimeout) {
			this.ddlLockTimeout = ddlLockTimeout;
		}

		public int getDdlLockRetries() {
			return this.ddlLockRetries;
		}

		public void setDdlLockRetries(int ddlLockRetries) {
			this.ddlLockRetries = ddlLockRetries;
		}

		/**
		 * The runner's settings from these properties.
		 * @return the settings
		 */
		public MigrationSettings toSettings() {
			return new MigrationSettings(this.changelog, List.copyOf(this.contexts), List.copyOf(this.labels),
					this.defaultSchema, this.liquibaseSchema, this.changelogTable, this.changelogLockTable,
					Map.copyOf(this.parameters), this.lockTimeout, this.analyticsEnabled, this.adoptAlembic,
					this.fastCheck, Math.max(0, this.connectRetries), this.connectRetriesInterval, this.ddlLockTimeout,
					Math.max(0, this.ddlLockRetries));
		}

	}

	/**
	 * The {@code db} commands.
	 */
	public static class Command {

		/**
		 * Folder of the project's changelog sources, where 'db revision' writes new
		 * revisions.
		 */
		private String changelogFolder = "src/main/resources/db/changelog";

		/**
		 * Whether the application exits with the command's code when a 'db' command is
		 * done.
		 */
		private boolean exit = true;

		public String getChangelogFolder() {
			return this.changelogFolder;
		}

		public void setChangelogFolder(String changelogFolder) {
			this.changelogFolder = changelogFolder;
		}

		public boolean isExit() {
			return this.exit;
		}

		public void setExit(boolean exit) {
			this.exit = exit;
		}

	}

	/**
	 * The migrations actuator endpoint.
	 */
	public static class Endpoint {

		/**
		 * Whether upgrade and downgrade are offered over HTTP; when off they are not
		 * mapped at all.
		 */
		private boolean writeEnabled = false;

		public boolean isWriteEnabled() {
			return this.writeEnabled;
		}

		public void setWriteEnabled(boolean writeEnabled) {
			this.writeEnabled = writeEnabled;
		}

	}

	/**
	 * The migrations health contributor.
	 */
	public static class Health {

		/**
		 * Whether migrations join the readiness group, so no traffic reaches an instance
		 * whose schema is behind.
		 */
		private boolean readiness = true;

		/** Health status reported for each migration state. */
		private Map<MigrationState, String> status = new EnumMap<>(Map.of(MigrationState.UP_TO_DATE, "UP",
				MigrationState.PENDING, "OUT_OF_SERVICE", MigrationState.RUNNING, "OUT_OF_SERVICE",
				MigrationState.FAILED, "DOWN", MigrationState.DISABLED, "UP"));

		public boolean isReadiness() {
			return this.readiness;
		}

		public void setReadiness(boolean readiness) {
			this.readiness = readiness;
		}

		public Map<MigrationState, String> getStatus() {
			return this.status;
		}

		public void setStatus(Map<MigrationState, String> status) {
			this.status = status;
		}

	}

	/**
	 * What the application does with pending revisions when it starts.
	 */
	public enum OnStartup {

		/** Apply pending revisions. */
		UPGRADE,

		/** Fail start-up if a revision is pending or an applied one was edited. */
		VALIDATE,

		/** Do nothing. */
		NONE

	}

	/**
	 * SQLite journal modes.
	 */
	public enum JournalMode {

		/**
		 * Write-ahead log: readers do not block the writer nor it them. Not for network
		 * file systems.
		 */
		WAL,

		/** Rollback journal, deleted after each transaction (SQLite's own default). */
		DELETE,

		/** Rollback journal, truncated after each transaction. */
		TRUNCATE,

		/** Rollback journal, kept with its header zeroed. */
		PERSIST

	}

}
