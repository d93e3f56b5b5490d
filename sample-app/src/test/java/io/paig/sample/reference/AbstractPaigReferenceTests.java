package io.paig.sample.reference;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariDataSource;
import io.paig.db.migration.MigrationSettings;
import io.paig.db.migration.runner.MigrationRunner;
import io.paig.db.url.JdbcSettings;
import io.paig.db.url.JdbcTranslator;
import io.paig.db.url.SqliteOptions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's revisions against PAIG's: the schema they build at head and at the middle
 * revision, the seed rows, and a downgrade to base and back, on one database (a subclass
 * each). The live schema is read from the catalog and compared, table by table and column
 * by column, with the reference generated from PAIG's Alembic revisions; a mismatch lists
 * every difference.
 *
 * @author paig-db authors
 */
abstract class AbstractPaigReferenceTests {

	static final String CHANGELOG = "classpath:db/changelog/db.changelog-master.yaml";

	static final String MIDDLE = "db6e7b60cb0a";

	static final String HEAD = "1900f97ae685";

	private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private final LocalDateTime started = LocalDateTime.now(ZoneOffset.UTC);

	private ReferenceFiles reference;

	private HikariDataSource dataSource;

	private MigrationRunner runner;

	/**
	 * The database.url of the database under test, empty or brought to base by the tests.
	 * @return the URL
	 */
	abstract String url();

	/**
	 * Reads the live schema.
	 * @return the reader
	 */
	abstract CatalogReader catalog();

	/**
	 * What the schema at head must be.
	 * @param reference the reference files
	 * @return the expected schema
	 */
	abstract Schema expectedHead(ReferenceFiles reference);

	/**
	 * What the schema at {@value #MIDDLE} must be.
	 * @param reference the reference files
	 * @return the expected schema
	 */
	abstract Schema expectedMiddle(ReferenceFiles reference);

	/**
	 * The seed rows file that holds for this database.
	 * @return the file name
	 */
	abstract String seedRowsFile();

	@BeforeEach
	void startAtBase() {
		this.reference = ReferenceFiles.find();
		JdbcSettings jdbc = new JdbcTranslator(SqliteOptions.DEFAULTS, null).translate(url(), null, null);
		this.dataSource = new HikariDataSource();
		this.dataSource.setJdbcUrl(jdbc.jdbcUrl());
		this.dataSource.setUsername(jdbc.username());
		this.dataSource.setPassword(jdbc.password());
		this.dataSource.setMaximumPoolSize(2);
		this.runner = new MigrationRunner(this.dataSource, MigrationSettings.of(CHANGELOG),
				new DefaultResourceLoader());
		this.runner.downgrade("base");
	}

	@AfterEach
	void closeDataSource() {
		if (this.dataSource != null) {
			this.dataSource.close();
		}
	}

	@Test
	void upgradeHeadBuildsPaigsSchema() throws SQLException {
		this.runner.upgrade("head");
		assertSchema(expectedHead(this.reference), "head");
	}

	@Test
	void upgradeToTheMiddleRevisionBuildsPaigsSchemaAtThatRevision() throws SQLException {
		this.runner.upgrade(MIDDLE);
		assertThat(this.runner.status().getCurrent().id()).isEqualTo(MIDDLE);
		assertSchema(expectedMiddle(this.reference), MIDDLE);
		assertThat(count("tag")).isEqualTo(29);
		assertThat(count("tenant")).isEqualTo(1);
	}

	@Test
	void upgradeHeadSeedsPaigsRows() throws SQLException {
		this.runner.upgrade("head");
		Map<String, List<Map<String, Object>>> expected = this.reference.seedRows(seedRowsFile());
		assertThat(expected.get("alembic_version")).containsExactly(Map.of("version_num", HEAD));
		assertThat(this.runner.status().getCurrent().id()).isEqualTo(HEAD);
		try (Connection connection = this.dataSource.getConnection()) {
			for (String table : catalog().tables(connection)) {
				List<Map<String, @Nullable Object>> rows = CatalogReader.query(connection,
						"SELECT * FROM " + quote(table) + " ORDER BY id");
				List<Map<String, Object>> want = expected.getOrDefault(table, List.of());
				assertThat(rows).as("rows of %s", table).hasSize(want.size());
				for (int i = 0; i < want.size(); i++) {
					assertRow(table, rows.get(i), want.get(i));
				}
			}
		}
	}

	@Test
	void downgradeBaseLeavesOnlyLiquibaseTablesAndUpgradeHeadBuildsTheSameSchemaAgain() throws SQLException {
		this.runner.upgrade("head");
		this.runner.downgrade("base");
		try (Connection connection = this.dataSource.getConnection()) {
			assertThat(catalog().tables(connection)).as("tables left after downgrade base").isEmpty();
			Schema empty = catalog().read(connection);
			assertThat(empty.enums()).as("enum types left after downgrade base").isEmpty();
			assertThat(empty.sequences()).as("sequences left after downgrade base").isEmpty();
		}
		this.runner.upgrade("head");
		assertSchema(expectedHead(this.reference), "head, upgraded again after downgrade base");
	}

	private void assertSchema(Schema expected, String where) throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			List<String> differences = catalog().read(connection).differencesFrom(expected);
			assertThat(differences).as("differences from PAIG's schema at " + where).isEmpty();
		}
	}

	private void assertRow(String table, Map<String, @Nullable Object> row, Map<String, Object> want) {
		assertThat(row.keySet()).as("columns of %s", table).containsExactlyInAnyOrderElementsOf(want.keySet());
		want.forEach((column, value) -> {
			String actual = (row.get(column) != null) ? String.valueOf(row.get(column)) : null;
			String what = table + " id " + want.get("id") + " column " + column;
			if (String.valueOf(value).startsWith("<run-time")) {
				assertThat(actual).as(what).isNotNull();
				// to the second; a LocalDateTime read at a whole minute prints without
				// its seconds ("2026-12-07T21:46"), which ISO parsing takes too
				String text = actual.replace(' ', 'T');
				LocalDateTime time = LocalDateTime.parse(text.substring(0, Math.min(text.length(), 19)));
				assertThat(time).as(what + ": the migration time in UTC")
					.isBetween(this.started.minus(Duration.ofMinutes(2)),
							LocalDateTime.now(ZoneOffset.UTC).plusMinutes(2));
			}
			else if (String.valueOf(value).startsWith("<random uuid")) {
				assertThat(actual).as(what).matches(UUID);
			}
			else {
				assertThat(actual).as(what).isEqualTo(String.valueOf(value));
			}
		});
	}

	private int count(String table) throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			Object count = CatalogReader.query(connection, "SELECT COUNT(*) AS n FROM " + table).get(0).get("n");
			return ((Number) count).intValue();
		}
	}

	/**
	 * A table name quoted for the database under test ({@code group} and {@code user} are
	 * keywords).
	 * @param table the table
	 * @return the quoted name
	 */
	abstract String quote(String table);

}
