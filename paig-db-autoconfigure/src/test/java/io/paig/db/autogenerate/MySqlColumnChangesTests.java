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

}
