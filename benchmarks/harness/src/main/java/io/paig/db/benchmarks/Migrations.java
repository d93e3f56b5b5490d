package io.paig.db.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import io.paig.db.migration.MigrationSettings;
import io.paig.db.migration.runner.MigrationRunner;
import liquibase.integration.spring.SpringLiquibase;
import org.flywaydb.core.Flyway;

import org.springframework.core.io.DefaultResourceLoader;

/**
 * Runs one tool on one database the way its start-up does: paig-db's
 * {@link MigrationRunner#upgrade()} (what {@code MigrationInitializer} calls with
 * {@code on-startup=upgrade}), stock Liquibase through {@link SpringLiquibase} (what
 * Spring Boot's auto-configuration builds), Flyway's {@code migrate()}, or raw JDBC. The
 * same call applies everything to an empty database and checks an up-to-date one.
 *
 * @author paig-db authors
 */
public final class Migrations {

	/** The history table of paig-db and Liquibase, which the floor counts. */
	public static final String HISTORY_TABLE = "DATABASECHANGELOG";

	/**
	 * Spring Boot's default {@code spring.liquibase.change-log}, so that the recorded
	 * paths match its runs.
	 */
	static final String BOOT_LIQUIBASE_CHANGELOG = "classpath:/" + Workload.CHANGELOG;

	private Migrations() {
	}

	/**
	 * Settings shared by every JVM that measures: Liquibase's analytics off (paig-db
	 * switches them off by default, and this machine has no network for them), and
	 * java.util.logging at WARNING, so that no tool is timed writing its INFO lines to a
	 * console.
	 */
	public static void configureJvm() {
		System.setProperty("liquibase.analytics.enabled", "false");
		Logger root = Logger.getLogger("");
		root.setLevel(Level.WARNING);
		for (Handler handler : root.getHandlers()) {
			handler.setLevel(Level.WARNING);
		}
	}

	/**
	 * Apply everything pending (on an empty database: all of it).
	 * @param tool the tool
	 * @param dataSource a fresh DataSource
	 * @param classLoader a loader that sees the workload folder
	 * @param rawStatements the statements for raw JDBC and Liquibase's floor
	 * @throws Exception when the tool fails
	 */
	public static void apply(Tool tool, DataSource dataSource, ClassLoader classLoader, List<String> rawStatements)
			throws Exception {
		switch (tool) {
			case RAW_JDBC -> {
				try (Connection connection = dataSource.getConnection();
						Statement statement = connection.createStatement()) {
					for (String sql : rawStatements) {
						statement.execute(sql);
					}
				}
			}
			case LIQUIBASE_FLOOR -> LiquibaseFloor.apply(dataSource, classLoader, rawStatements);
			case PAIG_DB, LIQUIBASE, FLYWAY -> migrate(tool, dataSource, classLoader);
			default -> throw new IllegalArgumentException(tool + " applies nothing");
		}
	}

	/**
	 * Check an up-to-date database as start-up does; for raw JDBC, the floor.
	 * @param tool the tool
	 * @param dataSource a fresh DataSource
	 * @param classLoader a loader that sees the workload folder
	 * @return for the floor, the count; otherwise {@code -1}
	 * @throws Exception when the tool fails
	 */
	public static long check(Tool tool, DataSource dataSource, ClassLoader classLoader) throws Exception {
		if (tool == Tool.RAW_JDBC) {
			try (Connection connection = dataSource.getConnection();
					Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("select count(*) from " + HISTORY_TABLE)) {
				rows.next();
				return rows.getLong(1);
			}
		}
		migrate(tool, dataSource, classLoader);
		return -1;
	}

	private static void migrate(Tool tool, DataSource dataSource, ClassLoader classLoader) throws Exception {
		switch (tool) {
			case PAIG_DB -> new MigrationRunner(dataSource, MigrationSettings.of("classpath:" + Workload.CHANGELOG),
					new DefaultResourceLoader(classLoader))
				.upgrade();
			case LIQUIBASE -> {
				SpringLiquibase liquibase = new SpringLiquibase();
				liquibase.setDataSource(dataSource);
				liquibase.setChangeLog(BOOT_LIQUIBASE_CHANGELOG);
				liquibase.setResourceLoader(new DefaultResourceLoader(classLoader));
				liquibase.afterPropertiesSet();
			}
			case FLYWAY -> Flyway.configure(classLoader)
				.dataSource(dataSource)
				.locations("classpath:" + Workload.FLYWAY_LOCATION)
				.load()
				.migrate();
			default -> throw new IllegalArgumentException(tool + " does not migrate");
		}
	}

	/**
	 * How many rows a tool's history table has, to prove afterwards that an up-to-date
	 * database stayed so.
	 * @param tool the tool
	 * @param connection a connection to its database
	 * @return the count
	 * @throws SQLException when the table cannot be read
	 */
	static long historyRows(Tool tool, Connection connection) throws SQLException {
		String table = (tool == Tool.FLYWAY) ? "flyway_schema_history" : HISTORY_TABLE;
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
