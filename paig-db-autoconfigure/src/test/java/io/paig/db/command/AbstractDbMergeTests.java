package io.paig.db.command;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import io.paig.db.migration.MigrationException;
import io.paig.db.migration.MigrationRun;
import io.paig.db.migration.MigrationSettings;
import io.paig.db.migration.Revision;
import io.paig.db.migration.runner.MigrationRunner;
import io.paig.db.testsupport.Changelogs;
import io.paig.db.url.JdbcSettings;
import io.paig.db.url.JdbcTranslator;
import io.paig.db.url.SqliteOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code db merge} on a history where two branches each added a revision after the same
 * parent, on a real database: start-up's check refuses the history and names the command,
 * the command makes it one line again, and the next upgrade applies what the database has
 * not run of either branch, including when it already applied one of them.
 *
 * @author paig-db authors
 */
abstract class AbstractDbMergeTests {

	private static final String USERS = """
			  - changeSet:
			      id: create-users
			      author: paig
			      changes:
			        - createTable:
			            tableName: users
			            columns:
			              - column: { name: id, type: int }
			""";

	@TempDir
	Path temp;

	private final List<HikariDataSource> dataSources = new ArrayList<>();

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	/**
	 * The test database's URL.
	 * @return the URL
	 */
	abstract String url();

	/**
	 * Empty the test database.
	 * @throws Exception on a database error
	 */
	abstract void reset() throws Exception;

	@BeforeEach
	void resetDatabase() throws Exception {
		reset();
	}

	@AfterEach
	void closeDataSources() {
		this.dataSources.forEach(HikariDataSource::close);
	}

	@Test
	void twoHeadsAreRefusedWithTheCommandNamedThenMergedAndBothBranchesApplied() throws Exception {
		Changelogs changelogs = base();
		runner(changelogs).upgrade();
		branch(changelogs, "bbbb00000001", "add tags", "tags");
		branch(changelogs, "cccc00000001", "add notes", "notes");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> runner(changelogs).upgrade())
			.satisfies((ex) -> assertThat(ex.getDescription()).contains("two heads"))
			.satisfies((ex) -> assertThat(ex.getAction()).contains("db merge"));
		assertThat(db(changelogs, "merge")).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains(
				"Merged: revision cccc00000001 'add notes' now follows bbbb00000001 (its parent was aaaa00000001)");
		assertThat(Files.readString(changelogs.folder().resolve("revisions/cccc00000001_add_notes.yaml")))
			.contains("parent: \"bbbb00000001\"")
			.contains("id: cccc00000001");
		MigrationRun run = runner(changelogs).upgrade();
		assertThat(run.applied()).extracting(Revision::id).containsExactly("bbbb00000001", "cccc00000001");
		assertThat(query("select count(*) from tags")).isEqualTo("0");
		assertThat(query("select count(*) from notes")).isEqualTo("0");
		assertThat(runner(changelogs).status().isUpToDate()).isTrue();
	}

	@Test
	void aDatabaseThatAppliedTheLaterBranchGetsTheOtherAtTheNextUpgrade() throws Exception {
		Changelogs changelogs = base();
		branch(changelogs, "cccc00000001", "add notes", "notes");
		runner(changelogs).upgrade();
		// the other branch arrives before it in the master changelog, as a merge of both
		// branches' includes would put it
		Path master = changelogs.folder().resolve("db.changelog-master.yaml");
		String text = Files.readString(master);
		String notes = "  - include:\n      file: revisions/cccc00000001_add_notes.yaml\n"
				+ "      relativeToChangelogFile: true\n";
		changelogs.plain("revisions/bbbb00000001_add_tags.yaml", revision("bbbb00000001", "add tags", "tags"));
		String merged = Files.readString(master).replace(notes, "") + notes;
		Files.writeString(master, merged);
		assertThat(text).contains(notes);
		assertThat(db(changelogs, "merge", "heads")).isZero();
		MigrationRun run = runner(changelogs).upgrade();
		assertThat(run.applied()).extracting(Revision::id).containsExactly("bbbb00000001");
		assertThat(query("select count(*) from DATABASECHANGELOG where ID = 'create-notes'")).isEqualTo("1");
		assertThat(query("select count(*) from DATABASECHANGELOG where ID = 'create-tags'")).isEqualTo("1");
		assertThat(runner(changelogs).status().isUpToDate()).isTrue();
		assertThat(runner(changelogs).status().getCurrent().id()).isEqualTo("cccc00000001");
	}

	@Test
	void aOneLineHistoryHasNothingToMerge() throws Exception {
		Changelogs changelogs = base();
		assertThat(db(changelogs, "merge")).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8))
			.contains("Nothing to merge: the history is one line, with one head (aaaa00000001)");
		assertThat(db(changelogs, "merge", "aaaa")).isEqualTo(DbCommands.USAGE);
	}

	private Changelogs base() {
		return new Changelogs(this.temp.resolve("changelog")).revision("aaaa00000001", "create users", USERS);
	}

	private void branch(Changelogs changelogs, String id, String message, String table) {
		changelogs.plain("revisions/" + id + "_" + message.replace(' ', '_') + ".yaml", revision(id, message, table));
	}

	private static String revision(String id, String message, String table) {
		return "revision:\n  id: " + id + "\n  parent: aaaa00000001\n  message: \"" + message + "\"\n"
				+ "databaseChangeLog:\n  - changeSet:\n      id: create-" + table + "\n      author: paig\n"
				+ "      changes:\n        - createTable:\n            tableName: " + table + "\n"
				+ "            columns:\n              - column: { name: id, type: int }\n";
	}

	private int db(Changelogs changelogs, String... args) {
		RevisionWriter writer = new RevisionWriter(changelogs.folder(), "db.changelog-master.yaml");
		DbCommands commands = new DbCommands(runner(changelogs), writer, () -> null, List.of(),
				new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
		return commands.run(List.of(args));
	}

	private MigrationRunner runner(Changelogs changelogs) {
		return new MigrationRunner(dataSource(), MigrationSettings.of(changelogs.location()),
				new DefaultResourceLoader());
	}

	private HikariDataSource dataSource() {
		JdbcSettings jdbc = new JdbcTranslator(SqliteOptions.DEFAULTS, null).translate(url(), null, null);
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(jdbc.jdbcUrl());
		dataSource.setUsername(jdbc.username());
		dataSource.setPassword(jdbc.password());
		dataSource.setMaximumPoolSize(2);
		this.dataSources.add(dataSource);
		return dataSource;
	}

	private String query(String sql) throws SQLException {
		try (Connection connection = dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

}
