package io.paig.db.migration.liquibase;

import java.io.IOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.paig.db.migration.AppliedChangeSet;
import io.paig.db.migration.ChangeSetRef;
import io.paig.db.migration.MigrationSettings;
import io.paig.db.migration.MigrationStatus;
import io.paig.db.migration.Revision;
import io.paig.db.migration.RevisionHistory;
import liquibase.ChecksumVersion;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.RuntimeEnvironment;
import liquibase.Scope;
import liquibase.change.CheckSum;
import liquibase.changelog.ChangeLogHistoryService;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeLogIterator;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.filter.ChangeSetFilter;
import liquibase.changelog.filter.ContextChangeSetFilter;
import liquibase.changelog.filter.CountChangeSetFilter;
import liquibase.changelog.filter.DbmsChangeSetFilter;
import liquibase.changelog.filter.IgnoreChangeSetFilter;
import liquibase.changelog.filter.LabelChangeSetFilter;
import liquibase.changelog.filter.ShouldRunChangeSetFilter;
import liquibase.changelog.visitor.ChangeExecListener;
import liquibase.changelog.visitor.UpdateVisitor;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.OfflineConnection;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.DatabaseException;
import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.SpringResourceAccessor;
import liquibase.lockservice.LockService;
import liquibase.lockservice.LockServiceFactory;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;
import liquibase.util.ISODateFormat;
import liquibase.util.csv.CSVWriter;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StringUtils;

/**
 * Liquibase on one connection, set up as {@link MigrationSettings} say: history tables
 * and schemas, parameters, contexts and labels, no usage analytics unless enabled, output
 * to the log rather than the console. The connection stays open when the session ends:
 * its owner closes it.
 *
 * @author paig-db authors
 */
public final class LiquibaseSession {

	private final MigrationSettings settings;

	private final Database database;

	private final Liquibase liquibase;

	private final ResourceAccessor resources;

	private final ResourceLoader resourceLoader;

	private @Nullable RevisionHistory history;

	private final Map<String, ChangeSet> changeSets = new HashMap<>();

	private LiquibaseSession(MigrationSettings settings, Database database, Liquibase liquibase,
			ResourceAccessor resources, ResourceLoader resourceLoader) {
		this.resourceLoader = resourceLoader;
		this.settings = settings;
		this.database = database;
		this.liquibase = liquibase;
		this.resources = resources;
	}

	/**
	 * Run work with Liquibase on a connection.
	 * @param <T> the result type
	 * @param connection the connection; left open
	 * @param settings the settings
	 * @param resourceLoader where the changelogs are
	 * @param work the work
	 * @return the work's result
	 * @throws Exception what the work throws
	 */
	public static <T> T run(Connection connection, MigrationSettings settings, ResourceLoader resourceLoader,
			Work<T> work) throws Exception {
		return run(connection, null, settings, resourceLoader, work);
	}

	/**
	 * Run work with Liquibase on a connection a {@link RevisionTransaction} wraps, so
	 * that Liquibase's transaction calls go through it.
	 * @param <T> the result type
	 * @param transaction the wrapped connection; left open
	 * @param settings the settings
	 * @param resourceLoader where the changelogs are
	 * @param work the work
	 * @return the work's result
	 * @throws Exception what the work throws
	 */
	public static <T> T run(RevisionTransaction transaction, MigrationSettings settings, ResourceLoader resourceLoader,
			Work<T> work) throws Exception {
		return run(transaction.connection(), transaction, settings, resourceLoader, work);
	}

	private static <T> T run(Connection connection, @Nullable RevisionTransaction transaction,
			MigrationSettings settings, ResourceLoader resourceLoader, Work<T> work) throws Exception {
		return Scope.child(scope(settings), () -> {
			boolean autoCommit = connection.getAutoCommit();
			Database database = DatabaseFactory.getInstance()
				.findCorrectDatabaseImplementation(new OwnedJdbcConnection(connection));
			if (transaction != null) {
				database = HeldRollbackPostgresDatabase.of(database, transaction, autoCommit);
			}
			return run(database, settings, resourceLoader, work);
		});
	}

