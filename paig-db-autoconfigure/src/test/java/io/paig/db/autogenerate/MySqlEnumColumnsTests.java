package io.paig.db.autogenerate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MySqlEnumColumns}; its rewrite of a changed {@code ENUM} column runs
 * end to end in {@link HibernateSchemaComparisonMariaDbTests}.
 *
 * @author paig-db authors
 */
class MySqlEnumColumnsTests {

	@Test
	void valuesAreReadInTheirOrderWithOrWithoutSpaces() {
		assertThat(MySqlEnumColumns.values("ENUM('GREEN','RED')")).containsExactly("GREEN", "RED");
		assertThat(MySqlEnumColumns.values("enum('B', 'A', 'C')")).containsExactly("B", "A", "C");
	}

	@Test
	void valuesKeepQuotesCommasAndParenthesesInsideThem() {
		assertThat(MySqlEnumColumns.values("ENUM('it''s','a,b','(x)','back\\'slash')")).containsExactly("it's", "a,b",
				"(x)", "back'slash");
	}

}
