package io.paig.db.autogenerate;

import java.nio.file.Path;

import io.paig.db.migration.MigrationException;
import io.paig.db.testsupport.TestDatabase;
import io.paig.db.url.JdbcSettings;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.Comment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link HibernateSchemaComparison} on MariaDB (or MySQL), end to end.
 *
 * @author paig-db authors
 */
class HibernateSchemaComparisonMariaDbTests extends AbstractHibernateSchemaComparisonTests {

	private static final String COLUMN = "SELECT CONCAT(COLUMN_TYPE, ' ', IS_NULLABLE, ' ', COLUMN_DEFAULT, ' ', "
			+ "COLUMN_COMMENT) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() "
			+ "AND TABLE_NAME = 'widget' AND COLUMN_NAME = 'color'";

	private static final String COLUMNS = "SELECT CONCAT(COLUMN_NAME, ' ', COLUMN_TYPE, ' ', IS_NULLABLE, ' ', "
			+ "COALESCE(COLUMN_DEFAULT, '-'), ' ', EXTRA, ' ', COLUMN_COMMENT) FROM information_schema.COLUMNS "
			+ "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'gadget' ORDER BY COLUMN_NAME";

	@RegisterExtension
	static final TestDatabase database = TestDatabase.mysql();

	@Override
	EntitySchemas emptyDatabase(Path folder) throws Exception {
		database.reset();
		JdbcSettings jdbc = database.jdbc();
		return new EntitySchemas(jdbc.jdbcUrl(), jdbc.username(), jdbc.password(),
				"org.hibernate.dialect.MariaDBDialect", folder);
	}

	@Override
	String intType() {
		return "INT";
	}

	@Override
	String nextValue(String sequence) {
		return "NEXT VALUE FOR `" + sequence + "`";
	}

	@Override
	String commentChange() {
		// the column's whole definition: Liquibase's setColumnRemarks would drop the rest
		return "ALTER TABLE `widget` MODIFY COLUMN `state` varchar(20) COMMENT";
	}

