package io.paig.sample.reference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.paig.sample.reference.Schema.Column;
import io.paig.sample.reference.Schema.ForeignKey;
import io.paig.sample.reference.Schema.Index;
import io.paig.sample.reference.Schema.PrimaryKey;
import io.paig.sample.reference.Schema.Table;
import io.paig.sample.reference.Schema.UniqueConstraint;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

import org.springframework.boot.json.JsonParserFactory;

/**
 * The reference data generated from PAIG's Alembic revisions, read-only in the
 * {@code shared/paig-reference} folder beside the project (its README describes the
 * files). Found through the {@code paig.reference} system property, or else by walking up
 * from the working directory; tests are skipped, with the reason, when it is nowhere.
 *
 * @author paig-db authors
 */
final class ReferenceFiles {

	static final String PROPERTY = "paig.reference";

	private final Path folder;

	private ReferenceFiles(Path folder) {
		this.folder = folder;
	}

	/**
	 * The reference folder; skips the calling test when there is none, and fails it under
	 * {@code CI=true}.
	 * @return the reference files
	 */
	static ReferenceFiles find() {
		Path folder = locate();
		String missing = "No PAIG reference data: neither -D" + PROPERTY + " nor a shared/paig-reference folder above "
				+ Path.of("").toAbsolutePath();
		if (folder == null && "true".equals(System.getenv("CI"))) {
			// CI has ../shared beside the project: a missing one must not pass as skipped
			// tests
			throw new IllegalStateException(missing + " (CI=true)");
		}
		Assumptions.assumeTrue(folder != null, missing);
		return new ReferenceFiles(folder);
	}

	private static @Nullable Path locate() {
		String configured = System.getProperty(PROPERTY);
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured);
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve("shared/paig-reference");
			if (Files.isRegularFile(candidate.resolve("schema-postgresql.json"))) {
				return candidate;
			}
		}
		return null;
	}

	/**
	 * A file of the reference folder, e.g. {@code middle-sqlite.sql}.
	 * @param name the file name
	 * @return its path
	 */
	Path file(String name) {
		return this.folder.resolve(name);
	}

	/**
	 * A schema file as the comparison's model, e.g. {@code schema-sqlite.json}.
	 * @param name the file name
	 * @return the schema
	 */
	Schema schema(String name) {
		Map<String, Object> document = read(name);
		Map<String, Table> tables = new LinkedHashMap<>();
		map(document.get("tables")).forEach((tableName, value) -> tables.put(tableName, table(tableName, map(value))));
		Map<String, List<String>> enums = new LinkedHashMap<>();
		if (document.get("enums") != null) {
			for (Object item : list(document.get("enums"))) {
				enums.put((String) map(item).get("name"), strings(map(item).get("labels")));
			}
		}
		Set<String> sequences = (document.get("sequences") != null) ? new HashSet<>(strings(document.get("sequences")))
				: Set.of();
		return new Schema(tables, enums, sequences);
	}

	/**
	 * The seed rows of a {@code seed-rows-*.json} file by table, in primary key order.
	 * @param name the file name
	 * @return the rows of each table, as column name to value
	 */
	Map<String, List<Map<String, Object>>> seedRows(String name) {
		Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
		map(read(name).get("tables")).forEach((table, value) -> {
			List<Map<String, Object>> tableRows = new ArrayList<>();
			list(value).forEach((row) -> tableRows.add(map(row)));
			rows.put(table, tableRows);
		});
		return rows;
	}

	private static Table table(String name, Map<String, Object> table) {
		List<Column> columns = new ArrayList<>();
		for (Object item : list(table.get("columns"))) {
			Map<String, Object> column = map(item);
			columns.add(new Column((String) column.get("name"), ((String) column.get("type_sql")).toUpperCase(),
					(Boolean) column.get("nullable"), (String) column.get("default"),
					(Boolean) column.get("primary_key")));
		}
		Map<String, Object> primaryKey = map(table.get("primary_key"));
		Set<Index> indexes = new HashSet<>();
		for (Object item : list(table.get("indexes"))) {
			Map<String, Object> index = map(item);
			indexes.add(new Index((String) index.get("name"), strings(index.get("columns")),
					(Boolean) index.get("unique")));
		}
		Set<UniqueConstraint> uniques = new HashSet<>();
		for (Object item : list(table.get("unique_constraints"))) {
			Map<String, Object> unique = map(item);
			uniques.add(new UniqueConstraint((String) unique.get("name"), strings(unique.get("columns"))));
		}
		Set<ForeignKey> foreignKeys = new HashSet<>();
		for (Object item : list(table.get("foreign_keys"))) {
			Map<String, Object> foreignKey = map(item);
			foreignKeys.add(new ForeignKey((String) foreignKey.get("name"), strings(foreignKey.get("columns")),
					(String) foreignKey.get("referred_table"), strings(foreignKey.get("referred_columns")),
					(String) foreignKey.get("ondelete")));
		}
		return new Table(name, columns,
				new PrimaryKey((String) primaryKey.get("name"), strings(primaryKey.get("columns"))), indexes, uniques,
				foreignKeys);
	}

	private Map<String, Object> read(String name) {
		try {
			return JsonParserFactory.getJsonParser().parseMap(Files.readString(this.folder.resolve(name)));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read the reference file " + this.folder.resolve(name), ex);
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(@Nullable Object value) {
		return (value != null) ? (Map<String, Object>) value : Map.of();
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(@Nullable Object value) {
		return (value != null) ? (List<Object>) value : List.of();
	}

	static List<String> strings(@Nullable Object value) {
		return list(value).stream().map(String::valueOf).toList();
	}

}