	/**
	 * Run work with Liquibase on no database at all: Liquibase's offline mode for one
	 * kind of database, whose history table is a CSV file (what {@link #seedHistory}
	 * writes) and whose SQL, history-table statements included, is written out rather
	 * than run. Without the file, the SQL starts with the history table's
	 * {@code CREATE TABLE}.
	 * @param <T> the result type
	 * @param dialect the short name Liquibase gives the database, such as
	 * {@code postgresql}
	 * @param version the database's version, or {@code null}
	 * @param caseSensitive whether the database's names are case sensitive (as MySQL's
	 * and MariaDB's are on Linux): then the history table keeps the case of its name
	 * @param historyFile the CSV file that stands for the history table
	 * @param settings the settings
	 * @param resourceLoader where the changelogs are
	 * @param work the work
	 * @return the work's result
	 * @throws Exception what the work throws
	 */
	public static <T> T offline(String dialect, @Nullable String version, boolean caseSensitive, Path historyFile,
			MigrationSettings settings, ResourceLoader resourceLoader, Work<T> work) throws Exception {
		return Scope.child(scope(settings), () -> {
			String url = "offline:" + dialect + "?outputLiquibaseSql=all&caseSensitive=" + caseSensitive
					+ "&changeLogFile="
					+ URLEncoder.encode(historyFile.toAbsolutePath().toString(), StandardCharsets.UTF_8)
					+ ((version != null) ? "&version=" + URLEncoder.encode(version, StandardCharsets.UTF_8) : "");
			try {
				Database database = DatabaseFactory.getInstance()
					.findCorrectDatabaseImplementation(
							new OfflineConnection(url, new SpringResourceAccessor(resourceLoader)));
				return run(database, settings, resourceLoader, work);
			}
			finally {
				// the offline history service is registered for every offline database
				// until forgotten
				forgetDatabase();
			}
		});
	}

	private static Map<String, Object> scope(MigrationSettings settings) {
		Map<String, Object> scope = new LinkedHashMap<>();
		scope.put("liquibase.analytics.enabled", settings.analyticsEnabled());
		scope.put(Scope.Attr.ui.name(), new LoggerUIService());
		// Liquibase's update summary goes to its log, not to standard output (where 'db
		// upgrade --sql' writes SQL)
		scope.put("liquibase.command.showSummaryOutput", "LOG");
		scope.put("liquibase.command.update.showSummaryOutput", "LOG");
		scope.put("liquibase.command.updateCount.showSummaryOutput", "LOG");
		// one copy of the system properties and environment for the configuration lookups
		SessionConfigurationSources.addTo(scope);
		return scope;
	}

	private static <T> T run(Database database, MigrationSettings settings, ResourceLoader resourceLoader, Work<T> work)
			throws Exception {
		database.setDatabaseChangeLogTableName(settings.changelogTable());
		database.setDatabaseChangeLogLockTableName(settings.changelogLockTable());
		if (StringUtils.hasText(settings.defaultSchema())) {
			database.setDefaultSchemaName(settings.defaultSchema());
		}
		if (StringUtils.hasText(settings.liquibaseSchema())) {
			database.setLiquibaseSchemaName(settings.liquibaseSchema());
		}
		ResourceAccessor resources = new SpringResourceAccessor(resourceLoader);
		Liquibase liquibase = new Liquibase(settings.changelog(), resources, database);
		settings.parameters().forEach((name, value) -> liquibase.getChangeLogParameters().set(name, value));
		try {
			return work.run(new LiquibaseSession(settings, database, liquibase, resources, resourceLoader));
		}
		finally {
			try {
				liquibase.close();
			}
			catch (LiquibaseException ex) {
				// the connection is ours: nothing of Liquibase's is left to release
			}
		}
	}

	/**
	 * The revisions of the changelog, parsed once per session.
	 * @return the history
	 * @throws LiquibaseException when the changelog cannot be parsed
	 */
	public RevisionHistory history() throws LiquibaseException {
		if (this.history == null) {
			this.history = new RevisionHistory(this.settings.changelog(), revisions());
		}
		return this.history;
	}

