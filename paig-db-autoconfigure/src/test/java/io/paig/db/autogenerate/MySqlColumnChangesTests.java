package io.paig.db.autogenerate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MySqlColumnChanges}; its rewrite of a changed {@code ENUM} column runs
 * end to end in {@link HibernateSchemaComparisonMariaDbTests}.
 *
 * @author paig-db authors
 */
class MySqlColumnChangesTests {

	@Test
	void valuesAreReadInTheirOrderWithOrWithoutSpaces() {
		assertThat(MySqlColumnChanges.values("ENUM('GREEN','RED')")).containsExactly("GREEN", "RED");
		assertThat(MySqlColumnChanges.values("enum('B', 'A', 'C')")).containsExactly("B", "A", "C");
	}

	@Test
	void valuesKeepQuotesCommasAndParenthesesInsideThem() {
		assertThat(MySqlColumnChanges.values("ENUM('it''s','a,b','(x)','back\\'slash')")).containsExactly("it's", "a,b",
				"(x)", "back'slash");
	}

	@Test
	void mariaDbDefaultsLoseTheCatalogsEscaping() {
		assertThat(MySqlColumnChanges.unescape("O''Brien")).isEqualTo("O'Brien");
		assertThat(MySqlColumnChanges.unescape("C:\\\\temp")).isEqualTo("C:\\temp");
		assertThat(MySqlColumnChanges.unescape("a\\nb\\tc\\\\")).isEqualTo("a\nb\tc\\");
		assertThat(MySqlColumnChanges.unescape("plain")).isEqualTo("plain");
	}

	@Test
	void defaultsAreSqlAsTheCatalogGivesThemOnMariaDbAndQuotedOnMysql() {
		assertThat(MySqlColumnChanges.defaultSql("'O''Brien'", "", true)).isEqualTo("'O''Brien'");
		assertThat(MySqlColumnChanges.defaultSql("current_timestamp()", "on update current_timestamp()", true))
			.isEqualTo("current_timestamp()");
		assertThat(MySqlColumnChanges.defaultSql("NULL", "", true)).isNull();
		assertThat(MySqlColumnChanges.defaultSql(null, "", true)).isNull();
		assertThat(MySqlColumnChanges.defaultSql("O'Brien", "", false)).isEqualTo("'O''Brien'");
		assertThat(MySqlColumnChanges.defaultSql("0", "", false)).isEqualTo("'0'");
		assertThat(MySqlColumnChanges.defaultSql("CURRENT_TIMESTAMP", "DEFAULT_GENERATED", false))
			.isEqualTo("CURRENT_TIMESTAMP");
		assertThat(MySqlColumnChanges.defaultSql("uuid()", "DEFAULT_GENERATED", false)).isEqualTo("(uuid())");
	}

}
