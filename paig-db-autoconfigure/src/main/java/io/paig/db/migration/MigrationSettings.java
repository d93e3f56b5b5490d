package io.paig.db.migration;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * How migrations run: where the changelog is, which changesets apply, where Liquibase
 * keeps its history.
 *
 * @param changelog the master changelog, a Spring resource location
 * @param contexts Liquibase contexts; empty for all
 * @param labels Liquibase label expressions; empty for all
 * @param defaultSchema the schema the changes apply to, or {@code null} for the
 * connection's
 * @param liquibaseSchema the schema of the history tables, or {@code null} for the
 * default schema
 * @param changelogTable the history table
 * @param changelogLockTable Liquibase's own lock table
 * @param parameters changelog parameters, {@code ${name}} in the changelogs
 * @param lockTimeout how long to wait for another instance's migration lock
 * @param analyticsEnabled whether Liquibase may send its anonymous usage analytics
 * @param adoptAlembic whether a database built by Alembic is adopted at its
 * {@code alembic_version}, and that table kept in step
 * @param fastCheck whether an up-to-date check may trust the fingerprint of the
 * changelog's files recorded at the last one instead of parsing the changelog
 * @param connectRetries how many more times the migration tries to get its first
 * connection when the database cannot be reached yet; 0 for once
 * @param connectRetriesInterval the pause between those tries
 * @param ddlLockTimeout how long a migration statement may wait for a table lock before
 * the revision is rolled back and tried again; zero or negative for the database's own
 * setting
 * @param ddlLockRetries how many more times a revision is tried after its statements gave
 * up waiting for a table lock
 * @author paig-db authors
 */
