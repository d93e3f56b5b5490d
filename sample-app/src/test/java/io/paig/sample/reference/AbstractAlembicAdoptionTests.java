package io.paig.sample.reference;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.zaxxer.hikari.HikariDataSource;
import io.paig.db.command.DbCommandRunner;
import io.paig.db.migration.AppliedChangeSet;
import io.paig.db.migration.MigrationRun;
import io.paig.db.migration.MigrationSettings;
import io.paig.db.migration.MigrationStatus;
import io.paig.db.migration.Revision;
import io.paig.db.migration.runner.MigrationRunner;
import io.paig.db.url.JdbcSettings;
import io.paig.db.url.JdbcTranslator;
import io.paig.db.url.SqliteOptions;
import io.paig.sample.governance.Tag;
import io.paig.sample.governance.TagRepository;
import io.paig.sample.governance.TagType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.data.domain.Sort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A PAIG installation moving to the Java service: its database, built by Alembic and
 * loaded from the dumps in the reference folder, is adopted at its
 * {@code alembic_version} without re-running anything, and only newer revisions are
 * applied; {@code alembic_version} follows. Run against each database by a subclass.
 *
 * @author paig-db authors
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractAlembicAdoptionTests {

	static final String CHANGELOG = "classpath:db/changelog/db.changelog-master.yaml";

	static final String MIDDLE = "db6e7b60cb0a";

	static final String HEAD = "1900f97ae685";

	/** The revisions after the middle one, in order (revisions.tsv). */
	static final List<String> AFTER_MIDDLE = List.of("67a256363095", "f32841395145", "dd5bdf787fa1", "2d992e5994c8",
			"3e84bb67bced", "f36705415cd9", "a9c87d84b974", "ea2679878e00", HEAD);

	ReferenceFiles reference;

	private HikariDataSource dataSource;

	/**
	 * The database.url of the database under test.
	 * @return the URL
	 */
	abstract String url();

	/**
	 * Empty the database.
	 * @throws Exception on failure
	 */
	abstract void reset() throws Exception;

	/**
	 * Load the database Alembic left at a revision.
	 * @param revision {@value #MIDDLE} or {@value #HEAD}
	 * @throws Exception on failure
	 */
	abstract void loadAlembicDatabase(String revision) throws Exception;

	/**
	 * Reads the live schema.
	 * @return the reader
	 */
	abstract CatalogReader catalog();

	/**
	 * The schema at head the sample's revisions build on this database.
	 * @return the expected schema
	 */
	abstract Schema expectedHead();

	/**
	 * The table name as SQL must write it.
	 * @param table the table
	 * @return the quoted name where needed
	 */
	String quote(String table) {
		return table;
	}

	@BeforeEach
	void emptyDatabase() throws Exception {
		this.reference = ReferenceFiles.find();
		reset();
		JdbcSettings jdbc = new JdbcTranslator(SqliteOptions.DEFAULTS, null).translate(url(), null, null);
		this.dataSource = new HikariDataSource();
		this.dataSource.setJdbcUrl(jdbc.jdbcUrl());
		this.dataSource.setUsername(jdbc.username());
		this.dataSource.setPassword(jdbc.password());
		this.dataSource.setMaximumPoolSize(3);
	}

	@AfterEach
	void closeDataSource() {
		if (this.dataSource != null) {
			this.dataSource.close();
		}
	}

	MigrationRunner runner() {
		return new MigrationRunner(this.dataSource, MigrationSettings.of(CHANGELOG), new DefaultResourceLoader());
	}

	@Test
	void adoptsTheMiddleDatabaseAndAppliesOnlyTheNewerRevisions(CapturedOutput output) throws Exception {
		loadAlembicDatabase(MIDDLE);
		MigrationRun run = runner().upgrade();
		assertThat(run.applied()).extracting(Revision::id).containsExactlyElementsOf(AFTER_MIDDLE);
		assertThat(output).contains("built by Alembic and is at revision " + MIDDLE)
			.contains("recording revisions d016d5e1fe5a to " + MIDDLE + " (10) as applied without running them");
		assertThat(query("SELECT version_num FROM alembic_version")).isEqualTo(HEAD);
		assertThat(query("SELECT COUNT(*) FROM tag")).as("29 seeded by Alembic, TOXIC by the port").isEqualTo("30");
		assertThat(query("SELECT COUNT(*) FROM tag WHERE name = 'TOXIC'")).isEqualTo("1");
		assertThat(query("SELECT COUNT(*) FROM tenant")).isEqualTo("1");
		assertThat(query("SELECT COUNT(*) FROM response_template")).isEqualTo("4");
		MigrationStatus status = runner().status();
		for (AppliedChangeSet row : status.getApplied()) {
			Revision revision = status.getHistory().revisionOf(row.id(), row.author(), row.file()).orElseThrow();
			boolean alembicRanIt = status.getHistory().indexOf(revision) <= 9;
			assertThat(row.execType()).as(row.id()).isEqualTo(alembicRanIt ? "MARK_RAN" : "EXECUTED");
		}
		assertSchemaAtHead();
	}

	@Test
	void adoptsTheHeadDatabaseWithoutRunningAnything(CapturedOutput output) throws Exception {
		loadAlembicDatabase(HEAD);
		MigrationRunner runner = runner();
		MigrationRun run = runner.upgrade();
		assertThat(run.applied()).isEmpty();
		assertThat(run.to()).isEqualTo(HEAD);
		assertThat(runner.status().isUpToDate()).isTrue();
		assertThat(query("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE EXECTYPE <> 'MARK_RAN'")).isEqualTo("0");
		assertThat(query("SELECT COUNT(*) FROM tag")).isEqualTo("30");
		assertThat(query("SELECT COUNT(*) FROM response_template")).isEqualTo("4");
		assertThat(query("SELECT COUNT(*) FROM tenant")).isEqualTo("1");
		assertThat(query("SELECT version_num FROM alembic_version")).isEqualTo(HEAD);
		assertThat(output).contains("(19) as applied without running them");
	}

	@Test
	void downgradeAfterAdoptionRevertsARevisionAlembicRanAndMovesAlembicVersion() throws Exception {
		loadAlembicDatabase(HEAD);
		MigrationRunner runner = runner();
		runner.upgrade();
		runner.downgrade("-1");
		assertThat(query("SELECT version_num FROM alembic_version")).isEqualTo("ea2679878e00");
		try (Connection connection = this.dataSource.getConnection()) {
			assertThat(catalog().read(connection).tables().get("eval_run").columns()).extracting(Schema.Column::name)
				.doesNotContain("config_history_id");
		}
		runner.upgrade();
		assertThat(query("SELECT version_num FROM alembic_version")).isEqualTo(HEAD);
	}

	@Test
	void dbStampFromAlembicRecordsTheDatabaseAtItsVersion(CapturedOutput output) throws Exception {
		loadAlembicDatabase(MIDDLE);
		try (ConfigurableApplicationContext context = SpringApplication.run(io.paig.sample.SampleApplication.class,
				"db", "stamp", "--from-alembic", "--database.url=" + url(), "--database.command.exit=false")) {
			assertThat(context.getBean(DbCommandRunner.class).getExitCode()).isZero();
		}
		assertThat(output).contains("Stamped at " + MIDDLE + ", the revision alembic_version names (nothing was run)");
		assertThat(runner().status().getPendingRevisions()).extracting(Revision::id)
			.containsExactlyElementsOf(AFTER_MIDDLE);
		assertThat(query("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE EXECTYPE <> 'MARK_RAN'")).isEqualTo("0");
	}

	@Test
	void unknownAlembicVersionStopsStartUpAndChangesNothing(CapturedOutput output) throws Exception {
		loadAlembicDatabase(MIDDLE);
		execute("UPDATE alembic_version SET version_num = 'deadbeef0000'");
		SpringApplication application = new SpringApplication(io.paig.sample.SampleApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--database.url=" + url()).close());
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("alembic_version table says 'deadbeef0000'")
			.contains("same ids");
		assertThat(query("SELECT COUNT(*) FROM tag")).isEqualTo("29");
		assertThat(query("SELECT version_num FROM alembic_version")).isEqualTo("deadbeef0000");
	}

	@Test
	void rowsAlembicWroteReadThroughTheApplicationsEntities() throws Exception {
		loadAlembicDatabase(MIDDLE);
		// whole seconds: the sample's entities map PAIG's DATETIME columns without
		// fractions
		LocalDateTime written = LocalDateTime
			.parse(query("SELECT create_time FROM tag WHERE id = 1").substring(0, 19).replace(' ', 'T'));
		SpringApplication application = new SpringApplication(io.paig.sample.SampleApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run("--database.url=" + url())) {
			List<Tag> tags = context.getBean(TagRepository.class).findAll(Sort.by("id"));
			assertThat(tags).hasSize(30);
			assertThat(tags.get(0).getName()).isEqualTo("AU_ABN");
			assertThat(tags.get(0).getType()).isEqualTo(TagType.SYSTEM_DEFINED);
			assertThat(tags.get(0).getCreateTime().truncatedTo(ChronoUnit.SECONDS)).isEqualTo(written);
			assertThat(tags.get(29).getName()).isEqualTo("TOXIC");
		}
	}

	private void assertSchemaAtHead() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			Schema schema = catalog().read(connection);
			Map<String, Schema.Table> tables = new TreeMap<>(schema.tables());
			assertThat(tables.remove("alembic_version")).as("alembic_version").isNotNull();
			assertThat(new Schema(tables, schema.enums(), schema.sequences()).differencesFrom(expectedHead()))
				.isEmpty();
		}
	}

	String query(String sql) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

	void execute(String sql) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	Connection connection() throws SQLException {
		return this.dataSource.getConnection();
	}

	HikariDataSource dataSource() {
		return this.dataSource;
	}

}
