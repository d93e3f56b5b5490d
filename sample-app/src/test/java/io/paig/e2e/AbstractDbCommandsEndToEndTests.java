package io.paig.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.paig.db.actuate.endpoint.MigrationsEndpoint;
import io.paig.db.actuate.endpoint.MigrationsEndpoint.MigrationsDescriptor;
import io.paig.db.command.DbCommandRunner;
import io.paig.db.migration.runner.MigrationRunner;
import io.paig.db.url.JdbcSettings;
import io.paig.db.url.JdbcTranslator;
import io.paig.db.url.SqliteOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Alembic's working sequence through the application itself, against each database by a
 * subclass: add an entity field, autogenerate a revision, upgrade, check, downgrade and
 * upgrade by revision, downgrade to base and up again; a new entity with an index and a
 * foreign key; a column, an index and a foreign key removed, and created again by the
 * downgrade; a changed foreign key and back; the SQL of an upgrade run by hand; stamp.
 *
 * @author paig-db authors
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractDbCommandsEndToEndTests {

	private static final String FIRST = "e2e000000001";

	@TempDir
	Path temp;

	/**
	 * The database.url of an empty database of this test's own.
	 * @return the URL
	 */
	abstract String url();

	/**
	 * Whether a new table's foreign keys are written into its {@code createTable} rather
	 * than as {@code addForeignKeyConstraint}.
	 * @return {@code true} on SQLite, which cannot add a foreign key to an existing table
	 */
	boolean foreignKeysInCreateTable() {
		return false;
	}

	/**
	 * Whether a change SQLite cannot make in place is a table rebuild, with the reverse
	 * rebuild as its rollback.
	 * @return {@code true} on SQLite
	 */
	boolean rebuildsTables() {
		return false;
	}

	/**
	 * Empty the database.
	 * @throws Exception on failure
	 */
	abstract void reset() throws Exception;

	private Path folder() {
		return this.temp.resolve("changelog");
	}

	void firstRevision() throws Exception {
		Files.createDirectories(folder().resolve("revisions"));
		Files.writeString(folder().resolve("revisions/" + FIRST + "_create_widget.yaml"),
				"""
						revision:
						  id: %s
						  parent: null
						  message: create widget
						databaseChangeLog:
						  - changeSet:
						      id: %s-1
						      author: paig-db
						      changes:
						        - createTable:
						            tableName: widget
						            columns:
						              - column: { name: id, type: int, autoIncrement: true, constraints: { primaryKey: true, nullable: false } }
						              - column: { name: name, type: varchar(100), constraints: { nullable: false } }
						"""
					.formatted(FIRST, FIRST));
		Files.writeString(folder().resolve("db.changelog-master.yaml"), """
				databaseChangeLog:
				  - include:
				      file: revisions/%s_create_widget.yaml
				      relativeToChangelogFile: true
				""".formatted(FIRST));
	}

	/**
	 * Run {@code db ...} through an application, as {@code java -jar app.jar db ...}
	 * would.
	 */
	Outcome db(CapturedOutput output, Class<?> application, String... command) {
		int before = output.toString().length();
		List<String> args = new ArrayList<>();
		args.add("db");
		args.addAll(List.of(command));
		args.add("--database.url=" + url());
		args.add("--database.migration.changelog=file:" + folder().resolve("db.changelog-master.yaml"));
		args.add("--database.command.changelog-folder=" + folder());
		args.add("--database.command.exit=false");
		try (ConfigurableApplicationContext context = SpringApplication.run(application, args.toArray(String[]::new))) {
			int code = context.getBean(DbCommandRunner.class).getExitCode();
			return new Outcome(code, output.toString().substring(before));
		}
	}

	/**
	 * What /actuator/migrations says, from the application started normally (no command,
	 * no start-up migration) on the same database.
	 */
	private MigrationsDescriptor endpointDocument(Class<?> application) {
		try (ConfigurableApplicationContext context = new SpringApplication(application).run(
				"--spring.main.web-application-type=none", "--database.migration.on-startup=none",
				"--database.url=" + url(),
				"--database.migration.changelog=file:" + folder().resolve("db.changelog-master.yaml"))) {
			return new MigrationsEndpoint(context.getBean(MigrationRunner.class), context.getBean(DataSource.class),
					null)
				.migrations();
		}
	}

	List<Path> revisionFiles() throws Exception {
		try (Stream<Path> files = Files.list(folder().resolve("revisions"))) {
			return files.sorted().toList();
		}
	}

	private String newestRevisionId(String before) throws Exception {
		return revisionFiles().stream()
			.map((file) -> file.getFileName().toString().substring(0, 12))
			.filter((id) -> !before.contains(id))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void alembicsWorkingSequence(CapturedOutput output) throws Exception {
		reset();
		firstRevision();
		Class<?> v1 = E2eApplications.V1.class;
		Class<?> v2 = E2eApplications.V2.class;
		Class<?> v3 = E2eApplications.V3.class;
		assertThat(db(output, v1, "upgrade", "head").code()).isZero();
		assertThat(db(output, v1, "check").code()).as("v1 entities match the first revision").isZero();

		// add an entity field
		Outcome drift = db(output, v2, "check");
		assertThat(drift.code()).isEqualTo(1);
		assertThat(drift.output()).containsIgnoringCase("color");
		Outcome generated = db(output, v2, "revision", "--autogenerate", "-m", "add color");
		assertThat(generated.code()).as(generated.output()).isZero();
		String second = newestRevisionId(FIRST);
		String secondText = Files.readString(revisionFiles().stream()
			.filter((file) -> file.getFileName().toString().startsWith(second))
			.findFirst()
			.orElseThrow());
		assertThat(secondText).contains("parent: \"" + FIRST + "\"")
			.contains("addColumn:")
			.containsIgnoringCase("color");
		assertThat(db(output, v2, "upgrade", "head").code()).isZero();
		assertThat(db(output, v2, "check").code()).isZero();
		assertThat(db(output, v2, "current").output()).contains(second + " (head)");

		// and back, by count, by revision, to base
		assertThat(db(output, v2, "downgrade", "-1").code()).isZero();
		assertThat(columns("widget")).doesNotContain("color");
		assertThat(db(output, v2, "current").output()).contains(FIRST).doesNotContain("(head)");
		assertThat(db(output, v2, "current", "--check-heads").code()).isEqualTo(1);
		assertThat(db(output, v2, "upgrade", second.substring(0, 6)).code()).isZero();
		assertThat(columns("widget")).contains("color");
		assertThat(db(output, v2, "downgrade", FIRST.substring(0, 8)).code()).isZero();
		assertThat(columns("widget")).doesNotContain("color");
		Outcome unsure = db(output, v2, "downgrade", "base");
		assertThat(unsure.code()).isEqualTo(2);
		assertThat(unsure.output()).contains("--yes");
		assertThat(tableExists("widget")).isTrue();
		assertThat(db(output, v2, "downgrade", "base", "--yes").code()).isZero();
		assertThat(ourTables()).isEmpty();
		assertThat(db(output, v2, "upgrade", "head").code()).isZero();
		assertThat(columns("widget")).contains("color");

		// a new entity with an index and a foreign key
		Outcome gadget = db(output, v3, "revision", "--autogenerate", "-m", "create gadget");
		assertThat(gadget.code()).as(gadget.output()).isZero();
		String third = newestRevisionId(FIRST + second);
		String thirdText = Files.readString(revisionFiles().stream()
			.filter((file) -> file.getFileName().toString().startsWith(third))
			.findFirst()
			.orElseThrow());
		assertThat(thirdText).contains("createTable").contains("gadget").contains("ix_gadget_label");
		if (foreignKeysInCreateTable()) {
			assertThat(thirdText).doesNotContainIgnoringCase("addForeignKeyConstraint")
				.contains("foreignKeyName: fk_gadget_widget")
				.contains("referencedTableName: widget");
		}
		else {
			assertThat(thirdText.toLowerCase(Locale.ROOT)).contains("addforeignkeyconstraint")
				.contains("fk_gadget_widget");
		}
		assertThat(db(output, v3, "upgrade", "head").code()).isZero();
		assertThat(db(output, v3, "check").code()).isZero();
		assertThatForeignKeyIsEnforced();
		assertThat(db(output, v3, "downgrade", "-1").code()).isZero();
		assertThat(tableExists("gadget")).isFalse();
		assertThat(db(output, v3, "upgrade", "head").code()).isZero();
		assertThat(db(output, v3, "revision", "--autogenerate", "-m", "nothing new").output()).contains("No changes");

		// history, heads, show and stamp tell the same story
		Outcome history = db(output, v3, "history");
		assertThat(history.output()).contains(second + " -> " + third + " (head) (current), create gadget")
			.contains("<base> -> " + FIRST + ", create widget");
		assertThat(db(output, v3, "heads").output()).contains(third + " (head)");
		assertThat(db(output, v3, "show", third.substring(0, 5)).output()).contains("Parent: " + second);
		assertThat(db(output, v3, "stamp", FIRST).code()).isZero();
		assertThat(db(output, v3, "current").output()).contains(FIRST);
		MigrationsDescriptor document = endpointDocument(v3);
		assertThat(document.current().id()).isEqualTo(FIRST);
		assertThat(document.head().id()).isEqualTo(third);
		assertThat(document.pending()).extracting(MigrationsEndpoint.RevisionDescriptor::id)
			.containsExactly(second, third);
		assertThat(document.applied()).extracting(MigrationsEndpoint.RevisionDescriptor::id).containsExactly(FIRST);
		assertThat(db(output, v3, "stamp", "head").code()).isZero();
		assertThat(db(output, v3, "current", "--check-heads").code()).isZero();
		assertThat(db(output, v3, "show", "zzzz").code()).isEqualTo(2);
		assertThat(db(output, v3, "upgrade", "+x").code()).isEqualTo(2);
		assertThat(db(output, v3, "frobnicate").code()).isEqualTo(2);
	}

	@Test
	void autogeneratedDropsHaveRollbacksThatCreateTheColumnIndexAndForeignKeyAgain(CapturedOutput output)
			throws Exception {
		reset();
		firstRevision();
		Class<?> v3 = E2eApplications.V3.class;
		Class<?> v5 = E2eApplications.V5.class;
		assertThat(db(output, v3, "upgrade", "head").code()).isZero();
		assertThat(db(output, v3, "revision", "--autogenerate", "-m", "color and gadget").code()).isZero();
		assertThat(db(output, v3, "upgrade", "head").code()).isZero();
		assertThat(nameColumn()).isEqualTo("varchar(100) not null");

		// v5 drops widget.name (NOT NULL), gadget's index and gadget's foreign key
		Outcome generated = db(output, v5, "revision", "--autogenerate", "-m", "drop name, label index, gadget key");
		assertThat(generated.code()).as(generated.output()).isZero();
		String text = revisionText("drop_name");
		assertThat(changeSets(text)).as(text)
			.isNotEmpty()
			.allSatisfy((changeSet) -> assertThat(changeSet).contains("rollback:"));
		if (rebuildsTables()) {
			assertThat(text).contains("Rebuild widget").contains("Rebuild gadget");
		}
		else {
			assertThat(changeSetWith(text, "- dropColumn:")).contains("columnName: name")
				.containsPattern("rollback:\\s+(- )?addColumn:")
				.containsPattern("(?i)type: (character )?varchar\\(100\\)")
				.contains("nullable: false");
			assertThat(changeSetWith(text, "- dropIndex:", "indexName: ix_gadget_label"))
				.containsPattern("rollback:\\s+(- )?createIndex:");
			assertThat(changeSetWith(text, "- dropForeignKeyConstraint:")).contains("constraintName: fk_gadget_widget")
				.containsPattern("rollback:\\s+(- )?addForeignKeyConstraint:")
				.contains("referencedTableName: widget");
		}
		Outcome upgraded = db(output, v5, "upgrade", "head");
		assertThat(upgraded.code()).as(upgraded.output()).isZero();
		assertThat(db(output, v5, "check").code()).as("the database matches the v5 entities").isZero();
		assertThat(columns("widget")).doesNotContain("name");
		assertThat(indexes("gadget")).doesNotContain("ix_gadget_label");
		assertThat(foreignKeys("gadget")).isEmpty();

		Outcome downgraded = db(output, v5, "downgrade", "-1");
		assertThat(downgraded.code()).as(downgraded.output()).isZero();
		assertThat(nameColumn()).as("the column comes back with its type and NOT NULL")
			.isEqualTo("varchar(100) not null");
		assertThat(indexes("gadget")).contains("ix_gadget_label");
		assertThat(foreignKeys("gadget")).containsExactly("widget_id -> widget.id");
		assertThatForeignKeyIsEnforced();
		assertThat(db(output, v5, "upgrade", "head").code()).as("and up again").isZero();
		assertThat(columns("widget")).doesNotContain("name");
		assertThat(db(output, v5, "downgrade", "-1").code()).isZero();
		discardRevision("drop_name");
		Outcome check = db(output, v3, "check");
		assertThat(check.code()).as("the downgrade restores the v3 schema: " + check.output()).isZero();
	}

	@Test
	void anAutogeneratedChangeOfAForeignKeyIsRevertedByDowngrade(CapturedOutput output) throws Exception {
		assumeFalse(rebuildsTables(), "SQLite rebuilds the table, see aChangeSqliteCannotMakeInPlaceIsARebuild...");
		reset();
		firstRevision();
		Class<?> v3 = E2eApplications.V3.class;
		Class<?> v4 = E2eApplications.V4.class;
		assertThat(db(output, v3, "upgrade", "head").code()).isZero();
		assertThat(db(output, v3, "revision", "--autogenerate", "-m", "color and gadget").code()).isZero();
		assertThat(db(output, v3, "upgrade", "head").code()).isZero();

		// v4: widget.name optional, gadget's foreign key ON DELETE CASCADE (a drop and an
		// add of the key)
		Outcome generated = db(output, v4, "revision", "--autogenerate", "-m", "optional name, cascade");
		assertThat(generated.code()).as(generated.output()).isZero();
		String text = revisionText("optional_name");
		assertThat(changeSetWith(text, "- dropForeignKeyConstraint:")).as(text)
			.containsPattern("rollback:\\s+(- )?addForeignKeyConstraint:")
			.as("the old key comes back as it was, without CASCADE")
			.doesNotContain("CASCADE");
		assertThat(changeSetWith(text, "onDelete: CASCADE")).doesNotContain("rollback:")
			.as("the add keeps its derived rollback")
			.doesNotContain("- dropForeignKeyConstraint:");
		Outcome upgraded = db(output, v4, "upgrade", "head");
		assertThat(upgraded.code()).as(upgraded.output()).isZero();
		assertThat(db(output, v4, "check").code()).isZero();
		assertThat(deleteRule("gadget")).isEqualTo(DatabaseMetaData.importedKeyCascade);

		Outcome downgraded = db(output, v4, "downgrade", "-1");
		assertThat(downgraded.code()).as(downgraded.output()).isZero();
		assertThat(deleteRule("gadget")).as("the key is back without ON DELETE CASCADE")
			.isNotEqualTo(DatabaseMetaData.importedKeyCascade);
		assertThat(nameColumn()).isEqualTo("varchar(100) not null");
		discardRevision("optional_name");
		Outcome check = db(output, v3, "check");
		assertThat(check.code()).as("the downgrade restores the v3 schema: " + check.output()).isZero();
	}

	@Test
	void sqlOfAnUpgradeRunsWhenFedToTheDatabaseByHand(CapturedOutput output) throws Exception {
		reset();
		firstRevision();
		Outcome sql = db(output, E2eApplications.V1.class, "upgrade", "head", "--sql");
		assertThat(sql.code()).isZero();
		assertThat(sql.output()).containsIgnoringCase("CREATE TABLE").containsIgnoringCase("widget");
		assertThat(tableExists("widget")).as("--sql runs nothing").isFalse();
		runScript(sql.output());
		assertThat(tableExists("widget")).isTrue();
		assertThat(db(output, E2eApplications.V1.class, "current", "--check-heads").code()).isZero();
	}

	private String revisionText(String slug) throws Exception {
		Path file = revisionFiles().stream()
			.filter((path) -> path.getFileName().toString().contains(slug))
			.findFirst()
			.orElseThrow();
		return Files.readString(file);
	}

	/**
	 * Delete a revision file and its include from the master changelog, as a developer
	 * drops a revision after reverting it.
	 */
	private void discardRevision(String slug) throws Exception {
		Path file = revisionFiles().stream()
			.filter((path) -> path.getFileName().toString().contains(slug))
			.findFirst()
			.orElseThrow();
		Files.delete(file);
		Path master = folder().resolve("db.changelog-master.yaml");
		String include = "  - include:\n      file: revisions/" + file.getFileName()
				+ "\n      relativeToChangelogFile: true\n";
		String text = Files.readString(master);
		assertThat(text).contains(include);
		Files.writeString(master, text.replace(include, ""));
	}

	private static List<String> changeSets(String text) {
		List<String> changeSets = new ArrayList<>(List.of(text.split("(?m)^  - changeSet:")));
		changeSets.remove(0);
		return changeSets;
	}

	private static String changeSetWith(String text, String... parts) {
		return changeSets(text).stream()
			.filter((changeSet) -> Stream.of(parts).allMatch(changeSet::contains))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No changeset with " + List.of(parts) + " in\n" + text));
	}

	/**
	 * widget.name as the catalog has it: type, size and nullability.
	 */
	private String nameColumn() throws Exception {
		try (Connection connection = connect();
				var result = connection.getMetaData()
					.getColumns(connection.getCatalog(), schema(connection), "widget", "name")) {
			assertThat(result.next()).as("widget.name exists").isTrue();
			String type = result.getString("TYPE_NAME")
				.toLowerCase(Locale.ROOT)
				.replace("character varying", "varchar");
			return type + "(" + result.getInt("COLUMN_SIZE") + ")"
					+ ((result.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls) ? " not null" : " null");
		}
	}

	private List<String> indexes(String table) throws Exception {
		List<String> indexes = new ArrayList<>();
		try (Connection connection = connect();
				var result = connection.getMetaData()
					.getIndexInfo(connection.getCatalog(), schema(connection), table, false, false)) {
			while (result.next()) {
				if (result.getString("INDEX_NAME") != null) {
					indexes.add(result.getString("INDEX_NAME").toLowerCase(Locale.ROOT));
				}
			}
		}
		return indexes;
	}

	private List<String> foreignKeys(String table) throws Exception {
		List<String> keys = new ArrayList<>();
		try (Connection connection = connect();
				var result = connection.getMetaData()
					.getImportedKeys(connection.getCatalog(), schema(connection), table)) {
			while (result.next()) {
				keys.add(result.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT) + " -> "
						+ result.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT) + "."
						+ result.getString("PKCOLUMN_NAME").toLowerCase(Locale.ROOT));
			}
		}
		return keys;
	}

	private int deleteRule(String table) throws Exception {
		try (Connection connection = connect();
				var result = connection.getMetaData()
					.getImportedKeys(connection.getCatalog(), schema(connection), table)) {
			assertThat(result.next()).as(table + " has a foreign key").isTrue();
			return result.getInt("DELETE_RULE");
		}
	}

	private void assertThatForeignKeyIsEnforced() throws Exception {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			assertThatExceptionOfType(SQLException.class).as("a gadget of no widget")
				.isThrownBy(() -> statement
					.executeUpdate("INSERT INTO gadget (label, widget_id) VALUES ('orphan', 999999)"));
		}
	}

	private void runScript(String output) throws Exception {
		StringBuilder script = new StringBuilder();
		for (String line : output.split("\n")) {
			// log lines, and a stack trace another thread of this test JVM may print
			// meanwhile, are not SQL
			if (!line.matches("^\\d{4}-\\d{2}-\\d{2}T.*") && !line.startsWith("--") && !line.matches("^\\s+at .*")
					&& !line.matches("^(Caused by: )?[a-z][\\w.$]*\\.[A-Z]\\w*(Exception|Error)\\b.*")
					&& !line.matches("^\\s*\\.\\.\\. \\d+ more$")) {
				script.append(line).append('\n');
			}
		}
		JdbcSettings jdbc = new JdbcTranslator(SqliteOptions.DEFAULTS, null).translate(url(), null, null);
		try (Connection connection = DriverManager.getConnection(jdbc.jdbcUrl(), jdbc.username(), jdbc.password());
				Statement statement = connection.createStatement()) {
			for (String sql : script.toString().split(";\\s*\n")) {
				if (!sql.isBlank()) {
					statement.execute(sql);
				}
			}
		}
	}

	Connection connect() throws Exception {
		JdbcSettings jdbc = new JdbcTranslator(SqliteOptions.DEFAULTS, null).translate(url(), null, null);
		return DriverManager.getConnection(jdbc.jdbcUrl(), jdbc.username(), jdbc.password());
	}

	private boolean tableExists(String table) throws Exception {
		return ourTables().contains(table) || allTables().contains(table);
	}

	private List<String> allTables() throws Exception {
		List<String> tables = new ArrayList<>();
		try (Connection connection = connect();
				var result = connection.getMetaData()
					.getTables(connection.getCatalog(), schema(connection), "%", new String[] { "TABLE" })) {
			while (result.next()) {
				tables.add(result.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
			}
		}
		return tables;
	}

	private List<String> ourTables() throws Exception {
		return allTables().stream().filter((table) -> !table.startsWith("databasechangelog")).toList();
	}

	private static String schema(Connection connection) {
		try {
			return connection.getSchema();
		}
		catch (Exception ex) {
			return null;
		}
	}

	private List<String> columns(String table) throws Exception {
		List<String> columns = new ArrayList<>();
		try (Connection connection = connect();
				var result = connection.getMetaData()
					.getColumns(connection.getCatalog(), schema(connection), table, null)) {
			while (result.next()) {
				columns.add(result.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
			}
		}
		return columns;
	}

	record Outcome(int code, String output) {
	}

}