	/**
	 * The revisions as the master changelog lists them, without checking that each
	 * follows its parent ({@code db merge} reads a history that does not).
	 * @return the revisions, in the master changelog's order
	 * @throws LiquibaseException when the changelog cannot be parsed
	 */
	public List<Revision> revisions() throws LiquibaseException {
		if (!this.resourceLoader.getResource(this.settings.changelog()).exists()) {
			return List.of();
		}
		DatabaseChangeLog changeLog = this.liquibase.getDatabaseChangeLog();
		RevisionHeaders headers = new RevisionHeaders(this.resources);
		List<Revision> revisions = new ArrayList<>();
		String currentFile = null;
		RevisionHeaders.Header header = null;
		List<ChangeSetRef> group = new ArrayList<>();
		for (ChangeSet changeSet : changeLog.getChangeSets()) {
			ChangeSetRef ref = ChangeSetRef.of(changeSet);
			this.changeSets.put(ref.key(), changeSet);
			String file = changeSet.getChangeLog().getPhysicalFilePath();
			if (!file.equals(currentFile)) {
				addRevisions(revisions, currentFile, header, group);
				currentFile = file;
				header = headers.read(file);
				group = new ArrayList<>();
			}
			group.add(ref);
		}
		addRevisions(revisions, currentFile, header, group);
		return revisions;
	}

	private void addRevisions(List<Revision> revisions, @Nullable String file, RevisionHeaders.@Nullable Header header,
			List<ChangeSetRef> group) {
		if (file == null || group.isEmpty()) {
			return;
		}
		String previous = revisions.isEmpty() ? null : revisions.get(revisions.size() - 1).id();
		if (header != null) {
			revisions.add(new Revision(header.id(), header.message(), header.parent(), file, List.copyOf(group), true));
			return;
		}
		for (ChangeSetRef ref : group) {
			ChangeSet changeSet = this.changeSets.get(ref.key());
			String comment = (changeSet != null) ? changeSet.getComments() : null;
			String message = StringUtils.hasText(comment) ? comment.strip()
					: "changeset " + ref.id() + " by " + ref.author();
			revisions.add(new Revision(ref.id(), message, previous, file, List.of(ref), false));
			previous = ref.id();
		}
	}

	/**
	 * Where the database stands, from one read of the history table.
	 * @return the status
	 * @throws LiquibaseException when the changelog cannot be parsed
	 * @throws SQLException when the history table cannot be read
	 */
	public MigrationStatus status() throws LiquibaseException, SQLException {
		return status(true);
	}

	/**
	 * Where the database stands, from one read of the history table, with or without
	 * comparing the checksums of the applied changesets with their files (a parse per
	 * changeset: costly on a long history, and needless right after this session's own
	 * run validated and recorded them).
	 * @param findEdited whether to compare checksums
	 * @return the status
	 * @throws LiquibaseException when the changelog cannot be parsed
	 * @throws SQLException when the history table cannot be read
	 */
	public MigrationStatus status(boolean findEdited) throws LiquibaseException, SQLException {
		RevisionHistory history = history();
		List<AppliedChangeSet> applied = changelogTable().read(connection());
		List<ChangeSetFilter> filters = List.of(new ContextChangeSetFilter(contexts()),
				new LabelChangeSetFilter(labels()), new DbmsChangeSetFilter(this.database));
		List<MigrationStatus.EditedChangeSet> edited = new ArrayList<>();
		try {
			// Liquibase leaves changes whose dbms is another database's out of a
			// checksum: it must know which
			// database this is, as it does when it records the checksum during an update.
			if (findEdited) {
				Scope.child(Map.of(Scope.Attr.database.name(), this.database),
						() -> findEdited(history, applied, edited));
			}
		}
		catch (LiquibaseException | RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new LiquibaseException(ex);
		}
		return new MigrationStatus(history, applied, (ref) -> {
			ChangeSet changeSet = this.changeSets.get(ref.key());
			return changeSet != null && filters.stream().allMatch((filter) -> filter.accepts(changeSet).isAccepted());
		}, edited);
	}

