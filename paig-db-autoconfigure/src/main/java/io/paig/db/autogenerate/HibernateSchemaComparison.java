package io.paig.db.autogenerate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.paig.db.migration.MigrationException;
import io.paig.db.migration.MigrationSettings;
import liquibase.CatalogAndSchema;
import liquibase.change.Change;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.diff.DiffGeneratorFactory;
import liquibase.diff.DiffResult;
import liquibase.diff.ObjectDifferences;
import liquibase.diff.compare.CompareControl;
import liquibase.diff.output.DiffOutputControl;
import liquibase.diff.output.ObjectChangeFilter;
import liquibase.diff.output.changelog.DiffToChangeLog;
import liquibase.serializer.core.yaml.YamlChangeLogSerializer;
import liquibase.snapshot.DatabaseSnapshot;
import liquibase.snapshot.SnapshotControl;
import liquibase.snapshot.SnapshotGeneratorFactory;
import liquibase.structure.DatabaseObject;
import liquibase.structure.core.Column;
import liquibase.structure.core.DataType;
import liquibase.structure.core.ForeignKey;
import liquibase.structure.core.Index;
import liquibase.structure.core.PrimaryKey;
import liquibase.structure.core.Sequence;
import liquibase.structure.core.Table;
import liquibase.structure.core.UniqueConstraint;

import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

/**
 * Compares the application's JPA entities with the database the way
 * {@code alembic revision --autogenerate} does, without a differ of its own: Hibernate's
 * schema export builds the entities' schema in a scratch database of the same kind (a
 * schema on PostgreSQL, a database on MySQL/MariaDB, a temporary file for SQLite),
 * Liquibase's own diff compares it with the real database, and the scratch is dropped.
 * <p>
 * Tables no entity maps are left alone (the database may hold more than the entities
 * describe); on SQLite, where declared column types are only affinities, type names are
 * not compared. On SQLite the scratch export writes foreign keys inline
 * ({@link ScratchSqliteDialect}), and the generated changesets are shaped into what
 * SQLite can run ({@link SqliteChangeSets}): foreign keys inside a new table's
 * {@code createTable}, table rebuilds for what SQLite cannot change in place.
 * <p>
 * What Liquibase cannot revert by itself gets a rollback ({@link DiffRollbacks}): a
 * dropped column, index, key or table is created again as the database has it, as
 * Alembic's autogenerate writes the downgrade of a drop.
 * <p>
 * What Liquibase's diff does not see is compared from the catalogs: CHECK constraints
 * ({@link CheckConstraints}), PostgreSQL's enum types ({@link PostgresEnumTypes}),
 * MySQL/MariaDB table comments ({@link MySqlTables}) and MariaDB's sequences
 * ({@link MariaDbSequences}); a MySQL/MariaDB column changed in place keeps its
 * {@code NOT NULL}, default, {@code AUTO_INCREMENT} and comment
 * ({@link MySqlColumnChanges}). A changed index or unique constraint is dropped by the
 * database's name ({@link ChangedIndexes}), and a new id generator table gets the rows
 * Hibernate needs in it ({@link GeneratorRows}).
 *
 * @author paig-db authors
 */
public class HibernateSchemaComparison implements SchemaComparison {

	/** The column size sqlite-jdbc reports for a column declared without one. */
	private static final int SQLITE_UNKNOWN_SIZE = 2000000000;

	private final DataSource dataSource;

	private final JdbcConnectionDetails connectionDetails;

	private final LocalContainerEntityManagerFactoryBean entityManagerFactory;

	private final MigrationSettings settings;

	/**
	 * Create a comparison.
	 * @param dataSource the application's DataSource
	 * @param connectionDetails how to connect, to make the scratch database
	 * @param entityManagerFactory the application's entity manager factory, for its
	 * entities and settings
	 * @param settings the migration settings (history tables, schema)
	 */
	public HibernateSchemaComparison(DataSource dataSource, JdbcConnectionDetails connectionDetails,
			LocalContainerEntityManagerFactoryBean entityManagerFactory, MigrationSettings settings) {
		this.dataSource = dataSource;
		this.connectionDetails = connectionDetails;
		this.entityManagerFactory = entityManagerFactory;
		this.settings = settings;
	}

