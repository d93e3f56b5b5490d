package io.paig.db.autogenerate;

import java.nio.file.Path;

import io.paig.db.testsupport.TestDatabase;
import io.paig.db.url.JdbcSettings;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.Comment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HibernateSchemaComparison} on MariaDB (or MySQL), end to end.
 *
 * @author paig-db authors
 */
class HibernateSchemaComparisonMariaDbTests extends AbstractHibernateSchemaComparisonTests {

	private static final String COLUMN = "SELECT CONCAT(COLUMN_TYPE, ' ', IS_NULLABLE, ' ', COLUMN_DEFAULT, ' ', "
			+ "COLUMN_COMMENT) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() "
			+ "AND TABLE_NAME = 'widget' AND COLUMN_NAME = 'color'";

	@RegisterExtension
	static final TestDatabase database = TestDatabase.mysql();

	@Override
	EntitySchemas emptyDatabase(Path folder) throws Exception {
		database.reset();
		JdbcSettings jdbc = database.jdbc();
		return new EntitySchemas(jdbc.jdbcUrl(), jdbc.username(), jdbc.password(),
				"org.hibernate.dialect.MariaDBDialect", folder);
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
			.contains("ALTER TABLE `widget` MODIFY COLUMN `color` ENUM('GREEN','RED') NOT NULL");
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

}
