package io.paig.sample.reference;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.paig.sample.reference.Schema.Column;
import io.paig.sample.reference.Schema.ForeignKey;
import io.paig.sample.reference.Schema.Index;
import io.paig.sample.reference.Schema.PrimaryKey;
import io.paig.sample.reference.Schema.Table;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Schema}: the comparison finds each kind of difference and names where
 * it is.
 *
 * @author paig-db authors
 */
class SchemaTests {

	private static final Column ID = new Column("id", "INTEGER", false, "nextval('tag_id_seq'::regclass)", true);

	private static final Column NAME = new Column("name", "VARCHAR(255)", false, null, false);

	@Test
	void equalSchemasHaveNoDifferences() {
		assertThat(schema(tag(List.of(NAME, ID), Set.of()), Set.of("tag_id_seq"))
			.differencesFrom(schema(tag(List.of(NAME, ID), Set.of()), Set.of("tag_id_seq")))).isEmpty();
	}

	@Test
	void columnDifferencesNameTheTableTheColumnAndWhatDiffers() {
		Schema expected = schema(tag(List.of(NAME, ID), Set.of()), Set.of());
		Schema actual = schema(tag(List.of(new Column("name", "TEXT", true, "'x'", false), ID), Set.of()), Set.of());
		assertThat(actual.differencesFrom(expected)).containsExactly(
				"table tag column name: type TEXT, expected VARCHAR(255)",
				"table tag column name: nullable, expected NOT NULL",
				"table tag column name: default 'x', expected null");
	}

	@Test
	void columnOrderCounts() {
		Schema expected = schema(tag(List.of(NAME, ID), Set.of()), Set.of());
		Schema actual = schema(tag(List.of(ID, NAME), Set.of()), Set.of());
		assertThat(actual.differencesFrom(expected))
			.containsExactly("table tag: columns [id, name], expected [name, id]");
	}

	@Test
	void missingAndUnexpectedObjectsAreBothReported() {
		Index index = new Index("ix_tag_id", List.of("id"), false);
		Schema expected = schema(tag(List.of(NAME, ID), Set.of(index)), Set.of("tag_id_seq"));
		Schema actual = new Schema(
				Map.of("tag", tag(List.of(NAME, ID), Set.of()), "other", table("other", List.of(ID), Set.of())),
				Map.of("tagtype", List.of("A")), Set.of());
		assertThat(actual.differencesFrom(expected)).containsExactly("table other: not expected",
				"table tag: index " + index + ": missing", "enum type tagtype: [A], expected null",
				"sequences: [], expected [tag_id_seq]");
	}

	@Test
	void foreignKeysCanBeComparedWithoutNames() {
		ForeignKey named = new ForeignKey("fk_tag", List.of("id"), "other", List.of("id"), "CASCADE");
		Table table = new Table("tag", List.of(ID), new PrimaryKey(null, List.of("id")), Set.of(), Set.of(),
				Set.of(named));
		Schema withName = new Schema(Map.of("tag", table), Map.of(), Set.of());
		assertThat(withName.withoutForeignKeyNames().tables().get("tag").foreignKeys())
			.containsExactly(new ForeignKey(null, List.of("id"), "other", List.of("id"), "CASCADE"));
	}

	private static Table tag(List<Column> columns, Set<Index> indexes) {
		return table("tag", columns, indexes);
	}

	private static Table table(String name, List<Column> columns, Set<Index> indexes) {
		return new Table(name, columns, new PrimaryKey(name + "_pkey", List.of("id")), indexes, Set.of(), Set.of());
	}

	private static Schema schema(Table table, Set<String> sequences) {
		return new Schema(Map.of(table.name(), table), Map.of(), sequences);
	}

}