	@Override
	public Result compare(String revisionId) {
		Scratch scratch = Scratch.create(this.connectionDetails);
		try {
			export(scratch);
			return diff(scratch, revisionId);
		}
		finally {
			scratch.drop();
		}
	}

	private void export(Scratch scratch) {
		LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
		factory.setDataSource(scratch.dataSource());
		factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
		var unit = this.entityManagerFactory.getPersistenceUnitInfo();
		List<String> classes = (unit != null) ? unit.getManagedClassNames() : List.of();
		factory.setManagedTypes(PersistenceManagedTypes.of(classes, List.of()));
		Map<String, Object> properties = new HashMap<>(this.entityManagerFactory.getJpaPropertyMap());
		properties.remove("hibernate.default_schema");
		properties.remove("hibernate.default_catalog");
		// a schema or catalog an entity names: the one the revisions run in is the
		// scratch, another stops the export before it creates anything outside
		properties.put(ScratchNamespaces.PROPERTY, new ScratchNamespaces(properties.get(ScratchNamespaces.PROPERTY),
				ownNamespace(scratch.kind()), new LinkedHashSet<>(classes)));
		// nor does it write the application's DDL script, if it has one
		properties.keySet()
			.removeIf((key) -> key.matches("(jakarta|javax)\\.persistence\\.schema-generation\\.scripts\\..*"));
		properties.put("jakarta.persistence.schema-generation.scripts.action", "none");
		properties.put("hibernate.hbm2ddl.auto", "create");
		properties.put("jakarta.persistence.schema-generation.database.action", "create");
		// Hibernate logs a statement the database refuses and goes on: the scratch would
		// lack that table or column, and the revision would drop it from the real one
		properties.put("hibernate.hbm2ddl.halt_on_error", "true");
		// no import.sql or load script: the only rows in the scratch are the ones its id
		// generators need, which a revision creating their tables inserts too
		properties.put("hibernate.hbm2ddl.skip_default_import_file", "true");
		properties.remove("hibernate.hbm2ddl.import_files");
		properties.remove("jakarta.persistence.sql-load-script-source");
		if (scratch.kind() == DatabaseDriver.SQLITE) {
			// Hibernate's SQLite dialect writes no foreign keys; this one writes them
			// inline
			properties.put("hibernate.dialect", ScratchSqliteDialect.class.getName());
		}
		factory.setJpaPropertyMap(properties);
		factory.setBeanClassLoader(getClass().getClassLoader());
		try {
			factory.afterPropertiesSet();
		}
		catch (RuntimeException ex) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof MigrationException own) {
					throw own;
				}
			}
			throw new MigrationException(
					"The JPA entities' schema could not be created on a scratch database (" + scratch.describe()
							+ "), so nothing was compared: " + refused(ex),
					"Fix the mapping that statement comes from (a columnDefinition, @ColumnDefault, @Check or "
							+ "@Comment the database refuses, say), then run the command again.",
					ex);
		}
		finally {
			factory.destroy();
		}
	}

	/**
	 * The schema (PostgreSQL) or database (MySQL/MariaDB) the revisions run in.
	 * @param kind the database
	 * @return its name; {@code main} on SQLite
	 */
	private String ownNamespace(DatabaseDriver kind) {
		if (this.settings.defaultSchema() != null) {
			return this.settings.defaultSchema();
		}
		if (kind == DatabaseDriver.SQLITE) {
			return "main";
		}
		try (Connection connection = this.dataSource.getConnection()) {
			String name = (kind == DatabaseDriver.POSTGRESQL) ? connection.getSchema() : connection.getCatalog();
			return (name != null) ? name : "public";
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not read the database's default schema: " + ex.getMessage(),
					"Check that the database is reachable.", ex);
		}
	}

	// the statement the database refused, and why, from Hibernate's exception chain
	private static String refused(Throwable ex) {
		StringBuilder message = new StringBuilder();
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
				if (cause instanceof org.hibernate.tool.schema.spi.CommandAcceptanceException
						|| cause instanceof java.sql.SQLException) {
					message.append((message.length() > 0) ? ": " : "").append(cause.getMessage());
				}
			}
		}
		return (message.length() > 0) ? message.toString() : String.valueOf(ex.getMessage());
	}

	private Result diff(Scratch scratch, String revisionId) {
		try (Connection scratchConnection = scratch.dataSource().getConnection();
				Connection realConnection = this.dataSource.getConnection()) {
			Database reference = DatabaseFactory.getInstance()
				.findCorrectDatabaseImplementation(new JdbcConnection(scratchConnection));
			Database target = DatabaseFactory.getInstance()
				.findCorrectDatabaseImplementation(new JdbcConnection(realConnection));
			if (this.settings.defaultSchema() != null) {
				target.setDefaultSchemaName(this.settings.defaultSchema());
			}
			CompareControl.SchemaComparison[] schemas = scratch.schemaComparison(reference, target);
			// Liquibase narrows this set as it goes: it must be mutable.
			// Sequences too: Hibernate's default id generator on PostgreSQL and MariaDB
			// draws from one (<entity>_SEQ), which a new entity's revision must create
			List<Class<? extends DatabaseObject>> compared = List.of(Table.class, Column.class, PrimaryKey.class,
					Index.class, ForeignKey.class, UniqueConstraint.class, Sequence.class);
			Set<Class<? extends DatabaseObject>> types = new HashSet<>(compared);
			CompareControl compareControl = new CompareControl(schemas, types);
			boolean mysql = scratch.kind() == DatabaseDriver.MYSQL || scratch.kind() == DatabaseDriver.MARIADB;
			// only what is compared is read, and no views on MySQL/MariaDB: Connector/J
			// lists MariaDB's sequences among the views, whose snapshot then fails
			DatabaseSnapshot referenceSnapshot = snapshot(reference, compared, mysql);
			DatabaseSnapshot targetSnapshot = snapshot(target, compared, mysql);
			Set<String> sequences = new HashSet<>();
			Set<String> scratchSequences = new HashSet<>();
			Set<String> realSequences = new HashSet<>();
			if (mysql) {
				// Connector/J's metadata has no table comments, and lists MariaDB's
				// sequences as tables too
				MySqlTables scratchTables = MySqlTables.read(scratchConnection, scratch.name());
				MySqlTables realTables = MySqlTables.read(realConnection, target.getDefaultCatalogName());
				scratchTables.fillComments(referenceSnapshot);
				realTables.fillComments(targetSnapshot);
				scratchSequences.addAll(scratchTables.sequences());
				realSequences.addAll(realTables.sequences());
				Stream.concat(scratchSequences.stream(), realSequences.stream())
					.forEach((name) -> sequences.add(name.toLowerCase(Locale.ROOT)));
			}
			if (scratch.kind() == DatabaseDriver.SQLITE) {
				withoutUnknownSizes(referenceSnapshot);
				withoutUnknownSizes(targetSnapshot);
			}
			DiffResult result = DiffGeneratorFactory.getInstance()
				.compare(referenceSnapshot, targetSnapshot, compareControl);
			Set<String> mapped = new HashSet<>();
			result.getReferenceSnapshot()
				.get(Table.class)
				.forEach((table) -> mapped.add(table.getName().toLowerCase(Locale.ROOT)));
			mapped.removeAll(sequences);
			DiffOutputControl output = new DiffOutputControl(false, false, false, schemas);
			output.setObjectChangeFilter(new MappedTablesOnly(mapped, this.settings.bookkeepingTables(), sequences,
					scratch.kind() == DatabaseDriver.SQLITE, Uniqueness.of(result.getReferenceSnapshot()),
					Uniqueness.of(result.getComparisonSnapshot())));
			DiffToChangeLog changeLog = new DiffToChangeLog(result, output);
			changeLog.setIdRoot(revisionId);
			changeLog.setChangeSetAuthor("paig-db");
			// a drop gets the rollback that creates the object again, as the database has
			// it now
			// a changed index's drop names the database's index, which the diff may have
			// matched by its columns alone
			List<ChangeSet> generated = new ChangedIndexes(result)
				.rename(new ForeignKeyIndexes(result, target).add(changeLog.generateChangeSets()));
			List<ChangeSet> changeSets = new ArrayList<>();
			// Liquibase's diff does not see CHECK constraints: drop the old ones first,
			// add the new ones after the tables and columns they check
			CheckConstraints checks = CheckConstraints.read(scratch.kind(), scratchConnection, scratch.name(),
					realConnection, (scratch.kind() == DatabaseDriver.POSTGRESQL) ? target.getDefaultSchemaName()
							: target.getDefaultCatalogName(),
					mapped);
			List<ChangeSet> diff = new DiffRollbacks(result, target).add(generated, revisionId);
			List<String> warnings = new ArrayList<>();
			if (scratch.kind() == DatabaseDriver.MYSQL || scratch.kind() == DatabaseDriver.MARIADB) {
				// a column changed in place keeps the rest of its definition; MariaDB's
				// text defaults lose the catalog's escaping
				MySqlColumnChanges columns = new MySqlColumnChanges(result, realConnection,
						target.getDefaultCatalogName(), target instanceof liquibase.database.core.MariaDBDatabase);
				diff = columns.rewrite(diff);
				warnings.addAll(columns.warnings());
			}
			PostgresEnumTypes enumTypes = (scratch.kind() == DatabaseDriver.POSTGRESQL) ? PostgresEnumTypes
				.read(scratchConnection, scratch.name(), realConnection, target.getDefaultSchemaName(), mapped) : null;
			if (enumTypes != null) {
				// Liquibase's diff does not see enum types: new ones and changed values
				// before the tables that use them, dropped ones after; a column changed
				// to or from one is cast by its text
				diff = enumTypes.retype(diff);
				// a change to varchar(n) that cuts longer values refuses them instead
				diff = PostgresTypeChanges.uncast(diff);
				changeSets.addAll(enumTypes.creates(revisionId, "paig-db"));
				changeSets.addAll(enumTypes.alters(revisionId, "paig-db", diff));
				warnings.addAll(enumTypes.warnings());
			}
			changeSets.addAll(MariaDbSequences.creates(scratchConnection, scratch.name(), scratchSequences,
					realSequences, revisionId, "paig-db"));
			changeSets.addAll(checks.drops(revisionId, "paig-db"));
			changeSets.addAll(diff);
			changeSets.addAll(checks.adds(revisionId, "paig-db"));
			// the first rows of the id generators' tables the revision creates
			changeSets
				.addAll(GeneratorRows.inserts(scratchConnection, scratch.kind(), created(diff), revisionId, "paig-db"));
			if (enumTypes != null) {
				changeSets.addAll(enumTypes.drops(revisionId, "paig-db"));
			}
			// a dropped and an added column of the same type may be a rename: say so
			warnings.addAll(RenameWarnings.of(changeSets, result));
			// the rows a table has may make a change fail: say so
			warnings.addAll(ExistingRowWarnings.of(generated, result, scratch.kind()));
			String comments = RenameWarnings.comments(warnings);
			List<String> differences = new ArrayList<>();
			for (ChangeSet changeSet : changeSets) {
				if (changeSet.getComments() != null && !changeSet.getChanges().isEmpty()
						&& changeSet.getChanges()
							.stream()
							.allMatch((change) -> change instanceof liquibase.change.core.RawSQLChange)) {
					// our own sql changes: the changeset's comment says what they do
					differences.add(changeSet.getComments());
					continue;
				}
				for (Change change : changeSet.getChanges()) {
					differences.add(ChangeDescriptions.of(change));
				}
			}
			if (scratch.kind() == DatabaseDriver.SQLITE && !changeSets.isEmpty()) {
				SqliteChangeSets.Shaped shaped = new SqliteChangeSets(realConnection, scratchConnection)
					.shape(changeSets, revisionId);
				return new Result(differences, comments + yaml(shaped.changeSets()) + shaped.rebuilds(), warnings);
			}
			return new Result(differences, comments + yaml(changeSets), warnings);
		}
		catch (SQLException | liquibase.exception.LiquibaseException | IOException
				| liquibase.exception.UnexpectedLiquibaseException
				| liquibase.exception.DatabaseIncapableOfOperation ex) {
			// Liquibase's own runtime failures too: the command says what failed, not a
			// bare stack trace
			throw new MigrationException("Could not compare the JPA entities with the database: " + ex.getMessage(),
					"Check that the entities' schema can be created (the scratch " + scratch.describe() + ").", ex);
		}
	}

	/**
	 * Clear the size sqlite-jdbc reports for a column declared without one
	 * ({@code 2000000000}): Liquibase would write it into the revision
	 * ({@code TEXT(2000000000)}) and refuses it as a {@code TIMESTAMP}'s fractional
	 * digits, which Hibernate declares bare on SQLite.
	 * @param snapshot a snapshot of an SQLite database
	 */
	private static void withoutUnknownSizes(DatabaseSnapshot snapshot) {
		for (Column column : snapshot.get(Column.class)) {
			DataType type = column.getType();
			if (type != null && type.getColumnSize() != null && type.getColumnSize() == SQLITE_UNKNOWN_SIZE) {
				type.setColumnSize(null);
				type.setDecimalDigits(null);
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static DatabaseSnapshot snapshot(Database database, List<Class<? extends DatabaseObject>> types,
			boolean withoutViews) throws liquibase.exception.LiquibaseException {
		SnapshotControl control = new SnapshotControl(database, types.toArray(Class[]::new));
		if (withoutViews) {
			// a column's container types bring views in
			control.getTypesToInclude().remove(liquibase.structure.core.View.class);
		}
		return SnapshotGeneratorFactory.getInstance().createSnapshot(database.getDefaultSchema(), database, control);
	}

	private static List<String> created(List<ChangeSet> changeSets) {
		return changeSets.stream()
			.flatMap((changeSet) -> changeSet.getChanges().stream())
			.filter(liquibase.change.core.CreateTableChange.class::isInstance)
			.map((change) -> ((liquibase.change.core.CreateTableChange) change).getTableName())
			.toList();
	}

	private static String yaml(List<ChangeSet> changeSets) throws IOException {
		if (changeSets.isEmpty()) {
			return "";
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		new YamlChangeLogSerializer().write(changeSets, bytes);
		String text = bytes.toString(StandardCharsets.UTF_8);
		int start = text.indexOf("- changeSet:");
		String list = (start >= 0) ? text.substring(start) : text;
		StringBuilder indented = new StringBuilder();
		for (String line : list.split("\n")) {
			indented.append("  ").append(line).append('\n');
		}
		return indented.toString();
	}

	/** Spellings of the current time as a column default. */
	private static final Set<String> CURRENT_TIMESTAMP = Set.of("current_timestamp", "current_timestamp()", "now()");

	/**
	 * Leaves out the history tables, tables no entity maps and MariaDB's sequences (which
	 * Connector/J lists as tables), the current time as a default in another spelling; on
	 * SQLite, type-only changes.
	 */
	private record MappedTablesOnly(Set<String> mapped, Set<String> history, Set<String> sequences, boolean ignoreTypes,
			Uniqueness entities, Uniqueness database) implements ObjectChangeFilter {

		@Override
		public boolean includeMissing(DatabaseObject object, Database referenceDatabase, Database comparisonDatabase) {
			// a unique constraint and a unique index on the same columns enforce the
			// same: Hibernate writes one
			// where a revision may have written the other
			return include(object) && !this.database.covers(object);
		}

		@Override
		public boolean includeUnexpected(DatabaseObject object, Database referenceDatabase,
				Database comparisonDatabase) {
			String table = SchemaObjects.tableOf(object);
			return include(object) && table != null && this.mapped.contains(table) && !this.entities.covers(object);
		}

		@Override
		public boolean includeChanged(DatabaseObject object, ObjectDifferences differences, Database referenceDatabase,
				Database comparisonDatabase) {
			if (!include(object)) {
				return false;
			}
			// Column order is Hibernate's choice, not something an entity declares.
			Set<String> ignored = new HashSet<>(Set.of("order"));
			if (this.ignoreTypes) {
				// SQLite: declared types are affinities, and an INTEGER PRIMARY KEY
				// counts up with or without
				// AUTOINCREMENT
				ignored.add("type");
				ignored.add("autoIncrement");
			}
			if (object instanceof Column && sameTimeFunction(differences.getDifference("defaultValue"))) {
				// Liquibase writes a CURRENT_TIMESTAMP default as NOW() on PostgreSQL:
				// the same default in another spelling
				ignored.add("defaultValue");
			}
			if (object instanceof Column column && isPrimaryKey(column)) {
				// a primary key column is never null, whether or not the database reports
				// it so (SQLite does not)
				ignored.add("nullable");
			}
			return !differences.getDifferences()
				.stream()
				.allMatch((difference) -> ignored.contains(difference.getField()));
		}

		@Override
		public boolean include(DatabaseObject object) {
			if (this.ignoreTypes && object instanceof Index index && index.getName() != null
					&& index.getName().startsWith("sqlite_autoindex_")) {
				// SQLite's own index behind a primary key or unique constraint
				return false;
			}
			String table = SchemaObjects.tableOf(object);
			if (table != null && !(object instanceof Sequence) && this.sequences.contains(table)) {
				// a MariaDB sequence, which Connector/J also lists as a table
				return false;
			}
			return table == null || !this.history.contains(table);
		}

		private static boolean sameTimeFunction(liquibase.diff.Difference difference) {
			return difference != null
					&& difference.getReferenceValue() instanceof liquibase.statement.DatabaseFunction entities
					&& difference.getComparedValue() instanceof liquibase.statement.DatabaseFunction database
					&& CURRENT_TIMESTAMP.contains(spelling(entities)) && CURRENT_TIMESTAMP.contains(spelling(database));
		}

		private static String spelling(liquibase.statement.DatabaseFunction function) {
			return String.valueOf(function.getValue()).toLowerCase(Locale.ROOT).replace(" ", "");
		}

		private static boolean isPrimaryKey(Column column) {
			if (column.getRelation() instanceof Table table && table.getPrimaryKey() != null) {
				return table.getPrimaryKey()
					.getColumns()
					.stream()
					.anyMatch((key) -> key.getName() != null && key.getName().equalsIgnoreCase(column.getName()));
			}
			return Boolean.TRUE.equals(column.isAutoIncrement());
		}

	}

	/**
	 * The column sets a schema keeps unique, by table, whether by a unique constraint or
	 * a unique index.
	 */
	private record Uniqueness(Set<String> keys) {

		static Uniqueness of(liquibase.snapshot.DatabaseSnapshot snapshot) {
			Set<String> keys = new HashSet<>();
			snapshot.get(UniqueConstraint.class).forEach((constraint) -> keys.add(key(constraint)));
			snapshot.get(Index.class)
				.stream()
				.filter((index) -> Boolean.TRUE.equals(index.isUnique()))
				.forEach((index) -> keys.add(key(index)));
			return new Uniqueness(keys);
		}

		/**
		 * Whether a unique constraint or unique index is matched by the other kind here.
		 * @param object an object of the other schema
		 * @return {@code true} when it is a unique constraint or unique index and this
		 * schema keeps the same columns of the same table unique
		 */
		boolean covers(DatabaseObject object) {
			boolean unique = object instanceof UniqueConstraint
					|| (object instanceof Index index && Boolean.TRUE.equals(index.isUnique()));
			return unique && this.keys.contains(key(object));
		}

		private static String key(DatabaseObject object) {
			List<Column> columns = (object instanceof UniqueConstraint constraint) ? constraint.getColumns()
					: ((Index) object).getColumns();
			return SchemaObjects.tableOf(object) + "("
					+ columns.stream()
						.map((column) -> column.getName().toLowerCase(Locale.ROOT))
						.collect(Collectors.joining(","))
					+ ")";
		}

	}

	/**
	 * A scratch database of the same kind as the real one.
	 */
	private record Scratch(DatabaseDriver kind, String name, DataSource dataSource, Runnable dropper,
			Function<Database, CompareControl.SchemaComparison[]> comparisons) {

		static Scratch create(JdbcConnectionDetails details) {
			String url = details.getJdbcUrl();
			DatabaseDriver kind = DatabaseDriver.fromJdbcUrl(url);
			String name = "paig_db_scratch_" + Long.toHexString(System.nanoTime());
			try {
				return switch (kind) {
					case POSTGRESQL -> {
						admin(details, "CREATE SCHEMA " + name);
						String scratchUrl = url + ((url.contains("?")) ? "&" : "?") + "currentSchema=" + name;
						yield new Scratch(kind, name, dataSource(details, scratchUrl),
								() -> admin(details, "DROP SCHEMA IF EXISTS " + name + " CASCADE"),
								(target) -> new CompareControl.SchemaComparison[] {
										new CompareControl.SchemaComparison(new CatalogAndSchema(null, name),
												new CatalogAndSchema(null, target.getDefaultSchemaName())) });
					}
					case MYSQL, MARIADB -> {
						admin(details, "CREATE DATABASE " + name);
						String scratchUrl = url.replaceFirst("^(jdbc:[a-z]+://[^/]*/)[^?]*", "$1" + name);
						yield new Scratch(kind, name, dataSource(details, scratchUrl),
								() -> admin(details, "DROP DATABASE IF EXISTS " + name),
								(target) -> new CompareControl.SchemaComparison[] {
										new CompareControl.SchemaComparison(new CatalogAndSchema(name, null),
												new CatalogAndSchema(target.getDefaultCatalogName(), null)) });
					}
					case SQLITE -> {
						Path file = Files.createTempFile(name, ".db");
						yield new Scratch(kind, file.toString(), dataSource(details, "jdbc:sqlite:" + file),
								() -> deleteQuietly(file),
								(target) -> new CompareControl.SchemaComparison[] { new CompareControl.SchemaComparison(
										new CatalogAndSchema(null, null), new CatalogAndSchema(null, null)) });
					}
					default -> throw new MigrationException(
							"Comparing with JPA entities is not supported on " + kind.name() + ".",
							"Use PostgreSQL, MySQL/MariaDB or SQLite.");
				};
			}
			catch (IOException ex) {
				throw new MigrationException("Could not create a scratch database: " + ex.getMessage(),
						"Check that a temporary file can be created.", ex);
			}
		}

		private static DataSource dataSource(JdbcConnectionDetails details, String url) {
			SimpleDriverDataSource dataSource = new SimpleDriverDataSource();
			try {
				dataSource.setDriver((Driver) Class.forName(DatabaseDriver.fromJdbcUrl(url).getDriverClassName())
					.getDeclaredConstructor()
					.newInstance());
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
			dataSource.setUrl(url);
			if (!url.startsWith("jdbc:sqlite:")) {
				dataSource.setUsername(details.getUsername());
				dataSource.setPassword(details.getPassword());
			}
			return dataSource;
		}

		private static void admin(JdbcConnectionDetails details, String sql) {
			try (Connection connection = DriverManager.getConnection(details.getJdbcUrl(), details.getUsername(),
					details.getPassword()); Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
			catch (SQLException ex) {
				throw new MigrationException("Could not prepare the scratch database (" + sql + "): " + ex.getMessage(),
						"The database user needs the right to create and drop a schema (PostgreSQL) or a database "
								+ "(MySQL/MariaDB) for 'db revision --autogenerate' and 'db check'.",
						ex);
			}
		}

		private static void deleteQuietly(Path file) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				file.toFile().deleteOnExit();
			}
		}

		CompareControl.SchemaComparison[] schemaComparison(Database reference, Database target) {
			return this.comparisons.apply(target);
		}

		void drop() {
			this.dropper.run();
		}

		String describe() {
			return this.kind.name().toLowerCase(Locale.ROOT) + " " + this.name;
		}

	}

}
