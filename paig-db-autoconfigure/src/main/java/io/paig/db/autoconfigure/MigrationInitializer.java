package io.paig.db.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.paig.db.autoconfigure.DatabaseProperties.OnStartup;
import io.paig.db.migration.MigrationException;
import io.paig.db.migration.MigrationSettings;
import io.paig.db.migration.runner.MigrationRunner;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.ResourceLoader;

/**
 * Runs the migration runners as the application context starts, before JPA and anything
 * else that depends on the database being initialized, as
 * {@code database.migration.on-startup} says. A changelog that exists is migrated (or
 * validated), or start-up fails: it is never left alone without {@code on-startup=none}.
 * <p>
 * In the background ({@link #setInBackground(boolean)}, as in an R2DBC application, whose
 * every connection waits for {@link #done()}), the runs go on a thread of their own while
 * the rest of the context is made, and the context waits for them once its singletons are
 * made: a failure still stops start-up, and nothing is served before the schema is at
 * head.
 *
 * @author paig-db authors
 */
public class MigrationInitializer implements InitializingBean, SmartInitializingSingleton, DisposableBean {

	private static final Log logger = LogFactory.getLog(MigrationInitializer.class);

	private static final String DEFAULT_STEM = MigrationSettings.DEFAULT_CHANGELOG.substring(0,
			MigrationSettings.DEFAULT_CHANGELOG.lastIndexOf('.'));

	/**
	 * Other names a changelog at the default place often has: Spring Boot's users write
	 * XML, JSON or SQL changelogs too.
	 */
	private static final List<String> OTHER_EXTENSIONS = List.of(".yml", ".xml", ".json", ".sql");

	private final Map<String, MigrationRunner> runners;

	private final OnStartup onStartup;

	private final @Nullable ResourceLoader resourceLoader;

	private boolean inBackground;

	private volatile CompletableFuture<Void> done = CompletableFuture.completedFuture(null);

	/**
	 * Create an initializer for one runner.
	 * @param runner the runner
	 * @param onStartup what to do
	 */
	public MigrationInitializer(MigrationRunner runner, OnStartup onStartup) {
		this(Map.of("migrationRunner", runner), onStartup, null);
	}

	/**
	 * Create an initializer for every runner of the application.
	 * @param runners the runners by bean name
	 * @param onStartup what to do with each
	 * @param resourceLoader where to look for a changelog left at another name than the
	 * default, or {@code null} not to look
	 */
	public MigrationInitializer(Map<String, MigrationRunner> runners, OnStartup onStartup,
			@Nullable ResourceLoader resourceLoader) {
		this.runners = runners;
		this.onStartup = onStartup;
		this.resourceLoader = resourceLoader;
	}

	/**
	 * Set whether the runs go on a thread of their own while the rest of the context is
	 * made. Only where everything that reaches the database waits for {@link #done()}.
	 * @param inBackground whether to run in the background
	 */
	public void setInBackground(boolean inBackground) {
		this.inBackground = inBackground;
	}

	/**
	 * Whether the runs go on a thread of their own.
	 * @return whether they run in the background
	 */
	boolean isInBackground() {
		return this.inBackground;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.onStartup == OnStartup.NONE) {
			return;
		}
		if (!this.inBackground) {
			this.runners.values().forEach(this::run);
			return;
		}
		for (MigrationRunner runner : this.runners.values()) {
			// listeners that are beans are made here, on the thread that makes beans,
			// not by the migrations' thread while this one holds the bean factory
			runner.getListeners().forEach((listener) -> {
			});
		}
		CompletableFuture<Void> done = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				this.runners.values().forEach(this::run);
				done.complete(null);
			}
			catch (Throwable ex) {
				done.completeExceptionally(ex);
			}
		}, "paig-db-migrations");
		this.done = done;
		thread.start();
	}

	/**
	 * Wait for the runs started in the background; their failure stops start-up.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		try {
			this.done.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

	/**
	 * Let runs started in the background end before the context closes, as a start-up
	 * that failed elsewhere would otherwise exit in the middle of them.
	 */
	@Override
	public void destroy() {
		this.done.exceptionally((ex) -> null).join();
	}

	/**
	 * When the start-up runs are over: at once, unless they run in the background.
	 * @return a future completed when they succeeded, completed exceptionally when one
	 * failed
	 */
	CompletableFuture<Void> done() {
		return this.done;
	}

	private void run(MigrationRunner runner) {
		String changelog = runner.getSettings().changelog();
		if (!runner.hasChangelog()) {
			if (changelog.equals(MigrationSettings.DEFAULT_CHANGELOG)) {
				requireNoOtherChangelog();
				logger.info("No changelog at " + changelog + ": there is nothing to migrate");
				return;
			}
			throw new MigrationException("The changelog " + changelog + " does not exist.",
					"Create it, or point database.migration.changelog at the master changelog ('classpath:...' or "
							+ "'file:...').");
		}
		if (this.onStartup == OnStartup.VALIDATE) {
			runner.validate();
		}
		else {
			runner.upgrade();
		}
	}

	/**
	 * Fail when a master changelog sits at the default place under another extension: it
	 * would silently not be migrated.
	 */
	private void requireNoOtherChangelog() {
		if (this.resourceLoader == null) {
			return;
		}
		for (String extension : OTHER_EXTENSIONS) {
			String location = DEFAULT_STEM + extension;
			if (this.resourceLoader.getResource(location).exists()) {
				throw new MigrationException("There is no changelog at " + MigrationSettings.DEFAULT_CHANGELOG
						+ ", where paig-db looks by default, but " + location + " exists: it would not be migrated.",
						"Point database.migration.changelog at it (database.migration.changelog=" + location
								+ "), or set database.migration.on-startup=none if this application does not "
								+ "migrate it.");
			}
		}
	}

}
