package io.paig.db.migration.liquibase;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import liquibase.changelog.ChangeLogHistoryService;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.RanChangeSet;
import liquibase.changelog.StandardChangeLogHistoryService;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link IndexedChangeLogHistoryService}, on a SQLite file: every lookup is
 * compared with what Liquibase's own service, scanning the same rows, answers.
 *
 * @author paig-db authors
 */
class IndexedChangeLogHistoryServiceTests {

	private static final String FILE = "db/changelog/revisions/0001_users.yaml";

	@TempDir
	Path folder;

	private final List<Connection> connections = new ArrayList<>();

	private Database database;

	@BeforeEach
	void open() throws Exception {
		this.database = database();
		ChangeLogHistoryServiceFactory.getInstance().resetAll();
	}

	@AfterEach
	void close() throws SQLException {
		ChangeLogHistoryServiceFactory.getInstance().resetAll();
		for (Connection connection : this.connections) {
			connection.close();
		}
	}

	@Test
	void findsTheRowLiquibasesScanFinds() throws Exception {
		ChangeLogHistoryService indexed = history("create-users", "add-email");
		indexed.setExecType(changeSet("add-email", "other", FILE), ChangeSet.ExecType.EXECUTED);
		indexed.setExecType(changeSet("add-email", "paig", "db/changelog/revisions/0002_email.yaml"),
				ChangeSet.ExecType.EXECUTED);
		StandardChangeLogHistoryService scanning = new StandardChangeLogHistoryService();
		scanning.setDatabase(database());
		List<ChangeSet> probes = List.of(changeSet("create-users", "paig", FILE),
				changeSet("CREATE-Users", "PAIG", FILE), changeSet("create-users", "paig", "classpath:" + FILE),
				changeSet("create-users", "paig", "classpath:/" + FILE), changeSet("create-users", "other", FILE),
				changeSet("add-email", "other", FILE), changeSet("add-email", "paig", FILE),
				changeSet("add-email", "paig", "db/changelog/revisions/0002_email.yaml"),
				changeSet("add-email", "paig", "db/changelog/revisions/0003_other.yaml"),
				changeSet("never-ran", "paig", FILE));
		for (ChangeSet probe : probes) {
			assertThat(describe(indexed.getRanChangeSet(probe))).as(probe.toString())
				.isEqualTo(describe(scanning.getRanChangeSet(probe)));
		}
		assertThat(find(indexed, "never-ran")).isNull();
		assertThat(describe(indexed.getRanChangeSet(changeSet("ADD-EMAIL", "Other", FILE))))
			.isEqualTo("add-email/other/" + FILE);
	}

	@Test
	void findsRowsRecordedAfterTheFirstLookup() throws Exception {
		ChangeLogHistoryService history = history("create-users");
		assertThat(find(history, "add-email")).isNull();
		record(history, "add-email");
		assertThat(describe(find(history, "add-email"))).isEqualTo("add-email/paig/" + FILE);
		assertThat(find(history, "create-users")).isNotNull();
	}

	@Test
	void forgetsARowRemovedFromTheHistory() throws Exception {
		ChangeLogHistoryService history = history("create-users", "add-email");
		assertThat(find(history, "create-users")).isNotNull();
		history.removeFromHistory(changeSet("create-users", "paig", FILE));
		assertThat(find(history, "create-users")).isNull();
		history.removeFromHistory(changeSet("add-email", "paig", FILE));
		record(history, "add-name");
		assertThat(find(history, "add-email")).isNull();
		assertThat(find(history, "add-name")).isNotNull();
	}

	@Test
	void readsTheRowsAgainAfterAReset() throws Exception {
		ChangeLogHistoryService history = history("create-users");
		assertThat(find(history, "create-users")).isNotNull();
		// another process empties the history
		Connection connection = ((JdbcConnection) this.database.getConnection()).getUnderlyingConnection();
		try (Statement statement = connection.createStatement()) {
			statement.execute("DELETE FROM DATABASECHANGELOG");
		}
		connection.commit();
		history.reset();
		assertThat(find(history, "create-users")).isNull();
	}

	@Test
	void answersNothingWithoutAHistoryTable() throws Exception {
		assertThat(find(indexed(), "create-users")).isNull();
	}

