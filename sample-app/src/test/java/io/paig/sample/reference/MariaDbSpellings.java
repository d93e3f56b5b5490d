package io.paig.sample.reference;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.paig.sample.reference.Schema.Column;
import io.paig.sample.reference.Schema.ForeignKey;
import io.paig.sample.reference.Schema.Index;
import io.paig.sample.reference.Schema.PrimaryKey;
import io.paig.sample.reference.Schema.Table;
import io.paig.sample.reference.Schema.UniqueConstraint;
import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL reference as MariaDB spells it: there is no MariaDB reference file
 * (PAIG's revisions fail on MariaDB at {@code ea2679878e00}), so the MariaDB build is
 * held against the PostgreSQL one, mapped once, here:
 * <ul>
 * <li>types: {@code INTEGER} is {@code INT(11)}; {@code TIMESTAMP WITHOUT TIME ZONE} is
 * {@code DATETIME}; {@code DOUBLE PRECISION} is {@code DOUBLE}; {@code BOOLEAN} is
 * {@code TINYINT(1)}; {@code JSON} is {@code LONGTEXT} (MariaDB's JSON is an alias for
 * it, with a {@code json_valid} check); a native enum type is an inline
 * {@code ENUM('A','B')} with the type's labels; {@code VARCHAR(n)} and {@code TEXT}
 * stay;</li>
 * <li>defaults: the {@code nextval(...)} of a serial column is none (the column is
 * {@code AUTO_INCREMENT}); {@code 1} on a {@code VARCHAR} is reported as the string
 * {@code '1'}; {@code 'X'::character varying} is {@code 'X'};</li>
 * <li>the primary key is named {@code PRIMARY};</li>
 * <li>a unique constraint is a unique index named after its (first) column, and is
 * compared as such: MariaDB does not tell unique constraints from unique indexes;</li>
 * <li>foreign keys: columns, referred table and columns and {@code ON DELETE}, not names
 * (MariaDB names unnamed keys {@code TABLE_ibfk_N}); enum types and sequences: none.</li>
 * </ul>
 *
 * @author paig-db authors
 */
final class MariaDbSpellings {

	private MariaDbSpellings() {
	}

	/**
	 * The PostgreSQL reference as MariaDB would report it.
	 * @param postgresql the PostgreSQL schema
	 * @return the same schema in MariaDB's spelling
	 */
	static Schema fromPostgresql(Schema postgresql) {
		Map<String, Table> tables = new LinkedHashMap<>();
		postgresql.tables().forEach((name, table) -> tables.put(name, table(table, postgresql.enums())));
		return new Schema(tables, Map.of(), Set.of());
	}

	private static Table table(Table table, Map<String, List<String>> enums) {
		List<Column> columns = new ArrayList<>();
		for (Column column : table.columns()) {
			columns.add(new Column(column.name(), type(column.type(), enums), column.nullable(),
					defaultValue(column.defaultValue()), column.primaryKey()));
		}
		Set<String> uniqueIndexNames = table.uniqueConstraints()
			.stream()
			.map(UniqueConstraint::name)
			.collect(Collectors.toSet());
		Set<Index> indexes = new HashSet<>();
		for (Index index : table.indexes()) {
			indexes.add(uniqueIndexNames.contains(index.name())
					? new Index(index.columns().get(0), index.columns(), true) : index);
		}
		Set<ForeignKey> foreignKeys = new HashSet<>();
		for (ForeignKey key : table.foreignKeys()) {
			foreignKeys
				.add(new ForeignKey(null, key.columns(), key.referredTable(), key.referredColumns(), key.onDelete()));
		}
		return new Table(table.name(), columns, new PrimaryKey("PRIMARY", table.primaryKey().columns()), indexes,
				Set.of(), foreignKeys);
	}

	private static String type(String type, Map<String, List<String>> enums) {
		List<String> labels = enums.get(type.toLowerCase());
		if (labels != null) {
			return labels.stream().map((label) -> "'" + label + "'").collect(Collectors.joining(",", "ENUM(", ")"));
		}
		return switch (type) {
			case "INTEGER" -> "INT(11)";
			case "TIMESTAMP WITHOUT TIME ZONE" -> "DATETIME";
			case "DOUBLE PRECISION" -> "DOUBLE";
			case "BOOLEAN" -> "TINYINT(1)";
			case "JSON" -> "LONGTEXT";
			default -> type;
		};
	}

	private static @Nullable String defaultValue(@Nullable String defaultValue) {
		if (defaultValue == null || defaultValue.startsWith("nextval(")) {
			return null;
		}
		if (defaultValue.endsWith("::character varying")) {
			return defaultValue.substring(0, defaultValue.length() - "::character varying".length());
		}
		return defaultValue.startsWith("'") ? defaultValue : "'" + defaultValue + "'";
	}

}
