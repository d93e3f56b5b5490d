package io.paig.db.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import liquibase.ChecksumVersion;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.integration.spring.SpringResourceAccessor;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ResourceAccessor;

import org.springframework.core.io.DefaultResourceLoader;

/**
 * The least that any tool applying a Liquibase changelog and keeping Liquibase's history
 * must do, measured beside the tools so that the aim of 1.5x raw JDBC can be read against
 * it: Liquibase parses the changelog (through the Spring resource accessor both paig-db
 * and stock Liquibase use) and computes each changeset's checksum, which its history row
 * records; then each raw statement runs followed by its history row, one prepared
 * {@code INSERT}, committed as paig-db commits: once per revision file where DDL is
 * transactional (PostgreSQL, SQLite), once per changeset where it is not (MariaDB).
 * Nothing else of a tool is in it: no lock, no validation, no SQL generation, no
 * listeners, no logging.
 *
 * @author paig-db authors
 */
final class LiquibaseFloor {

	private static final String CREATE_HISTORY = "CREATE TABLE " + Migrations.HISTORY_TABLE
			+ " (ID VARCHAR(255) NOT NULL, AUTHOR VARCHAR(255) NOT NULL, FILENAME VARCHAR(255) NOT NULL, "
			+ "DATEEXECUTED TIMESTAMP NOT NULL, ORDEREXECUTED INT NOT NULL, EXECTYPE VARCHAR(10) NOT NULL, "
			+ "MD5SUM VARCHAR(35), DESCRIPTION VARCHAR(255), COMMENTS VARCHAR(255), TAG VARCHAR(255), "
			+ "LIQUIBASE VARCHAR(20), CONTEXTS VARCHAR(255), LABELS VARCHAR(255), DEPLOYMENT_ID VARCHAR(10))";

	private static final String INSERT_HISTORY = "INSERT INTO " + Migrations.HISTORY_TABLE
			+ " (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE, MD5SUM, DESCRIPTION, COMMENTS, "
			+ "LIQUIBASE, DEPLOYMENT_ID) VALUES (?, ?, ?, ?, ?, 'EXECUTED', ?, ?, '', '4', '0000000000')";

	private LiquibaseFloor() {
	}

	/**
	 * Parse, checksum and apply the workload with its history rows.
	 * @param dataSource a fresh DataSource on an empty database
	 * @param classLoader a loader that sees the workload folder
	 * @param statements the workload's statements, one per changeset, in the changelog's
	 * order
	 * @throws Exception when the changelog cannot be parsed or a statement fails
	 */
	static void apply(DataSource dataSource, ClassLoader classLoader, List<String> statements) throws Exception {
		ResourceAccessor resources = new SpringResourceAccessor(new DefaultResourceLoader(classLoader));
		DatabaseChangeLog changeLog = ChangeLogParserFactory.getInstance()
			.getParser(Workload.CHANGELOG, resources)
			.parse(Workload.CHANGELOG, new ChangeLogParameters(), resources);
		List<ChangeSet> changeSets = changeLog.getChangeSets();
		if (changeSets.size() != statements.size()) {
			throw new IllegalStateException("The workload's changelog has " + changeSets.size()
					+ " changesets and its SQL " + statements.size() + " statements: they must match one to one.");
		}
		String[] checksums = new String[changeSets.size()];
		for (int i = 0; i < checksums.length; i++) {
			checksums[i] = changeSets.get(i).generateCheckSum(ChecksumVersion.latest()).toString();
		}
		try (Connection connection = dataSource.getConnection()) {
			try (Statement statement = connection.createStatement()) {
				statement.execute(CREATE_HISTORY);
			}
			boolean transactionalDdl = transactionalDdl(connection);
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement();
					PreparedStatement history = connection.prepareStatement(INSERT_HISTORY)) {
				String file = null;
				for (int i = 0; i < checksums.length; i++) {
					ChangeSet changeSet = changeSets.get(i);
					if (transactionalDdl && file != null && !file.equals(changeSet.getFilePath())) {
						connection.commit();
					}
					file = changeSet.getFilePath();
					statement.execute(statements.get(i));
					history.setString(1, changeSet.getId());
					history.setString(2, changeSet.getAuthor());
					history.setString(3, file);
					history.setTimestamp(4, new Timestamp(System.currentTimeMillis()));
					history.setInt(5, i + 1);
					history.setString(6, checksums[i]);
					history.setString(7, changeSet.getDescription());
					history.executeUpdate();
					if (!transactionalDdl) {
						connection.commit();
					}
				}
				connection.commit();
			}
		}
	}

	private static boolean transactionalDdl(Connection connection) throws SQLException {
		String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
		return product.contains("postgres") || product.contains("sqlite");
	}

}
