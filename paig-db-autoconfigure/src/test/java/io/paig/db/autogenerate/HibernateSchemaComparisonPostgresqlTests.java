package io.paig.db.autogenerate;

import java.nio.file.Path;

import io.paig.db.migration.MigrationException;
import io.paig.db.testsupport.TestDatabase;
import io.paig.db.url.JdbcSettings;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link HibernateSchemaComparison} on PostgreSQL, end to end.
 *
 * @author paig-db authors
 */
class HibernateSchemaComparisonPostgresqlTests extends AbstractHibernateSchemaComparisonTests {

	private static final String LABELS = "SELECT e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid "
			+ "WHERE t.typname = 'color' ORDER BY e.enumsortorder";

	@RegisterExtension
	static final TestDatabase database = TestDatabase.postgresql();

	@Override
	EntitySchemas emptyDatabase(Path folder) throws Exception {
		database.reset();
		JdbcSettings jdbc = database.jdbc();
		return new EntitySchemas(jdbc.jdbcUrl(), jdbc.username(), jdbc.password(), null, folder);
	}

	@Test
	void entityNamingTheSchemaTheRevisionsRunInIsComparedInTheScratch() throws Exception {
		SchemaComparison.Result created = this.schemas.revise(InPublic.class, InCatalog.class);
		// PostgreSQL's names have no catalog: Hibernate leaves it out
		assertThat(created.differences()).containsExactlyInAnyOrder("create table widget (id, state)",
				"create table gadget (id)");
		assertThat(this.schemas.query("SELECT count(*) FROM information_schema.tables WHERE table_name = 'widget'"))
			.as("the scratch export created nothing in the real schema")
			.containsExactly("0");
		this.schemas.upgrade();
		this.schemas.execute("INSERT INTO widget (id, state) VALUES (1, 'new')");
		assertThat(this.schemas.compare(InPublic.class, InCatalog.class).differences()).isEmpty();
		assertThat(this.schemas.query("SELECT state FROM widget")).containsExactly("new");
	}