	private void findEdited(RevisionHistory history, List<AppliedChangeSet> applied,
			List<MigrationStatus.EditedChangeSet> edited) {
		for (AppliedChangeSet row : applied) {
			ChangeSet changeSet = this.changeSets.get(ChangeSetRef.key(row.id(), row.author(), row.file()));
			if (changeSet == null || row.checksum() == null || changeSet.isRunOnChange() || changeSet.isAlwaysRun()) {
				continue;
			}
			if (!changeSet.isCheckSumValid(CheckSum.parse(row.checksum()))) {
				ChangeSetRef ref = ChangeSetRef.of(changeSet);
				Revision revision = history.revisionOf(ref.id(), ref.author(), ref.file()).orElseThrow();
				edited.add(new MigrationStatus.EditedChangeSet(revision, ref, row.checksum(),
						changeSet.generateCheckSum(ChecksumVersion.latest()).toString()));
			}
		}
	}

	/**
	 * Run the next pending changesets: what Liquibase's {@code update} command does
	 * (history and lock tables made or upgraded, the changelog validated, Liquibase's
	 * lock held, the same filters and visitor), without the parts of that command that
	 * only report. Its status pass, its own up-to-date check and its summary visit every
	 * changeset once more and compute each checksum again: a tenth of the command's time
	 * on a fresh database, and the caller has just read where the database stands and
	 * logs each revision itself. Liquibase's history service is its own, with the row of
	 * each changeset found through an index ({@link IndexedChangeLogHistoryService}).
	 * @param count how many, or {@code -1} for all
	 * @param listener told about each changeset
	 * @param clearStaleLock whether to clear Liquibase's own lock row first
	 * @throws LiquibaseException when a changeset fails
	 */
	public void update(int count, ChangeExecListener listener, boolean clearStaleLock) throws LiquibaseException {
		inScope(() -> {
			DatabaseChangeLog changeLog = this.liquibase.getDatabaseChangeLog();
			Contexts contexts = contexts();
			LabelExpression labels = labels();
			IndexedChangeLogHistoryService.use(this.database);
			ChangeLogHistoryService history = ChangeLogHistoryServiceFactory.getInstance()
				.getChangeLogService(this.database);
			history.init();
			history.upgradeChecksums(changeLog, contexts, labels);
			LockService lock = LockServiceFactory.getInstance().getLockService(this.database);
			lock.init();
			if (clearStaleLock) {
				// Only the holder of paig-db's lock gets here: a lock row a killed
				// process left is stale.
				lock.forceReleaseLock();
			}
			changeLog.validate(this.database, contexts, labels);
			lock.waitForLock();
			// Liquibase 4.x's lock service makes the factory forget every history service
			// when it takes the
			// lock, and the update reads the rows again: through an index again.
			IndexedChangeLogHistoryService.use(this.database);
			try {
				List<ChangeSetFilter> filters = new ArrayList<>(List.of(new ShouldRunChangeSetFilter(this.database),
						new ContextChangeSetFilter(contexts), new LabelChangeSetFilter(labels),
						new DbmsChangeSetFilter(this.database), new IgnoreChangeSetFilter()));
				if (count >= 0) {
					filters.add(new CountChangeSetFilter(count));
				}
				new ChangeLogIterator(changeLog, filters).run(
						new UpdateVisitor(this.database, listener, new ShouldRunChangeSetFilter(this.database)),
						new RuntimeEnvironment(this.database, contexts, labels));
				this.database.afterUpdate();
			}
			finally {
				try {
					lock.releaseLock();
				}
				finally {
					forgetDatabase();
				}
			}
			return null;
		});
	}

	/**
	 * What Liquibase's commands do when they end: its factories keep a lock service and a
	 * history service (with every row it read) per database, until told to forget them.
	 */
	private static void forgetDatabase() {
		LockServiceFactory.getInstance().resetAll();
		ChangeLogHistoryServiceFactory.getInstance().resetAll();
	}

