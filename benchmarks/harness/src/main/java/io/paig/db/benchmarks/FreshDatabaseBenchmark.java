package io.paig.db.benchmarks;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import io.paig.db.migration.MigrationSettings;
import io.paig.db.migration.runner.MigrationRunner;
import io.paig.db.test.DatabaseClone;
import io.paig.db.test.DatabaseClones;
import liquibase.integration.spring.SpringLiquibase;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.DefaultResourceLoader;

/**
 * "A fresh migrated database for one test" (issue #19): how long a test waits for one
 * with paig-db-test's clones when the pool is warm, how long a clone made on demand takes
 * (the pool empty), and re-applying every change into an empty database with paig-db,
 * stock Liquibase and Flyway; for PAIG's 19 revisions (the sample's changelog) and a
 * generated workload. zonky's embedded-database-spring-test, which does the same for
 * Flyway users, is not in the local repository, so it is not measured.
 *
 * @author paig-db authors
 */
final class FreshDatabaseBenchmark {

	static final String PAIG = "PAIG's 19 revisions";

	private final Server server;

	private final Path root;

	private final int rounds;

	private final Consumer<String> progress;

	/** Median per changelog, then per measurement. */
	private final Map<String, Map<String, Stats>> medians = new LinkedHashMap<>();

	FreshDatabaseBenchmark(Server server, Path root, int rounds, Consumer<String> progress) {
		this.server = server;
		this.root = root;
		this.rounds = rounds;
		this.progress = progress;
	}

	/**
	 * Measure PAIG's changelog.
	 * @throws Exception when a tool fails
	 */
	void paig() throws Exception {
		Path resources = this.root.resolve("sample-app/src/main/resources");
		if (!Files.isDirectory(resources)) {
			throw new IllegalStateException("No sample changelog in " + resources);
		}
		ClassLoader loader = new URLClassLoader(new URL[] { resources.toUri().toURL() }, getClass().getClassLoader());
		measure(PAIG, "bfresh_paig", loader, null);
	}

	/**
	 * Measure a generated workload.
	 * @param workload the workload
	 * @throws Exception when a tool fails
	 */
	void workload(Workload workload) throws Exception {
		measure(String.format(Locale.ROOT, "%,d changes", workload.changes()), "bfresh_" + workload.changes(),
				workload.classLoader(getClass().getClassLoader()), workload);
	}

	private void measure(String label, String serverDatabase, ClassLoader loader, @Nullable Workload workload)
			throws Exception {
		Map<String, Stats> results = new LinkedHashMap<>();
		this.server.create(serverDatabase);
		MigrationSettings settings = MigrationSettings.of("classpath:" + Workload.CHANGELOG);
		DatabaseClones clones = DatabaseClones.of(this.server.jdbc(serverDatabase), settings,
				new DefaultResourceLoader(loader));
		clones.dropAll();
		long start = System.nanoTime();
		clones.prepare();
		results.put("template build (once per changelog state)", Stats.of(List.of((System.nanoTime() - start) / 1e6)));
		List<Double> wait = new ArrayList<>();
		List<Double> cold = new ArrayList<>();
		for (int round = 0; round < this.rounds + 1; round++) {
			awaitPool(clones);
			start = System.nanoTime();
			DatabaseClone clone = clones.take();
			double waited = (System.nanoTime() - start) / 1e6;
			clone.close();
			awaitPool(clones);
			this.server.settle();
			start = System.nanoTime();
			clone = clones.cold();
			double made = (System.nanoTime() - start) / 1e6;
			clone.close();
			if (round > 0) {
				wait.add(waited);
				cold.add(made);
			}
			this.progress.accept(String.format(Locale.ROOT, "  %s fresh %s: wait %.1f ms, cold clone %.0f ms",
					this.server.name(), label, waited, made));
		}
		awaitPool(clones);
		results.put("paig-db-test clone, pool warm (the test's wait)", Stats.of(wait));
		results.put("paig-db-test clone, made on demand (cold)", Stats.of(cold));
		List<Tool> tools = new ArrayList<>(List.of(Tool.PAIG_DB, Tool.LIQUIBASE));
		if (workload != null) {
			tools.add(Tool.FLYWAY);
		}
		for (Tool tool : tools) {
			List<Double> times = new ArrayList<>();
			for (int round = 0; round < this.rounds; round++) {
				String database = serverDatabase + "_re";
				this.server.create(database);
				this.server.settle();
				DataSource dataSource = this.server.dataSource(database);
				start = System.nanoTime();
				if (workload != null) {
					Migrations.apply(tool, dataSource, loader, workload.statements());
				}
				else if (tool == Tool.PAIG_DB) {
					new MigrationRunner(dataSource, settings, new DefaultResourceLoader(loader)).upgrade();
				}
				else {
					SpringLiquibase liquibase = new SpringLiquibase();
					liquibase.setDataSource(dataSource);
					liquibase.setChangeLog("classpath:/" + Workload.CHANGELOG);
					liquibase.setResourceLoader(new DefaultResourceLoader(loader));
					liquibase.afterPropertiesSet();
				}
				double millis = (System.nanoTime() - start) / 1e6;
				times.add(millis);
				this.server.drop(database);
				this.progress.accept(String.format(Locale.ROOT, "  %s fresh %s: re-apply %s %.0f ms",
						this.server.name(), label, tool.applyLabel(), millis));
			}
			results.put("re-apply, " + tool.applyLabel(), Stats.of(times));
		}
		clones.dropAll();
		this.server.drop(serverDatabase);
		this.medians.put(label, results);
	}