	@Test
	void entityInAnotherDatabaseStopsTheComparisonBeforeAnythingIsCreated() throws Exception {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> this.schemas.revise(Plain.class, InOtherDatabase.class))
			.satisfies((ex) -> assertThat(ex.getDescription())
				.startsWith("The JPA entities map tables or sequences to the catalog 'paig_db_elsewhere' "
						+ "(HibernateSchemaComparisonMariaDbTests.InOtherDatabase), other than the one the revisions run in ('"));
		assertThat(this.schemas.query("SELECT count(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = "
				+ "'paig_db_elsewhere' OR TABLE_SCHEMA = DATABASE()"))
			.as("nothing was created")
			.containsExactly("0");
	}

	@Test
	void enumValuesAddedAndRemovedKeepTheColumnsNotNullDefaultAndCommentEachWithItsRollback() throws Exception {
		SchemaComparison.Result created = this.schemas.revise(TwoColors.class);
		assertThat(created.changeSets()).contains("type: ENUM('GREEN', 'RED')");
		this.schemas.upgrade();
		assertThat(this.schemas.compare(TwoColors.class).differences()).isEmpty();
		this.schemas.execute("INSERT INTO widget (id, color) VALUES (1, 'RED')");
		SchemaComparison.Result added = this.schemas.revise(MoreColors.class);
		assertThat(added.differences())
			.containsExactly("change ENUM of column widget.color: add value(s) 'BLUE', 'ORANGE'");
		assertThat(added.changeSets()).doesNotContain("modifyDataType")
			.contains("ALTER TABLE `widget` MODIFY COLUMN `color` ENUM('BLUE','GREEN','ORANGE','RED')")
			.contains("ALTER TABLE `widget` MODIFY COLUMN `color` enum('GREEN','RED') NOT NULL");
		assertThat(added.warnings()).isEmpty();
		upgradeAndCheck(MoreColors.class, TwoColors.class);
		assertThat(this.schemas.query(COLUMN))
			.containsExactly("enum('BLUE','GREEN','ORANGE','RED') NO 'GREEN' The color");
		SchemaComparison.Result removed = this.schemas.revise(TwoColors.class);
		assertThat(removed.differences())
			.containsExactly("change ENUM of column widget.color: remove value(s) 'BLUE', 'ORANGE'");
		assertThat(removed.warnings()).singleElement()
			.asString()
			.startsWith("value(s) 'BLUE', 'ORANGE' removed from ENUM column 'widget.color': rows holding them make "
					+ "the upgrade fail");
		assertThat(removed.changeSets()).startsWith("  # WARNING: value(s) 'BLUE', 'ORANGE' removed");
		upgradeAndCheck(TwoColors.class, MoreColors.class);
		assertThat(this.schemas.query(COLUMN)).containsExactly("enum('GREEN','RED') NO 'GREEN' The color");
		downgradeAndCheck(MoreColors.class);
		assertThat(this.schemas.query(COLUMN))
			.containsExactly("enum('BLUE','GREEN','ORANGE','RED') NO 'GREEN' The color");
		downgradeAndCheck(TwoColors.class);
		assertThat(this.schemas.query(COLUMN)).containsExactly("enum('GREEN','RED') NO 'GREEN' The color");
		assertThat(this.schemas.query("SELECT color FROM widget")).containsExactly("RED");
	}

	@Test
	void typeNullabilityAndCommentChangesKeepEverythingElseTheColumnHasEachWithItsRollback() throws Exception {
		this.schemas.revise(ShortName.class);
		this.schemas.upgrade();
		this.schemas.execute("INSERT INTO gadget (name) VALUES ('one')");
		SchemaComparison.Result longer = this.schemas.revise(LongName.class);
		assertThat(flat(longer.changeSets())).doesNotContain("modifyDataType")
			.contains("sql: ALTER TABLE `gadget` MODIFY COLUMN `id` bigint NOT NULL AUTO_INCREMENT")
			.contains("sql: ALTER TABLE `gadget` MODIFY COLUMN `id` int(11) NOT NULL AUTO_INCREMENT")
			.contains("sql: ALTER TABLE `gadget` MODIFY COLUMN `name` varchar(40) NOT NULL DEFAULT 'none' COMMENT "
					+ "'The name'")
			.contains("sql: ALTER TABLE `gadget` MODIFY COLUMN `name` varchar(20) NOT NULL DEFAULT 'none' COMMENT "
					+ "'The name'");
		assertThat(longer.differences()).containsExactly("change column gadget.id: type int(11) -> bigint",
				"change column gadget.name: type varchar(20) -> varchar(40)");
		upgradeAndCheck(LongName.class, ShortName.class);
		assertThat(this.schemas.query(COLUMNS)).containsExactly("id bigint(20) NO - auto_increment ",
				"name varchar(40) NO 'none'  The name");
		this.schemas.execute("INSERT INTO gadget (name) VALUES ('two')");
		SchemaComparison.Result optional = this.schemas.revise(OptionalName.class);
		assertThat(flat(optional.changeSets())).doesNotContain("dropNotNullConstraint")
			.doesNotContain("setColumnRemarks")
			.contains("sql: ALTER TABLE `gadget` MODIFY COLUMN `name` varchar(40) DEFAULT 'none' COMMENT "
					+ "'What it is called'")
			.contains("sql: ALTER TABLE `gadget` MODIFY COLUMN `name` varchar(40) NOT NULL DEFAULT 'none' COMMENT "
					+ "'The name'");
		assertThat(optional.differences())
			.containsExactly("change column gadget.name: NOT NULL dropped, comment 'What it is called'");
		upgradeAndCheck(OptionalName.class, LongName.class);
		assertThat(this.schemas.query(COLUMNS)).containsExactly("id bigint(20) NO - auto_increment ",
				"name varchar(40) YES 'none'  What it is called");
		downgradeAndCheck(LongName.class);
		downgradeAndCheck(ShortName.class);
		assertThat(this.schemas.query(COLUMNS)).containsExactly("id int(11) NO - auto_increment ",
				"name varchar(20) NO 'none'  The name");
		this.schemas.execute("INSERT INTO gadget (name) VALUES ('three')");
		assertThat(this.schemas.query("SELECT name FROM gadget ORDER BY id")).containsExactly("one", "two", "three");
	}

	@Test
	void columnChangedInPlaceKeepsItsOwnCollationAndOnUpdateClause() throws Exception {
		this.schemas.execute("CREATE TABLE part (id INT NOT NULL PRIMARY KEY, "
				+ "code VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL, "
				+ "touched TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP)");
		SchemaComparison.Result changed = this.schemas.revise(Part.class);
		String sql = flat(changed.changeSets());
		assertThat(sql).contains("MODIFY COLUMN `code` varchar(40) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL")
			.containsPattern("MODIFY COLUMN `touched` timestamp NOT NULL DEFAULT current_timestamp(\\(\\))? "
					+ "(?i:ON UPDATE current_timestamp)(\\(\\))? COMMENT 'Last change'");
		this.schemas.upgrade();
		assertThat(this.schemas.compare(Part.class).differences()).isEmpty();
		assertThat(this.schemas
			.query("SELECT CONCAT(COLUMN_NAME, ' ', COLUMN_TYPE, ' ', COALESCE(COLLATION_NAME, '-'), "
					+ "' ', IS_NULLABLE, ' ', LOWER(EXTRA)) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() "
					+ "AND TABLE_NAME = 'part' AND COLUMN_NAME <> 'id' ORDER BY COLUMN_NAME"))
			.containsExactly("code varchar(40) utf8mb4_bin NO ",
					"touched timestamp - NO on update current_timestamp()");
		this.schemas.downgrade();
		assertThat(this.schemas
			.query("SELECT CONCAT(COLUMN_NAME, ' ', COLUMN_TYPE, ' ', COALESCE(COLLATION_NAME, '-'), "
					+ "' ', LOWER(EXTRA), ' ', COLUMN_COMMENT) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() "
					+ "AND TABLE_NAME = 'part' AND COLUMN_NAME <> 'id' ORDER BY COLUMN_NAME"))
			.containsExactly("code varchar(20) utf8mb4_bin  ", "touched timestamp - on update current_timestamp() ");
	}

	@Test
	void quotesAndBackslashesInADefaultSurviveTheTableTheModifyAndTheRollback() throws Exception {
		assertThat(this.schemas.revise(QuotedShort.class).changeSets()).contains("defaultValue: O'Brien")
			.contains("defaultValue: C:\\temp");
		this.schemas.upgrade();
		assertThat(this.schemas.compare(QuotedShort.class).differences()).isEmpty();
		SchemaComparison.Result longer = this.schemas.revise(QuotedLong.class);
		assertThat(longer.differences()).containsExactlyInAnyOrder(
				"change column quoted.owner: type varchar(20) -> varchar(30)",
				"change column quoted.home: type varchar(20) -> varchar(30)");
		upgradeAndCheck(QuotedLong.class, QuotedShort.class);
		this.schemas.execute("INSERT INTO quoted (id) VALUES (1)");
		assertThat(this.schemas.query("SELECT CONCAT(owner, '|', home) FROM quoted"))
			.containsExactly("O'Brien|C:\\temp");
		downgradeAndCheck(QuotedShort.class);
		this.schemas.execute("INSERT INTO quoted (id) VALUES (2)");
		assertThat(this.schemas.query("SELECT CONCAT(owner, '|', home) FROM quoted WHERE id = 2"))
			.containsExactly("O'Brien|C:\\temp");
	}

	@Test
	void commentWithAQuoteThatHibernateWritesUnescapedStopsTheComparison() {
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> this.schemas.revise(QuotedComment.class))
			.satisfies((ex) -> assertThat(ex.getDescription()).containsIgnoringCase("create table quoted"));
	}

	/**
	 * A code that gets longer, and a time of last change that gets a comment: the table
	 * itself made by hand, with what the entities cannot say.
	 */
	@Entity
	@Table(name = "part")
	static class Part {

		@Id
		Integer id;

		@Column(length = 40, nullable = false)
		String code;

		@Column(nullable = false,
				columnDefinition = "timestamp not null default current_timestamp on update current_timestamp")
		@Comment("Last change")
		java.sql.Timestamp touched;

	}

	/**
	 * A comment with a quote.
	 */
	@Entity
	@Table(name = "quoted")
	static class QuotedComment {

		@Id
		Integer id;

		@Comment("it's")
		String owner;

	}

	/**
	 * Defaults with a quote and a backslash.
	 */
	@Entity
	@Table(name = "quoted")
	static class QuotedShort {

		@Id
		Integer id;

		@Column(length = 20, nullable = false)
		@ColumnDefault("'O''Brien'")
		String owner;

		@Column(length = 20, nullable = false)
		@ColumnDefault("'C:\\\\temp'")
		String home;

	}

	/**
	 * The same, longer.
	 */
	@Entity
	@Table(name = "quoted")
	static class QuotedLong {

		@Id
		Integer id;

		@Column(length = 30, nullable = false)
		@ColumnDefault("'O''Brien'")
		String owner;

		@Column(length = 30, nullable = false)
		@ColumnDefault("'C:\\\\temp'")
		String home;

	}

	/**
	 * A short name, with a default and a comment, and an identity key.
	 */
	@Entity
	@Table(name = "gadget")
	static class ShortName {

		@Id
		@GeneratedValue(strategy = GenerationType.IDENTITY)
		Integer id;

		@Column(length = 20, nullable = false)
		@ColumnDefault("'none'")
		@Comment("The name")
		String name;

	}

	/**
	 * A longer name, and a wider key.
	 */
	@Entity
	@Table(name = "gadget")
	static class LongName {

		@Id
		@GeneratedValue(strategy = GenerationType.IDENTITY)
		Long id;

		@Column(length = 40, nullable = false)
		@ColumnDefault("'none'")
		@Comment("The name")
		String name;

	}

	/**
	 * The name optional, with another comment.
	 */
	@Entity
	@Table(name = "gadget")
	static class OptionalName {

		@Id
		@GeneratedValue(strategy = GenerationType.IDENTITY)
		Long id;

		@Column(length = 40)
		@ColumnDefault("'none'")
		@Comment("What it is called")
		String name;

	}

	/**
	 * Two colors, an inline {@code ENUM} as Hibernate maps an enum on MariaDB.
	 */
	@Entity
	@Table(name = "widget")
	static class TwoColors {

		@Id
		Integer id;

		@Enumerated(EnumType.STRING)
		@Column(nullable = false)
		@ColumnDefault("'GREEN'")
		@Comment("The color")
		Color color;

		enum Color {

			RED, GREEN

		}

	}

	/**
	 * Two colors more.
	 */
	@Entity
	@Table(name = "widget")
	static class MoreColors {

		@Id
		Integer id;

		@Enumerated(EnumType.STRING)
		@Column(nullable = false)
		@ColumnDefault("'GREEN'")
		@Comment("The color")
		Color color;

		enum Color {

			RED, BLUE, GREEN, ORANGE

		}

	}

	/**
	 * An event in another database.
	 */
	@Entity
	@Table(catalog = "paig_db_elsewhere", name = "event")
	static class InOtherDatabase {

		@Id
		Integer id;

	}

}
