package io.paig.sample.reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * A database schema reduced to what the reference comparison looks at, the same for a
 * reference file and a live database: tables with their columns in order, primary key,
 * indexes, unique constraints and foreign keys, plus PostgreSQL's enum types and
 * sequences. Names that a database does not report (SQLite's constraint names) are
 * {@code null} on both sides.
 *
 * @param tables the tables by name
 * @param enums enum types by name, with their labels in order (PostgreSQL only)
 * @param sequences the sequences (PostgreSQL only)
 * @author paig-db authors
 */
record Schema(Map<String, Table> tables, Map<String, List<String>> enums, Set<String> sequences) {

	Schema {
		tables = new TreeMap<>(tables);
		enums = new TreeMap<>(enums);
		sequences = new TreeSet<>(sequences);
	}

	/**
	 * The differences from an expected schema, each naming the table, column or object
	 * and what differs.
	 * @param expected the schema this one should be
	 * @return the differences, empty when the schemas agree
	 */
	List<String> differencesFrom(Schema expected) {
		List<String> differences = new ArrayList<>();
		for (String name : union(expected.tables.keySet(), this.tables.keySet())) {
			Table want = expected.tables.get(name);
			Table have = this.tables.get(name);
			if (have == null) {
				differences.add("table " + name + ": missing");
			}
			else if (want == null) {
				differences.add("table " + name + ": not expected");
			}
			else {
				have.compare(want, differences);
			}
		}
		for (String name : union(expected.enums.keySet(), this.enums.keySet())) {
			if (!Objects.equals(expected.enums.get(name), this.enums.get(name))) {
				differences
					.add("enum type " + name + ": " + this.enums.get(name) + ", expected " + expected.enums.get(name));
			}
		}
		if (!expected.sequences.equals(this.sequences)) {
			differences.add("sequences: " + this.sequences + ", expected " + expected.sequences);
		}
		return differences;
	}

	/**
	 * This schema with foreign keys compared without their names, for SQLite, whose
	 * catalog does not report them.
	 * @return the schema without foreign key names
	 */
	Schema withoutForeignKeyNames() {
		Map<String, Table> unnamed = new TreeMap<>();
		this.tables.forEach((name, table) -> unnamed.put(name,
				new Table(name, table.columns(), table.primaryKey(), table.indexes(), table.uniqueConstraints(),
						table.foreignKeys()
							.stream()
							.map((key) -> new ForeignKey(null, key.columns(), key.referredTable(),
									key.referredColumns(), key.onDelete()))
							.collect(Collectors.toSet()))));
		return new Schema(unnamed, this.enums, this.sequences);
	}

	private static Set<String> union(Set<String> first, Set<String> second) {
		Set<String> union = new TreeSet<>(first);
		union.addAll(second);
		return union;
	}

	/**
	 * A table.
	 *
	 * @param name the name
	 * @param columns the columns in their order in the table
	 * @param primaryKey the primary key
	 * @param indexes the indexes, except the primary key's
	 * @param uniqueConstraints the unique constraints
	 * @param foreignKeys the foreign keys
	 */
	record Table(String name, List<Column> columns, PrimaryKey primaryKey, Set<Index> indexes,
			Set<UniqueConstraint> uniqueConstraints, Set<ForeignKey> foreignKeys) {

		Table {
			columns = List.copyOf(columns);
			indexes = Set.copyOf(indexes);
			uniqueConstraints = Set.copyOf(uniqueConstraints);
			foreignKeys = Set.copyOf(foreignKeys);
		}

		void compare(Table expected, List<String> differences) {
			String prefix = "table " + this.name + ": ";
			List<String> names = this.columns.stream().map(Column::name).toList();
			List<String> expectedNames = expected.columns.stream().map(Column::name).toList();
			if (!names.equals(expectedNames)) {
				differences.add(prefix + "columns " + names + ", expected " + expectedNames);
			}
			Map<String, Column> byName = new LinkedHashMap<>();
			this.columns.forEach((column) -> byName.put(column.name(), column));
			for (Column want : expected.columns) {
				Column have = byName.get(want.name());
				if (have != null) {
					have.compare(want, "table " + this.name + " column " + want.name() + ": ", differences);
				}
			}
			if (!this.primaryKey.equals(expected.primaryKey)) {
				differences.add(prefix + "primary key " + this.primaryKey + ", expected " + expected.primaryKey);
			}
			compareSets(prefix + "index ", this.indexes, expected.indexes, differences);
			compareSets(prefix + "unique constraint ", this.uniqueConstraints, expected.uniqueConstraints, differences);
			compareSets(prefix + "foreign key ", this.foreignKeys, expected.foreignKeys, differences);
		}

		private static <T> void compareSets(String what, Set<T> have, Set<T> want, List<String> differences) {
			want.stream()
				.filter((item) -> !have.contains(item))
				.forEach((item) -> differences.add(what + item + ": missing"));
			have.stream()
				.filter((item) -> !want.contains(item))
				.forEach((item) -> differences.add(what + item + ": not expected"));
		}

	}

	/**
	 * A column.
	 *
	 * @param name the name
	 * @param type the type as the database spells it (normalised to upper case)
	 * @param nullable whether it takes NULL
	 * @param defaultValue the default as the database reports it, {@code null} for none
	 * @param primaryKey whether it is part of the primary key
	 */
	record Column(String name, String type, boolean nullable, @Nullable String defaultValue, boolean primaryKey) {

		void compare(Column expected, String prefix, List<String> differences) {
			if (!this.type.equals(expected.type)) {
				differences.add(prefix + "type " + this.type + ", expected " + expected.type);
			}
			if (this.nullable != expected.nullable) {
				differences.add(prefix + (this.nullable ? "nullable" : "NOT NULL") + ", expected "
						+ (expected.nullable ? "nullable" : "NOT NULL"));
			}
			if (!Objects.equals(this.defaultValue, expected.defaultValue)) {
				differences.add(prefix + "default " + this.defaultValue + ", expected " + expected.defaultValue);
			}
			if (this.primaryKey != expected.primaryKey) {
				differences
					.add(prefix + (this.primaryKey ? "in" : "not in") + " the primary key, expected the opposite");
			}
		}

	}

	/**
	 * A primary key.
	 *
	 * @param name its name, {@code null} where the database does not report one
	 * @param columns its columns
	 */
	record PrimaryKey(@Nullable String name, List<String> columns) {

	}

	/**
	 * An index.
	 *
	 * @param name the name
	 * @param columns the columns in order
	 * @param unique whether it is unique
	 */
	record Index(String name, List<String> columns, boolean unique) {

	}

	/**
	 * A unique constraint.
	 *
	 * @param name the name, {@code null} where the database does not report one
	 * @param columns the columns in order
	 */
	record UniqueConstraint(@Nullable String name, List<String> columns) {

	}

	/**
	 * A foreign key.
	 *
	 * @param name the name, {@code null} where it is not compared
	 * @param columns the columns
	 * @param referredTable the table it refers to
	 * @param referredColumns the columns it refers to
	 * @param onDelete {@code CASCADE}, or {@code null} for the default (no action)
	 */
	record ForeignKey(@Nullable String name, List<String> columns, String referredTable, List<String> referredColumns,
			@Nullable String onDelete) {

	}

}