	@Test
	void entityInAnotherSchemaStopsTheComparisonBeforeAnythingIsCreated() throws Exception {
		this.schemas.execute("CREATE SCHEMA IF NOT EXISTS audit");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> this.schemas.revise(AbstractHibernateSchemaComparisonTests.Plain.class, InAudit.class))
			.satisfies((ex) -> {
				assertThat(ex.getDescription())
					.startsWith("The JPA entities map tables or sequences to the schema 'audit' "
							+ "(HibernateSchemaComparisonPostgresqlTests.InAudit), other "
							+ "than the one the revisions run in ('public')");
				assertThat(ex.getAction()).contains("write the revisions for 'audit' by hand");
			});
		assertThat(this.schemas
			.query("SELECT count(*) FROM information_schema.tables WHERE table_schema IN ('audit', 'public')"))
			.as("nothing was created")
			.containsExactly("0");
	}

	@Test
	void enumTypeCreatedGivenValuesLosingThemAndDroppedEachWithItsRollback() throws Exception {
		this.schemas.revise(Bare.class);
		this.schemas.upgrade();
		SchemaComparison.Result created = this.schemas.revise(TwoColors.class);
		assertThat(created.differences()).containsExactly("create enum type color ('GREEN', 'RED')",
				"add column widget.color COLOR");
		assertThat(created.changeSets()).contains("CREATE TYPE \"color\" AS ENUM ('GREEN', 'RED')")
			.contains("DROP TYPE \"color\"");
		upgradeAndCheck(TwoColors.class, Bare.class);
		this.schemas.execute("INSERT INTO widget (id, color) VALUES (1, 'RED')");
		SchemaComparison.Result added = this.schemas.revise(MoreColors.class);
		assertThat(added.differences()).singleElement()
			.asString()
			.startsWith("add value(s) ('BLUE', 'ORANGE') to enum type color");
		assertThat(added.changeSets()).contains("ALTER TYPE \"color\" ADD VALUE 'BLUE' BEFORE 'GREEN'")
			.contains("ALTER TYPE \"color\" ADD VALUE 'ORANGE' AFTER 'GREEN'")
			.contains("ALTER TYPE \"color\" RENAME TO \"color_paig_old\"");
		assertThat(added.warnings()).isEmpty();
		upgradeAndCheck(MoreColors.class, TwoColors.class);
		assertThat(this.schemas.query(LABELS)).containsExactly("BLUE", "GREEN", "ORANGE", "RED");
		SchemaComparison.Result removed = this.schemas.revise(TwoColors.class);
		assertThat(removed.differences()).singleElement()
			.asString()
			.startsWith("remove value(s) ('BLUE', 'ORANGE') of enum type color by making it again");
		assertThat(removed.warnings()).containsExactly(
				"value(s) ('BLUE', 'ORANGE') removed from enum type 'color' used by widget.color: rows holding them "
						+ "make the upgrade fail; update them first");
		assertThat(removed.changeSets())
			.startsWith("  # WARNING: value(s) ('BLUE', 'ORANGE') removed from enum type 'color'")
			.contains("ALTER TABLE \"widget\" ALTER COLUMN \"color\" TYPE \"color\" USING \"color\"::text::\"color\"")
			.contains("SET DEFAULT 'GREEN'::color");
		upgradeAndCheck(TwoColors.class, MoreColors.class);
		assertThat(this.schemas.query(LABELS)).containsExactly("GREEN", "RED");
		assertThat(this.schemas.query("SELECT color FROM widget")).containsExactly("RED");
		SchemaComparison.Result dropped = this.schemas.revise(Bare.class);
		assertThat(dropped.differences()).containsExactly("drop column widget.color",
				"drop enum type color ('GREEN', 'RED')");
		upgradeAndCheck(Bare.class, TwoColors.class);
		assertThat(this.schemas.query(LABELS)).isEmpty();
		downgradeAndCheck(TwoColors.class);
		downgradeAndCheck(MoreColors.class);
		assertThat(this.schemas.query(LABELS)).containsExactly("BLUE", "GREEN", "ORANGE", "RED");
		downgradeAndCheck(TwoColors.class);
		assertThat(this.schemas.query(LABELS)).containsExactly("GREEN", "RED");
		// the dropped column came back with its default, and kept it through the type's
		// rollbacks
		assertThat(this.schemas.query("SELECT color FROM widget")).containsExactly("GREEN");
		downgradeAndCheck(Bare.class);
		assertThat(this.schemas.query(LABELS)).isEmpty();
	}

	@Test
	void enumValueAddedAndUsedAsTheDefaultInOneRevisionMakesTheTypeAgain() throws Exception {
		this.schemas.revise(TwoColors.class);
		this.schemas.upgrade();
		this.schemas.execute("INSERT INTO widget (id, color) VALUES (1, 'RED')");
		SchemaComparison.Result added = this.schemas.revise(ThreeColorsBlueByDefault.class);
		assertThat(added.changeSets()).doesNotContain("ADD VALUE").contains("RENAME TO \"color_paig_old\"");
		upgradeAndCheck(ThreeColorsBlueByDefault.class, TwoColors.class);
		this.schemas.execute("INSERT INTO widget (id) VALUES (2)");
		assertThat(this.schemas.query("SELECT color FROM widget ORDER BY id")).containsExactly("RED", "BLUE");
		assertThat(this.schemas.query(LABELS)).containsExactly("BLUE", "GREEN", "RED");
		this.schemas.execute("DELETE FROM widget WHERE id = 2");
		downgradeAndCheck(TwoColors.class);
		assertThat(this.schemas.query(LABELS)).containsExactly("GREEN", "RED");
	}

	@Test
	void enumTypeWrittenInTheDeclaredOrderIsNoDifference() throws Exception {
		this.schemas.revise(Bare.class);
		this.schemas.upgrade();
		this.schemas.execute("CREATE TYPE color AS ENUM ('RED', 'GREEN')",
				"ALTER TABLE widget ADD COLUMN color color DEFAULT 'GREEN'");
		assertThat(this.schemas.compare(TwoColors.class).differences()).isEmpty();
	}

	@Test
	void plainEnumIsAVarcharWithACheckThatFollowsItsValues() throws Exception {
		this.schemas.revise(PlainTwoColors.class);
		upgradeAndCheck(PlainTwoColors.class, Bare.class);
		SchemaComparison.Result changed = this.schemas.revise(PlainMoreColors.class);
		assertThat(changed.differences()).hasSize(2)
			.allSatisfy((difference) -> assertThat(difference).contains("check"));
		upgradeAndCheck(PlainMoreColors.class, PlainTwoColors.class);
		downgradeAndCheck(PlainTwoColors.class);
		assertThat(this.schemas.query(LABELS)).isEmpty();
	}

	@Test
	void columnChangedFromVarcharToAnEnumTypeAndToAnotherIsCastByItsText() throws Exception {
		this.schemas.revise(PlainTwoColors.class);
		this.schemas.upgrade();
		this.schemas.execute("INSERT INTO widget (id, color) VALUES (1, 'RED')");
		SchemaComparison.Result typed = this.schemas.revise(TwoColors.class);
		assertThat(typed.differences()).contains("create enum type color ('GREEN', 'RED')",
				"change type of column widget.color from varchar(10) to color, cast by its text");
		assertThat(typed.changeSets()).doesNotContain("modifyDataType");
		upgradeAndCheck(TwoColors.class, PlainTwoColors.class);
		SchemaComparison.Result retyped = this.schemas.revise(TwoShades.class);
		assertThat(retyped.differences()).contains("create enum type shade ('GREEN', 'RED')",
				"change type of column widget.color from color to shade, cast by its text",
				"drop enum type color ('GREEN', 'RED')");
		upgradeAndCheck(TwoShades.class, TwoColors.class);
		assertThat(this.schemas.query("SELECT color::text FROM widget")).containsExactly("RED");
		downgradeAndCheck(TwoColors.class);
		downgradeAndCheck(PlainTwoColors.class);
		assertThat(this.schemas.query("SELECT color FROM widget")).containsExactly("RED");
		assertThat(this.schemas.query(LABELS)).isEmpty();
	}

	/**
	 * A widget without a color.
	 */
	@Entity
	@Table(name = "widget")
	static class Bare {

		@Id
		Integer id;

	}

	/**
	 * Two colors, as a PostgreSQL enum type.
	 */
	@Entity
	@Table(name = "widget")
	static class TwoColors {

		@Id
		Integer id;

		@Enumerated(EnumType.STRING)
		@JdbcTypeCode(SqlTypes.NAMED_ENUM)
		@ColumnDefault("'GREEN'")
		Color color;

		enum Color {

			RED, GREEN

		}

	}

	/**
	 * Two colors more (Hibernate writes the values in alphabetical order: one before the
	 * old ones, one between them).
	 */
	@Entity
	@Table(name = "widget")
	static class MoreColors {

		@Id
		Integer id;

		@Enumerated(EnumType.STRING)
		@JdbcTypeCode(SqlTypes.NAMED_ENUM)
		@ColumnDefault("'GREEN'")
		Color color;

		enum Color {

			RED, BLUE, GREEN, ORANGE

		}

	}

	/**
	 * A third color, and the default.
	 */
	@Entity
	@Table(name = "widget")
	static class ThreeColorsBlueByDefault {

		@Id
		Integer id;

		@Enumerated(EnumType.STRING)
		@JdbcTypeCode(SqlTypes.NAMED_ENUM)
		@ColumnDefault("'BLUE'")
		Color color;

		enum Color {

			RED, GREEN, BLUE

		}

	}

	/**
	 * The two colors as another enum type.
	 */
	@Entity
	@Table(name = "widget")
	static class TwoShades {

		@Id
		Integer id;

		@Enumerated(EnumType.STRING)
		@JdbcTypeCode(SqlTypes.NAMED_ENUM)
		@ColumnDefault("'GREEN'")
		Shade color;

		enum Shade {

			RED, GREEN

		}

	}

	/**
	 * Two colors, as Hibernate maps an enum by default.
	 */
	@Entity
	@Table(name = "widget")
	static class PlainTwoColors {

		@Id
		Integer id;

		@Enumerated(EnumType.STRING)
		@jakarta.persistence.Column(length = 10)
		TwoColors.Color color;

	}

	/**
	 * Three colors, as Hibernate maps an enum by default.
	 */
	@Entity
	@Table(name = "widget")
	static class PlainMoreColors {

		@Id
		Integer id;

		@Enumerated(EnumType.STRING)
		@jakarta.persistence.Column(length = 10)
		MoreColors.Color color;

	}

	/**
	 * A widget whose table names the schema the revisions run in.
	 */
	@Entity
	@Table(schema = "public", name = "widget")
	static class InPublic {

		@Id
		Integer id;

		@Column(length = 20)
		String state;

	}

	/**
	 * An event in another schema.
	 */
	@Entity
	@Table(schema = "audit", name = "event")
	static class InAudit {

		@Id
		Integer id;

	}

	/**
	 * A gadget whose table names a catalog.
	 */
	@Entity
	@Table(catalog = "elsewhere", name = "gadget")
	static class InCatalog {

		@Id
		Integer id;

	}

}