public record MigrationSettings(String changelog, List<String> contexts, List<String> labels,
		@Nullable String defaultSchema, @Nullable String liquibaseSchema, String changelogTable,
		String changelogLockTable, Map<String, String> parameters, Duration lockTimeout, boolean analyticsEnabled,
		boolean adoptAlembic, boolean fastCheck, int connectRetries, Duration connectRetriesInterval,
		Duration ddlLockTimeout, int ddlLockRetries) {

	/**
	 * Checks that the history tables' and the schemas' names are plain SQL names: paig-db
	 * writes them into statements of its own (the fast check's table, the
	 * {@code alembic_version} table) as they are, unquoted.
	 * @throws MigrationException naming the setting whose name is not plain
	 */
	public MigrationSettings {
		plainName(changelogTable, "history table", "changelog-table", false);
		plainName(changelogLockTable, "Liquibase lock table", "changelog-lock-table", false);
		plainName(defaultSchema, "default schema", "default-schema", true);
		plainName(liquibaseSchema, "history tables' schema", "liquibase-schema", true);
	}

	private static void plainName(@Nullable String name, String what, String key, boolean optional) {
		if (optional && (name == null || name.isBlank())) {
			return;
		}
		if (name == null || !PLAIN_NAME.matcher(name).matches()) {
			throw new MigrationException(
					"The " + what + " name " + ((name != null) ? "'" + name + "' " : "") + "(database.migration." + key
							+ ") is not a plain SQL name. paig-db writes it into statements of its own as it is, "
							+ "and a name that needs quotes would not name the table or could change the statement.",
					"Use letters, digits and underscores only, starting with a letter or an underscore, for example "
							+ "DATABASECHANGELOG or paig_history.");
		}
	}

	/** A name SQL reads without quotes on PostgreSQL, MySQL/MariaDB and SQLite. */
	private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	/** The default of {@link #ddlLockTimeout()}. */
	public static final Duration DEFAULT_DDL_LOCK_TIMEOUT = Duration.ofSeconds(5);

	/** The default of {@link #ddlLockRetries()}. */
	public static final int DEFAULT_DDL_LOCK_RETRIES = 3;

	/** The default of {@link #connectRetriesInterval()}. */
	public static final Duration DEFAULT_CONNECT_RETRIES_INTERVAL = Duration.ofSeconds(2);

	/**
	 * Settings with the defaults for connecting and for table locks.
	 * @param changelog the master changelog
	 * @param contexts the Liquibase contexts
	 * @param labels the Liquibase label expressions
	 * @param defaultSchema the schema the changes apply to
	 * @param liquibaseSchema the schema of the history tables
	 * @param changelogTable the history table
	 * @param changelogLockTable the lock table of Liquibase
	 * @param parameters changelog parameters
	 * @param lockTimeout how long to wait for another instance's migration lock
	 * @param analyticsEnabled whether Liquibase may send its usage analytics
	 * @param adoptAlembic whether a database built by Alembic is adopted
	 * @param fastCheck whether the fast up-to-date check is used
	 */
	public MigrationSettings(String changelog, List<String> contexts, List<String> labels,
			@Nullable String defaultSchema, @Nullable String liquibaseSchema, String changelogTable,
			String changelogLockTable, Map<String, String> parameters, Duration lockTimeout, boolean analyticsEnabled,
			boolean adoptAlembic, boolean fastCheck) {
		this(changelog, contexts, labels, defaultSchema, liquibaseSchema, changelogTable, changelogLockTable,
				parameters, lockTimeout, analyticsEnabled, adoptAlembic, fastCheck, 0, DEFAULT_CONNECT_RETRIES_INTERVAL,
				DEFAULT_DDL_LOCK_TIMEOUT, DEFAULT_DDL_LOCK_RETRIES);
	}

	/** The default master changelog, Spring Boot's and Liquibase's usual place. */
	public static final String DEFAULT_CHANGELOG = "classpath:db/changelog/db.changelog-master.yaml";

	/**
	 * The schema the history tables are in: the Liquibase schema, else the default
	 * schema.
	 * @return the schema, or {@code null} for the connection's
	 */
	public @Nullable String historySchema() {
		if (this.liquibaseSchema != null && !this.liquibaseSchema.isBlank()) {
			return this.liquibaseSchema;
		}
		return (this.defaultSchema != null && !this.defaultSchema.isBlank()) ? this.defaultSchema : null;
	}

	/**
	 * The table the fast check keeps its records in, beside the history table.
	 * @return its name
	 */
	public String fingerprintTable() {
		return this.changelogTable + "_FINGERPRINT";
	}

	/**
	 * The tables that hold records about the schema rather than the application's data:
	 * Liquibase's history and lock tables, the fast check's table, and Alembic's
	 * {@code alembic_version}.
	 * @return their names, lower case
	 */
	public Set<String> bookkeepingTables() {
		return Set.of(this.changelogTable.toLowerCase(Locale.ROOT), this.changelogLockTable.toLowerCase(Locale.ROOT),
				fingerprintTable().toLowerCase(Locale.ROOT), "alembic_version");
	}

	/**
	 * The same settings without the fast check.
	 * @return the settings
	 */
	public MigrationSettings withoutFastCheck() {
		return new MigrationSettings(this.changelog, this.contexts, this.labels, this.defaultSchema,
				this.liquibaseSchema, this.changelogTable, this.changelogLockTable, this.parameters, this.lockTimeout,
				this.analyticsEnabled, this.adoptAlembic, false, this.connectRetries, this.connectRetriesInterval,
				this.ddlLockTimeout, this.ddlLockRetries);
	}

	/**
	 * The same settings with other connect retries.
	 * @param retries how many more tries
	 * @param interval the pause between tries
	 * @return the settings
	 */
	public MigrationSettings withConnectRetries(int retries, Duration interval) {
		return new MigrationSettings(this.changelog, this.contexts, this.labels, this.defaultSchema,
				this.liquibaseSchema, this.changelogTable, this.changelogLockTable, this.parameters, this.lockTimeout,
				this.analyticsEnabled, this.adoptAlembic, this.fastCheck, retries, interval, this.ddlLockTimeout,
				this.ddlLockRetries);
	}

	/**
	 * The same settings with another table lock timeout.
	 * @param timeout how long a statement may wait for a table lock
	 * @param retries how many more times a revision is tried
	 * @return the settings
	 */
	public MigrationSettings withDdlLockTimeout(Duration timeout, int retries) {
		return new MigrationSettings(this.changelog, this.contexts, this.labels, this.defaultSchema,
				this.liquibaseSchema, this.changelogTable, this.changelogLockTable, this.parameters, this.lockTimeout,
				this.analyticsEnabled, this.adoptAlembic, this.fastCheck, this.connectRetries,
				this.connectRetriesInterval, timeout, retries);
	}

	/**
	 * Whether migration statements wait for table locks at most
	 * {@link #ddlLockTimeout()}.
	 * @return {@code true} when the timeout is on
	 */
	public boolean hasDdlLockTimeout() {
		return this.ddlLockTimeout != null && !this.ddlLockTimeout.isNegative() && !this.ddlLockTimeout.isZero();
	}

	/**
	 * Settings with the defaults for everything but the changelog.
	 * @param changelog the master changelog
	 * @return the settings
	 */
	public static MigrationSettings of(String changelog) {
		return new MigrationSettings(changelog, List.of(), List.of(), null, null, "DATABASECHANGELOG",
				"DATABASECHANGELOGLOCK", Map.of(), Duration.ofMinutes(5), false, true, true);
	}

}