	/**
	 * How many changesets Liquibase would run, in its order, up to and including one.
	 * @param last the last changeset to run
	 * @return the count for {@link #update(int, ChangeExecListener, boolean)}
	 * @throws LiquibaseException when the changelog cannot be read
	 */
	public int countThrough(ChangeSetRef last) throws LiquibaseException {
		List<ChangeSet> unrun = this.liquibase.listUnrunChangeSets(contexts(), labels());
		for (int i = 0; i < unrun.size(); i++) {
			if (last.is(unrun.get(i))) {
				return i + 1;
			}
		}
		return unrun.size();
	}

	/**
	 * Write the SQL of the next pending changesets instead of running them.
	 * @param count how many, or {@code -1} for all
	 * @param output where the SQL goes
	 * @throws LiquibaseException when the SQL cannot be generated
	 */
	public void updateSql(int count, Writer output) throws LiquibaseException {
		if (count < 0) {
			this.liquibase.update(contexts(), labels(), output);
		}
		else {
			this.liquibase.update(count, contexts(), labels(), output);
		}
	}

	/**
	 * Record changesets as applied in an offline session's history file, as the history
	 * table of a database at that point holds them: in order, and only those that run on
	 * this database with the configured contexts and labels.
	 * @param historyFile the session's history file
	 * @param applied the changesets, in the order they ran
	 * @return the changesets recorded
	 * @throws IOException when the file cannot be written
	 */
	public List<ChangeSetRef> seedHistory(Path historyFile, List<ChangeSetRef> applied) throws IOException {
		List<ChangeSetFilter> filters = List.of(new ContextChangeSetFilter(contexts()),
				new LabelChangeSetFilter(labels()), new DbmsChangeSetFilter(this.database));
		List<ChangeSetRef> seeded = new ArrayList<>();
		try (Writer writer = Files.newBufferedWriter(historyFile, StandardCharsets.UTF_8)) {
			CSVWriter csv = new CSVWriter(writer);
			csv.writeNext(new String[] { "ID", "AUTHOR", "FILENAME", "DATEEXECUTED", "ORDEREXECUTED", "EXECTYPE",
					"MD5SUM", "DESCRIPTION", "COMMENTS", "TAG", "LIQUIBASE", "CONTEXTS", "LABELS", "DEPLOYMENT_ID" });
			String executed = new ISODateFormat().format(new Timestamp(System.currentTimeMillis()));
			for (ChangeSetRef ref : applied) {
				ChangeSet changeSet = this.changeSets.get(ref.key());
				if (changeSet == null
						|| !filters.stream().allMatch((filter) -> filter.accepts(changeSet).isAccepted())) {
					continue;
				}
				seeded.add(ref);
				csv.writeNext(new String[] { changeSet.getId(), changeSet.getAuthor(), changeSet.getFilePath(),
						executed, String.valueOf(seeded.size()), ChangeSet.ExecType.EXECUTED.value,
						changeSet.generateCheckSum(ChecksumVersion.latest()).toString(), changeSet.getDescription(),
						changeSet.getComments(), "", "", "", "", "" });
			}
			csv.flush();
		}
		return seeded;
	}

	/**
	 * Write the SQL that rolls back the changesets that ran last instead of running it.
	 * @param count how many
	 * @param output where the SQL goes
	 * @throws LiquibaseException when the SQL cannot be generated
	 */
	public void rollbackSql(int count, Writer output) throws LiquibaseException {
		this.liquibase.rollback(count, contexts(), labels(), output);
	}

	/**
	 * Record changesets as run without running them, or forget that they ran.
	 * @param run the changesets to record, in order
	 * @param forget the changesets to remove from the history
	 * @throws LiquibaseException on a database error
	 */
	public void stamp(List<ChangeSetRef> run, List<ChangeSetRef> forget) throws LiquibaseException {
		try {
			ChangeLogHistoryService history = ChangeLogHistoryServiceFactory.getInstance()
				.getChangeLogService(this.database);
			history.init();
			for (ChangeSetRef ref : forget) {
				ChangeSet changeSet = this.changeSets.get(ref.key());
				if (changeSet != null) {
					history.removeFromHistory(changeSet);
				}
			}
			for (ChangeSetRef ref : run) {
				ChangeSet changeSet = this.changeSets.get(ref.key());
				if (changeSet != null) {
					this.database.markChangeSetExecStatus(changeSet, ChangeSet.ExecType.MARK_RAN);
				}
			}
			this.database.commit();
		}
		finally {
			forgetDatabase();
		}
	}