	private static void awaitPool(DatabaseClones clones) throws InterruptedException {
		long deadline = System.nanoTime() + 600_000_000_000L;
		while (clones.ready() < 1 && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
	}

	/**
	 * The rows, as Markdown.
	 * @return the table
	 */
	String rows() {
		StringBuilder out = new StringBuilder();
		this.medians.forEach((label, results) -> results
			.forEach((measurement, stats) -> out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n",
					this.server.name(), label, measurement, ms(stats.min()), ms(stats.median()), ms(stats.max())))));
		return out.toString();
	}

	/**
	 * The targets of issue #19, each PASS or FAIL.
	 * @return one line per target
	 */
	List<String> targets() {
		List<String> lines = new ArrayList<>();
		for (Map.Entry<String, Map<String, Stats>> entry : this.medians.entrySet()) {
			Map<String, Stats> results = entry.getValue();
			double wait = results.get("paig-db-test clone, pool warm (the test's wait)").median();
			double cold = results.get("paig-db-test clone, made on demand (cold)").median();
			if (entry.getKey().equals(PAIG)) {
				if (this.server.key().equals("postgresql")) {
					double paig = results.get("re-apply, " + Tool.PAIG_DB.applyLabel()).median();
					lines.add(target(entry.getKey() + ", wait <= 0.1x paig-db's re-apply", wait, paig, 0.1));
					lines.add(target(entry.getKey() + ", cold clone <= 0.5x paig-db's re-apply", cold, paig, 0.5));
				}
			}
			else if (this.server.isSqlite()) {
				double fastest = results.entrySet()
					.stream()
					.filter((e) -> e.getKey().startsWith("re-apply"))
					.mapToDouble((e) -> e.getValue().median())
					.min()
					.orElseThrow();
				lines.add(target(entry.getKey() + ", wait <= 0.1x the fastest re-apply", wait, fastest, 0.1));
			}
			else {
				double flyway = results.get("re-apply, " + Tool.FLYWAY.applyLabel()).median();
				lines.add(target(entry.getKey() + ", wait <= 0.1x Flyway's re-apply", wait, flyway, 0.1));
			}
		}
		return lines;
	}

	private String target(String what, double value, double reference, double ratio) {
		boolean pass = value <= reference * ratio;
		return String.format(Locale.ROOT, "- %s %s: %s: %s ms vs %s ms (%.3fx)", pass ? "PASS" : "FAIL",
				this.server.name(), what, ms(value), ms(reference), value / reference);
	}

	private static String ms(double millis) {
		return (millis < 10) ? String.format(Locale.ROOT, "%.2f", millis) : String.format(Locale.ROOT, "%,.0f", millis);
	}

}