	@Test
	void answersForItsOwnDatabaseOnly() throws Exception {
		IndexedChangeLogHistoryService.use(this.database);
		ChangeLogHistoryServiceFactory factory = ChangeLogHistoryServiceFactory.getInstance();
		assertThat(factory.getChangeLogService(this.database)).isInstanceOf(IndexedChangeLogHistoryService.class);
		assertThat(factory.getChangeLogService(database())).isExactlyInstanceOf(StandardChangeLogHistoryService.class);
		factory.resetAll();
		assertThat(factory.getChangeLogService(this.database))
			.as("forgotten with the factory's reset, as Liquibase's commands end")
			.isExactlyInstanceOf(StandardChangeLogHistoryService.class);
	}

	@Test
	void factoryKeepsTheServiceItAlreadyHasForTheDatabase() throws Exception {
		IndexedChangeLogHistoryService.use(this.database);
		ChangeLogHistoryServiceFactory factory = ChangeLogHistoryServiceFactory.getInstance();
		ChangeLogHistoryService first = factory.getChangeLogService(this.database);
		IndexedChangeLogHistoryService.use(this.database);
		assertThat(factory.getChangeLogService(this.database)).isSameAs(first);
		Database other = database();
		factory.getChangeLogService(other);
		IndexedChangeLogHistoryService.use(other);
		assertThat(factory.getChangeLogService(other)).isExactlyInstanceOf(StandardChangeLogHistoryService.class);
	}

	@Test
	void foldsIdsThatEqualsIgnoreCaseFindsEqualToOneKey() {
		String[][] pairs = { { "create-users", "CREATE-USERS" }, { "\u212A", "k" }, { "\u0130", "i" },
				{ "\u0131", "I" }, { "stra\u00DFe", "STRA\u00DFE" }, { "\uD801\uDC00", "\uD801\uDC28" },
				{ "\u03C3", "\u03A3" }, { "\u03C2", "\u03A3" } };
		for (String[] pair : pairs) {
			if (pair[0].equalsIgnoreCase(pair[1])) {
				assertThat(IndexedChangeLogHistoryService.fold(pair[0])).as(pair[0] + " / " + pair[1])
					.isEqualTo(IndexedChangeLogHistoryService.fold(pair[1]));
			}
		}
		assertThat(IndexedChangeLogHistoryService.fold("create-users"))
			.isNotEqualTo(IndexedChangeLogHistoryService.fold("create-user"));
	}

	private ChangeLogHistoryService indexed() {
		IndexedChangeLogHistoryService.use(this.database);
		ChangeLogHistoryService service = ChangeLogHistoryServiceFactory.getInstance()
			.getChangeLogService(this.database);
		assertThat(service).isInstanceOf(IndexedChangeLogHistoryService.class);
		return service;
	}

	/**
	 * The indexed service with its history table made and changesets by {@code paig} in
	 * {@link #FILE} recorded.
	 */
	private ChangeLogHistoryService history(String... recorded) throws Exception {
		ChangeLogHistoryService history = indexed();
		history.init();
		for (String id : recorded) {
			record(history, id);
		}
		return history;
	}

	private static void record(ChangeLogHistoryService history, String id) throws Exception {
		history.setExecType(changeSet(id, "paig", FILE), ChangeSet.ExecType.EXECUTED);
	}

	private static @Nullable RanChangeSet find(ChangeLogHistoryService history, String id) throws Exception {
		return history.getRanChangeSet(changeSet(id, "paig", FILE));
	}

	private static ChangeSet changeSet(String id, String author, String file) {
		return new ChangeSet(id, author, false, false, file, null, null, new DatabaseChangeLog(file));
	}

	private static @Nullable String describe(@Nullable RanChangeSet row) {
		return (row != null) ? row.getId() + "/" + row.getAuthor() + "/" + row.getChangeLog() : null;
	}

	private Database database() throws Exception {
		return DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection()));
	}

	private Connection connection() throws SQLException {
		Connection connection = DriverManager.getConnection("jdbc:sqlite:" + this.folder.resolve("history.db"));
		this.connections.add(connection);
		return connection;
	}

}
