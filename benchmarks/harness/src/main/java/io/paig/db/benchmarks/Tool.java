package io.paig.db.benchmarks;

/**
 * What is measured: a migration tool, raw JDBC (whose up-to-date "check" is the floor,
 * one {@code select count(*)} on the history table), the least a tool on Liquibase must
 * do to apply, or no tool at all (the baseline of the start comparison).
 *
 * @author paig-db authors
 */
public enum Tool {

	/** No migration tool: the web app alone, the baseline of the start comparison. */
	NONE("none", "no tool", "no tool"),

	/**
	 * Raw JDBC: the statements in one connection, nothing recorded; its check is the
	 * floor.
	 */
	RAW_JDBC("raw-jdbc", "raw JDBC", "floor"),

	/**
	 * Not a tool: the least any tool on a Liquibase changelog and history must do
	 * ({@link LiquibaseFloor}), measured for apply-all only.
	 */
	LIQUIBASE_FLOOR("liquibase-floor", "Liquibase's floor", "Liquibase's floor"),

	/** paig-db's runner, as its start-up calls it. */
	PAIG_DB("paig-db", "paig-db", "paig-db"),

	/** Stock Liquibase, through {@code SpringLiquibase} as Spring Boot runs it. */
	LIQUIBASE("liquibase", "Liquibase", "Liquibase"),

	/** Flyway's {@code migrate()}, as Spring Boot runs it. */
	FLYWAY("flyway", "Flyway", "Flyway"),

	/**
	 * No migration tool in the reactive (WebFlux, R2DBC) app: the baseline of the R2DBC
	 * start comparison.
	 */
	R2DBC_NONE("r2dbc-none", "R2DBC app without a tool", "R2DBC app without a tool"),

	/**
	 * paig-db in the reactive app: R2DBC for the app, migrations over JDBC from the same
	 * URL.
	 */
	R2DBC_PAIG_DB("r2dbc-paig-db", "paig-db in the R2DBC app", "paig-db in the R2DBC app"),

	/**
	 * Not a tool: the R2DBC app with no migration tool but one JDBC check of the history
	 * table on a thread of its own, the least a check over JDBC adds to its start.
	 */
	R2DBC_JDBC_FLOOR("r2dbc-jdbc-floor", "R2DBC app with a JDBC check only", "R2DBC app with a JDBC check only");

	private final String key;

	private final String applyLabel;

	private final String checkLabel;

	Tool(String key, String applyLabel, String checkLabel) {
		this.key = key;
		this.applyLabel = applyLabel;
		this.checkLabel = checkLabel;
	}

	/**
	 * The name used on command lines and in database names.
	 * @return the key
	 */
	public String key() {
		return this.key;
	}

	/**
	 * Whether this is a variant of the reactive (WebFlux, R2DBC) app.
	 * @return whether it is started as the R2DBC app
	 */
	public boolean isR2dbcApp() {
		return this == R2DBC_NONE || this == R2DBC_PAIG_DB || this == R2DBC_JDBC_FLOOR;
	}

	/**
	 * The label in rows that apply changes.
	 * @return the label
	 */
	public String applyLabel() {
		return this.applyLabel;
	}

	/**
	 * The label in rows that check an up-to-date database.
	 * @return the label
	 */
	public String checkLabel() {
		return this.checkLabel;
	}

	/**
	 * The tool of a key.
	 * @param key the key
	 * @return the tool
	 */
	public static Tool of(String key) {
		for (Tool tool : values()) {
			if (tool.key.equals(key)) {
				return tool;
			}
		}
		throw new IllegalArgumentException("Unknown tool '" + key + "': use raw-jdbc, paig-db, liquibase or flyway.");
	}

}
