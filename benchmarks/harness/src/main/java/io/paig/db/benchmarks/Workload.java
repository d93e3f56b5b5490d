package io.paig.db.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The generated workload: {@code N} changes over {@code N/4} tables, each table a
 * {@code createTable}, an {@code addColumn}, a {@code createIndex} and an {@code insert}.
 * It is written three ways into one folder, which is put on the classpath of whatever
 * runs it:
 * <ul>
 * <li>{@code db/changelog/}: a master changelog including one revision file per table (a
 * {@code revision:} header and four changesets), read by paig-db and by stock Liquibase
 * alike;</li>
 * <li>{@code db/migration/}: one Flyway SQL migration per table;</li>
 * <li>{@code raw/apply.sql}: the same statements for raw JDBC, one per line.</li>
 * </ul>
 *
 * @author paig-db authors
 */
public final class Workload {

	/**
	 * The master changelog, relative to the workload folder (and so to the classpath).
	 */
	public static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";

	/** Flyway's location, relative to the workload folder. */
	public static final String FLYWAY_LOCATION = "db/migration";

	/** The raw statements, relative to the workload folder. */
	public static final String RAW_SQL = "raw/apply.sql";

	private final int changes;

	private final Path directory;

	private final List<String> statements;

	private Workload(int changes, Path directory, List<String> statements) {
		this.changes = changes;
		this.directory = directory;
		this.statements = statements;
	}

	/**
	 * Write the workload of a size into {@code root/n<changes>}, replacing what was
	 * there.
	 * @param root the folder for all workloads
	 * @param changes how many changes, a positive multiple of 4
	 * @return the workload
	 */
	public static Workload generate(Path root, int changes) {
		if (changes <= 0 || changes % 4 != 0) {
			throw new IllegalArgumentException("A workload has 4 changes per table: " + changes
					+ " is not a positive multiple of 4. Use sizes such as 100, 1000, 10000.");
		}
		Path directory = root.resolve("n" + changes);
		try {
			deleteRecursively(directory);
			Path revisions = Files.createDirectories(directory.resolve("db/changelog/revisions"));
			Path migrations = Files.createDirectories(directory.resolve(FLYWAY_LOCATION));
			Files.createDirectories(directory.resolve("raw"));
			StringBuilder master = new StringBuilder("databaseChangeLog:\n");
			List<String> statements = new ArrayList<>();
			String parent = "null";
			for (int i = 1; i <= changes / 4; i++) {
				String table = table(i);
				String id = revisionId(i);
				String file = id + "_" + table + ".yaml";
				Files.writeString(revisions.resolve(file), revision(id, parent, table));
				master.append("  - include:\n      file: revisions/")
					.append(file)
					.append("\n      relativeToChangelogFile: true\n");
				List<String> sql = sql(table);
				statements.addAll(sql);
				Files.writeString(migrations.resolve("V" + i + "__" + table + ".sql"), String.join(";\n", sql) + ";\n");
				parent = id;
			}
			Files.writeString(directory.resolve(CHANGELOG), master);
			Files.writeString(directory.resolve(RAW_SQL), String.join("\n", statements) + "\n");
			return new Workload(changes, directory, List.copyOf(statements));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the workload into " + directory, ex);
		}
	}

	/**
	 * The name of a table of the workload.
	 * @param index the table's number, from 1
	 * @return the name
	 */
	public static String table(int index) {
		return String.format(Locale.ROOT, "bench_t%05d", index);
	}

	static String revisionId(int index) {
		return String.format(Locale.ROOT, "be%010x", index);
	}

	private static String revision(String id, String parent, String table) {
		return """
				revision:
				  id: %1$s
				  parent: %2$s
				  message: create %3$s
				databaseChangeLog:
				  - changeSet:
				      id: %1$s-1
				      author: bench
				      changes:
				        - createTable:
				            tableName: %3$s
				            columns:
				              - column: { name: id, type: int, constraints: { primaryKey: true, nullable: false } }
				              - column: { name: name, type: varchar(100), constraints: { nullable: false } }
				  - changeSet:
				      id: %1$s-2
				      author: bench
				      changes:
				        - addColumn:
				            tableName: %3$s
				            columns:
				              - column: { name: note, type: varchar(255) }
				  - changeSet:
				      id: %1$s-3
				      author: bench
				      changes:
				        - createIndex:
				            tableName: %3$s
				            indexName: ix_%3$s_name
				            columns:
				              - column: { name: name }
				  - changeSet:
				      id: %1$s-4
				      author: bench
				      changes:
				        - insert:
				            tableName: %3$s
				            columns:
				              - column: { name: id, valueNumeric: 1 }
				              - column: { name: name, value: row 1 }
				              - column: { name: note, value: first row }
				""".formatted(id, parent, table);
	}

	private static List<String> sql(String table) {
		return List.of("CREATE TABLE " + table + " (id INT NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL)",
				"ALTER TABLE " + table + " ADD note VARCHAR(255)",
				"CREATE INDEX ix_" + table + "_name ON " + table + " (name)",
				"INSERT INTO " + table + " (id, name, note) VALUES (1, 'row 1', 'first row')");
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (var paths = Files.walk(directory)) {
			for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
				Files.delete(path);
			}
		}
	}

	/**
	 * How many changes.
	 * @return the count
	 */
	public int changes() {
		return this.changes;
	}

	/**
	 * How many tables, a quarter of the changes.
	 * @return the count
	 */
	public int tables() {
		return this.changes / 4;
	}

	/**
	 * The folder that holds the workload; it goes on the classpath.
	 * @return the folder
	 */
	public Path directory() {
		return this.directory;
	}

	/**
	 * The raw statements, in order.
	 * @return the statements
	 */
	public List<String> statements() {
		return this.statements;
	}

	/**
	 * A class loader that sees the workload folder, for {@code classpath:} locations in
	 * this JVM. It looks in the folder first, as an application's class loader finds its
	 * own resources first ({@code BOOT-INF/classes} in a Spring Boot jar,
	 * {@code target/classes} at the head of a development class path), rather than after
	 * every jar of the harness.
	 * @param parent the parent loader
	 * @return the loader
	 */
	public ClassLoader classLoader(ClassLoader parent) {
		try {
			return new URLClassLoader(new URL[] { this.directory.toUri().toURL() }, parent) {

				@Override
				public URL getResource(String name) {
					URL own = findResource(name);
					return (own != null) ? own : super.getResource(name);
				}

			};
		}
		catch (MalformedURLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