	/**
	 * Roll back the changesets that ran last.
	 * @param count how many
	 * @param listener told about each changeset
	 * @param clearStaleLock whether to clear Liquibase's own lock row first
	 * @throws LiquibaseException when a rollback fails
	 */
	public void rollback(int count, ChangeExecListener listener, boolean clearStaleLock) throws LiquibaseException {
		this.liquibase.setChangeExecListener(listener);
		if (clearStaleLock) {
			LockServiceFactory.getInstance().getLockService(this.database).forceReleaseLock();
		}
		this.liquibase.rollback(count, (String) null, contexts(), labels());
	}

	/**
	 * Run work in the scope Liquibase's own commands run in: this session's database and
	 * resources.
	 * @param work the work
	 * @throws LiquibaseException when the work fails, its other exceptions wrapped
	 */
	private void inScope(Scope.ScopedRunnerWithReturn<Void> work) throws LiquibaseException {
		try {
			Scope.child(Map.of(Scope.Attr.database.name(), this.database, Scope.Attr.resourceAccessor.name(),
					this.resources), work);
		}
		catch (LiquibaseException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new LiquibaseException(ex);
		}
	}

	public ChangelogTable changelogTable() {
		String qualified = this.database.escapeTableName(this.database.getLiquibaseCatalogName(),
				this.database.getLiquibaseSchemaName(), this.settings.changelogTable());
		return new ChangelogTable(qualified, this.settings.changelogTable(), this.settings.historySchema());
	}

	Connection connection() {
		return ((JdbcConnection) this.database.getConnection()).getUnderlyingConnection();
	}

	/**
	 * Liquibase's short name of the database, such as {@code postgresql}, {@code mariadb}
	 * or {@code sqlite}.
	 * @return the name
	 */
	public String dialect() {
		return this.database.getShortName();
	}

	/**
	 * Whether the database's names are case sensitive, as Liquibase finds.
	 * @return {@code true} when they are
	 */
	public boolean caseSensitive() {
		return this.database.isCaseSensitive();
	}

	/**
	 * The database's version, as its driver reports it.
	 * @return the version, or {@code null} when unknown
	 */
	public @Nullable String databaseVersion() {
		try {
			return this.database.getDatabaseProductVersion();
		}
		catch (DatabaseException ex) {
			return null;
		}
	}

	/**
	 * Whether a transaction can hold DDL: PostgreSQL and SQLite, not MySQL or MariaDB,
	 * which commit before and after each DDL statement (Liquibase's
	 * {@code supportsDDLInTransaction} says yes for them).
	 * @return {@code true} when a revision can be one transaction
	 */
	public boolean transactionalDdl() {
		String name = this.database.getShortName();
		if (name.equals("mysql") || name.equals("mariadb")) {
			return false;
		}
		return name.equals("postgresql") || name.equals("sqlite") || this.database.supportsDDLInTransaction();
	}

	private Contexts contexts() {
		return new Contexts(this.settings.contexts());
	}

	private LabelExpression labels() {
		return new LabelExpression(this.settings.labels());
	}

	/**
	 * Work done in a session.
	 *
	 * @param <T> the result type
	 */
	@FunctionalInterface
	public interface Work<T> {

		T run(LiquibaseSession session) throws Exception;

	}

	/**
	 * The migration's connection, lent to Liquibase: closing it is left to its owner, who
	 * holds the lock on it.
	 */
	private static final class OwnedJdbcConnection extends JdbcConnection {

		OwnedJdbcConnection(Connection connection) {
			super(connection);
		}

		@Override
		public void close() {
			// the owner closes it, after releasing the lock
		}

	}

}
