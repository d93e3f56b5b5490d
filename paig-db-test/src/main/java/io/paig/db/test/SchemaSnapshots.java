package io.paig.db.test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

import io.paig.db.autogenerate.SchemaObjects;
import liquibase.CatalogAndSchema;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.diff.DiffGeneratorFactory;
import liquibase.diff.DiffResult;
import liquibase.diff.compare.CompareControl;
import liquibase.exception.LiquibaseException;
import liquibase.snapshot.DatabaseSnapshot;
import liquibase.snapshot.SnapshotControl;
import liquibase.snapshot.SnapshotGeneratorFactory;
import liquibase.structure.DatabaseObject;
import liquibase.structure.core.Column;
import liquibase.structure.core.ForeignKey;
import liquibase.structure.core.Index;
import liquibase.structure.core.PrimaryKey;
import liquibase.structure.core.Table;
import liquibase.structure.core.UniqueConstraint;

/**
 * The schema of a database at a moment (tables, columns with types and nullability,
 * primary keys, indexes, unique constraints, foreign keys), taken with Liquibase's own
 * snapshot, and what differs between two. The history tables are left out.
 *
 * @author paig-db authors
 */
final class SchemaSnapshots {

	private final DataSource dataSource;

	private final Set<String> ignoredTables;

	SchemaSnapshots(DataSource dataSource, Set<String> ignoredTables) {
		this.dataSource = dataSource;
		this.ignoredTables = new HashSet<>();
		ignoredTables.forEach((table) -> this.ignoredTables.add(table.toLowerCase(Locale.ROOT)));
	}

	/**
	 * Take a snapshot. It keeps its connection until closed: Liquibase asks its database
	 * about itself when it compares.
	 * @return the snapshot, to be closed
	 */
	Snapshot take() {
		Connection connection = null;
		try {
			connection = this.dataSource.getConnection();
			Database database = DatabaseFactory.getInstance()
				.findCorrectDatabaseImplementation(new JdbcConnection(connection));
			SnapshotControl control = new SnapshotControl(database, Table.class, Column.class, PrimaryKey.class,
					Index.class, UniqueConstraint.class, ForeignKey.class);
			DatabaseSnapshot snapshot = SnapshotGeneratorFactory.getInstance()
				.createSnapshot(new CatalogAndSchema(null, null).customize(database), database, control);
			// Liquibase left a transaction open: end it, so that the held connection
			// blocks no writer (SQLite).
			connection.rollback();
			connection.setAutoCommit(true);
			return new Snapshot(snapshot, connection);
		}
		catch (SQLException | LiquibaseException ex) {
			closeQuietly(connection);
			throw new IllegalStateException("Could not read the database's schema: " + ex.getMessage(), ex);
		}
	}

	private static void closeQuietly(Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// nothing more to do
			}
		}
	}

	/**
	 * What differs from {@code before} in {@code after}, one line each.
	 * @param before the schema before
	 * @param after the schema after
	 * @return the differences, sorted, one line each; empty when the schemas match
	 */
	List<String> differences(Snapshot before, Snapshot after) {
		try {
			DiffResult diff = DiffGeneratorFactory.getInstance()
				.compare(before.snapshot(), after.snapshot(), new CompareControl(new HashSet<>(List.of(Table.class,
						Column.class, PrimaryKey.class, Index.class, UniqueConstraint.class, ForeignKey.class))));
			List<String> differences = new ArrayList<>();
			diff.getMissingObjects()
				.stream()
				.filter(this::counts)
				.forEach((object) -> differences.add("gone: " + describe(object)));
			diff.getUnexpectedObjects()
				.stream()
				.filter(this::counts)
				.forEach((object) -> differences.add("left behind: " + describe(object)));
			diff.getChangedObjects().forEach((object, changes) -> {
				if (counts(object)) {
					differences.add("changed: " + describe(object) + " " + changes.getDifferences());
				}
			});
			differences.sort(String::compareTo);
			return differences;
		}
		catch (LiquibaseException ex) {
			throw new IllegalStateException("Could not compare schemas: " + ex.getMessage(), ex);
		}
	}

	/**
	 * The tables, bar the history tables.
	 * @param snapshot the schema
	 * @return the tables' names in lower case, sorted
	 */
	List<String> tables(Snapshot snapshot) {
		return snapshot.snapshot()
			.get(Table.class)
			.stream()
			.map((table) -> table.getName().toLowerCase(Locale.ROOT))
			.filter((name) -> !this.ignoredTables.contains(name))
			.sorted()
			.toList();
	}

	private boolean counts(DatabaseObject object) {
		String table = SchemaObjects.tableOf(object);
		return (table != null) ? !this.ignoredTables.contains(table) : object instanceof Table;
	}

	private static String describe(DatabaseObject object) {
		String kind = object.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
		return kind + " " + object;
	}

	/**
	 * A schema at a moment, with the connection it was read on.
	 *
	 * @param snapshot the schema
	 * @param connection the connection, open until this is closed
	 */
	record Snapshot(DatabaseSnapshot snapshot, Connection connection) implements AutoCloseable {

		@Override
		public void close() {
			closeQuietly(this.connection);
		}

	}

}
