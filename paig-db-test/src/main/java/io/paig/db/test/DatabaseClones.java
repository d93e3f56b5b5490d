package io.paig.db.test;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.paig.db.migration.MigrationException;
import io.paig.db.migration.MigrationSettings;
import io.paig.db.migration.fastcheck.ChangelogFingerprint;
import io.paig.db.migration.runner.MigrationRunner;
import io.paig.db.url.JdbcSettings;
import io.paig.db.url.JdbcTranslator;
import io.paig.db.url.SqliteOptions;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Fresh databases at head for tests, on one server, for one changelog: each is cloned
 * from a template that is migrated once per state of the changelog (named by the fast
 * check's fingerprint, so that a changed changelog builds a new one), and a small pool of
 * clones is made ahead in the background, so that a test waits only when the pool is
 * empty. JVMs that share the server (Surefire forks, parallel builds) share its
 * templates: a template is built under a lock on the server (a file lock for SQLite).
 * Clones are dropped when closed and, at the latest, when the JVM exits; templates of
 * older fingerprints, and clones that a dead JVM left behind, are dropped at each JVM's
 * first use.
 * <p>
 * {@link FreshDatabase @FreshDatabase} points a Spring test's DataSource at one; tests of
 * data migrations take an {@link #empty() empty} database and run the revisions
 * themselves.
 *
 * @author paig-db authors
 */
public final class DatabaseClones {

	private static final Log logger = LogFactory.getLog(DatabaseClones.class);

	/** How many clones are made ahead. */
	static final int POOL = Integer.getInteger("paig.db.test.clone-pool", 2);

	/** Clones older than this that no running JVM knows are dropped as orphans. */
	static final Duration ORPHANED = Duration.ofHours(6);

	private static final Map<String, DatabaseClones> ALL = new ConcurrentHashMap<>();

	/** Every instance, shared or not, whose clones the JVM's exit drops. */
	private static final Set<DatabaseClones> EVERY = ConcurrentHashMap.newKeySet();

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private static final ExecutorService BACKGROUND = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "paig-db-clones");
		thread.setDaemon(true);
		return thread;
	});

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(DatabaseClones::dropAtExit, "paig-db-clones-cleanup"));
	}

	private final CloneServer server;

	private final MigrationSettings settings;

	private final ResourceLoader resourceLoader;

	private final BlockingQueue<DatabaseClone> ready = new LinkedBlockingQueue<>();

	private final AtomicInteger pending = new AtomicInteger();

	private final Set<String> live = ConcurrentHashMap.newKeySet();

	private volatile @Nullable String template;

	private DatabaseClones(CloneServer server, MigrationSettings settings, ResourceLoader resourceLoader) {
		this.server = server;
		this.settings = settings;
		this.resourceLoader = resourceLoader;
	}

	/**
	 * The clones of a changelog on the server (and database) a URL names, one instance
	 * per JVM.
	 * @param databaseUrl a paig-db URL ({@code postgresql://root@localhost/test}); the
	 * clones are made on its server, named after its database (a SQLite file's name)
	 * @param changelog the master changelog
	 * @return the clones
	 */
	public static DatabaseClones of(String databaseUrl, String changelog) {
		JdbcSettings server = new JdbcTranslator(SqliteOptions.DEFAULTS, DatabaseClones.class.getClassLoader())
			.translate(databaseUrl, null, null);
		return of(server, MigrationSettings.of(changelog), new DefaultResourceLoader());
	}

	/**
	 * The clones of a changelog on a server, one instance per JVM.
	 * @param server the JDBC settings of a database on the server
	 * @param settings the migration settings
	 * @param resourceLoader where the changelogs are
	 * @return the clones
	 */
	public static DatabaseClones of(JdbcSettings server, MigrationSettings settings, ResourceLoader resourceLoader) {
		String key = server.jdbcUrl() + "\n" + server.username() + "\n" + settings;
		return ALL.computeIfAbsent(key, (k) -> create(server, settings, resourceLoader));
	}

	/**
	 * New clones of a changelog, not the JVM's shared instance.
	 * @param server the JDBC settings of a database on the server
	 * @param settings the migration settings
	 * @param resourceLoader where the changelogs are
	 * @return the clones
	 */
	static DatabaseClones create(JdbcSettings server, MigrationSettings settings, ResourceLoader resourceLoader) {
		DatabaseClones clones = new DatabaseClones(CloneServer.of(server), settings, resourceLoader);
		EVERY.add(clones);
		return clones;
	}

	/**
	 * A fresh database at head from the pool; made now when the pool is empty.
	 * @return the database, the caller's to close (which drops it)
	 */
	public DatabaseClone take() {
		String template = template();
		DatabaseClone clone = this.ready.poll();
		try {
			if (clone == null && this.pending.get() > 0) {
				// one is on its way: waiting for it costs less than making another
				// beside it
				clone = this.ready.poll(2, TimeUnit.MINUTES);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (clone == null) {
			clone = make(template);
		}
		refill();
		return clone;
	}

	/**
	 * A fresh database at head made now, not from the pool: what a test waits when the
	 * pool is empty.
	 * @return the database, the caller's to close
	 */
	public DatabaseClone cold() {
		return make(template());
	}

	/**
	 * An empty database on the same server, for tests that run revisions themselves (data
	 * migrations: bring it to one revision, insert rows, upgrade, assert).
	 * @return the database, the caller's to close
	 */
	public DatabaseClone empty() {
		String name = newName();
		this.live.add(name);
		try {
			return new DatabaseClone(this, name, this.server.create(name));
		}
		catch (SQLException ex) {
			this.live.remove(name);
			throw new IllegalStateException("Could not create database " + name + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Make the template now (clones are then made ahead), so that a test that takes one
	 * later finds it ready.
	 * @return this
	 */
	public DatabaseClones prepare() {
		template();
		return this;
	}

	/**
	 * How many clones are made ahead and waiting now.
	 * @return the count
	 */
	public int ready() {
		return this.ready.size();
	}

	/**
	 * Drop every template and clone of this server's database, this JVM's and any other's
	 * (a clean slate, for a benchmark's first build or a server's clean-up).
	 */
	public synchronized void dropAll() {
		try {
			for (DatabaseClone clone : List.copyOf(this.ready)) {
				this.ready.remove(clone);
			}
			for (String name : this.server.names()) {
				this.live.remove(name);
				quietDrop(name);
			}
			this.template = null;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not list the test databases: " + ex.getMessage(), ex);
		}
	}

	/**
	 * The name of the template for the changelog as it is now.
	 * @return the template's name
	 */
	public String templateName() {
		return template();
	}

	/**
	 * The names of this server's templates and clones, as they are now.
	 * @return the names
	 * @throws SQLException on a database error
	 */
	List<String> names() throws SQLException {
		return this.server.names();
	}

	MigrationSettings settings() {
		return this.settings;
	}

	ResourceLoader resourceLoader() {
		return this.resourceLoader;
	}

	private String template() {
		String template = this.template;
		if (template != null) {
			return template;
		}
		synchronized (this) {
			if (this.template == null) {
				this.template = buildTemplate();
				refill();
			}
			return this.template;
		}
	}

	private String buildTemplate() {
		String name = this.server.templateName(fingerprint());
		try {
			this.server.locked(() -> {
				if (!this.server.templateReady(name)) {
					logger.info("Building test template " + name + " (the changelog is new or changed)");
					JdbcSettings database = this.server.createTemplate(name);
					new MigrationRunner(dataSource(database), this.settings, this.resourceLoader).upgrade("head");
					this.server.markReady(name);
				}
				// each JVM's first use sweeps: a template of another changelog state, and
				// clones a JVM that died (or was killed by its test runner) left behind
				dropStale(name);
				return null;
			});
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not build the test template " + name + ": " + ex.getMessage(), ex);
		}
		return name;
	}

	private String fingerprint() {
		ChangelogFingerprint.Recorder recorder = new ChangelogFingerprint.Recorder(this.resourceLoader);
		DataSource parsing = this.server.server.isSqlite() ? new DriverManagerDataSource("jdbc:sqlite::memory:")
				: dataSource(this.server.server);
		try {
			new MigrationRunner(parsing, this.settings, recorder).revisions();
			return ChangelogFingerprint.fingerprint(this.settings, recorder, this.resourceLoader);
		}
		catch (IOException | MigrationException ex) {
			throw new IllegalStateException(
					"Could not read the changelog " + this.settings.changelog() + ": " + ex.getMessage(), ex);
		}
	}

	private void dropStale(String current) throws SQLException {
		long now = Instant.now().getEpochSecond();
		for (String name : this.server.names()) {
			boolean staleTemplate = name.startsWith(this.server.base + CloneServer.TEMPLATE) && !name.equals(current);
			boolean orphan = name.startsWith(this.server.base + CloneServer.CLONE) && !this.live.contains(name)
					&& now - createdAt(name) > ORPHANED.toSeconds();
			if (staleTemplate || orphan) {
				logger.info("Dropping " + (staleTemplate ? "stale test template " : "orphaned test clone ") + name);
				try {
					this.server.drop(name);
				}
				catch (SQLException ex) {
					logger.warn("Could not drop " + name + ": " + ex.getMessage());
				}
			}
		}
	}

	private long createdAt(String name) {
		String rest = name.substring((this.server.base + CloneServer.CLONE).length());
		int end = rest.indexOf('_');
		try {
			return Long.parseLong((end > 0) ? rest.substring(0, end) : rest, 36);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private String newName() {
		return this.server.base + CloneServer.CLONE + Long.toString(Instant.now().getEpochSecond(), 36) + "_"
				+ Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36) + COUNTER.incrementAndGet();
	}

	private DatabaseClone make(String template) {
		try {
			return makeOnce(template);
		}
		catch (IllegalStateException ex) {
			// another JVM, with another state of the changelog, may have dropped this
			// template as stale: build it again
			synchronized (this) {
				if (template.equals(this.template) && !templateReady(template)) {
					this.template = null;
				}
			}
			return makeOnce(template());
		}
	}

	private boolean templateReady(String template) {
		try {
			return this.server.templateReady(template);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private DatabaseClone makeOnce(String template) {
		String name = newName();
		this.live.add(name);
		try {
			return new DatabaseClone(this, name, this.server.cloneOf(template, name));
		}
		catch (SQLException ex) {
			this.live.remove(name);
			quietDrop(name);
			throw new IllegalStateException("Could not clone " + template + " as " + name + ": " + ex.getMessage(), ex);
		}
	}

	private synchronized void refill() {
		while (this.ready.size() + this.pending.get() < POOL) {
			this.pending.incrementAndGet();
			String template = this.template;
			BACKGROUND.execute(() -> {
				try {
					this.ready.add(make(template));
				}
				catch (RuntimeException ex) {
					logger.warn("Could not make a test database ahead: " + ex.getMessage());
				}
				finally {
					this.pending.decrementAndGet();
				}
			});
		}
	}

	/**
	 * Drop a database this made.
	 * @param clone the database
	 */
	void drop(DatabaseClone clone) {
		if (this.live.remove(clone.name())) {
			quietDrop(clone.name());
		}
	}

	private void quietDrop(String name) {
		try {
			this.server.drop(name);
		}
		catch (SQLException | RuntimeException ex) {
			logger.warn("Could not drop test database " + name + ": " + ex.getMessage());
		}
	}

	static DataSource dataSource(JdbcSettings database) {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(database.jdbcUrl());
		dataSource.setDriverClassName(database.driverClassName());
		if (database.username() != null) {
			dataSource.setUsername(database.username());
		}
		if (database.password() != null) {
			dataSource.setPassword(database.password());
		}
		return dataSource;
	}

	private static void dropAtExit() {
		// a clone being made ahead is named before it exists: let the background thread
		// finish it, so that it is dropped below rather than left on the server
		BACKGROUND.shutdown();
		try {
			BACKGROUND.awaitTermination(1, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		for (DatabaseClones clones : EVERY) {
			for (String name : List.copyOf(clones.live)) {
				clones.live.remove(name);
				clones.quietDrop(name);
			}
		}
	}

}
