package io.paig.db.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import io.paig.db.benchmarks.Result.Kind;

/**
 * The figures as Markdown: one table per database with min/median/max, ratios and
 * allocation; how each figure grows with the size; the targets of issue #7, each PASS or
 * FAIL; and the closing line {@code N passed, M failed}.
 *
 * @author paig-db authors
 */
public final class Report {

	/** The number of changes the targets are measured at. */
	static final int TARGET_SIZE = 1000;

	private final List<Result> results;

	private final List<String> databases;

	private int passed;

	private int failed;

	/**
	 * Create a report.
	 * @param results every measurement
	 * @param databases the databases measured, in order
	 */
	public Report(List<Result> results, List<String> databases) {
		this.results = results;
		this.databases = databases;
	}

	/**
	 * The figures, the scale and the targets.
	 * @return the report in Markdown
	 */
	public String figures() {
		StringBuilder out = new StringBuilder();
		for (String database : this.databases) {
			out.append("### ").append(database).append("\n\n");
			out.append("| measurement | changes | tool | min ms | median ms | max ms | vs baseline | vs Liquibase "
					+ "| allocated |\n");
			out.append("|---|---:|---|---:|---:|---:|---:|---:|---:|\n");
			for (Kind kind : Kind.values()) {
				for (int changes : sizes(database, kind)) {
					for (Result result : select(database, kind, changes)) {
						Stats stats = result.stats();
						out.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s | %s | %s | %s |\n",
								kind.label(), changes, result.toolLabel(), ms(stats.min()), ms(stats.median()),
								ms(stats.max()), ratio(result, baseline(database, kind, changes, result.tool())),
								ratio(result, find(database, kind, changes, Tool.LIQUIBASE)),
								(result.allocatedBytes() != null) ? mb(result.allocatedBytes()) : ""));
					}
				}
			}
			out.append("\n");
		}
		out.append("Baseline: raw JDBC for apply-all, the floor (one `select count(*)` on the history table, fresh ")
			.append("connection) for the checks, the app without a migration tool for the start. Ratios are of ")
			.append("medians. *allocated*: heap allocated by the measuring thread during one run (median), ")
			.append("`ThreadMXBean#getThreadAllocatedBytes`.\n\n");
		out.append(scale());
		out.append(targets());
		return out.toString();
	}

	/**
	 * The closing line; valid after {@link #figures()}.
	 * @return {@code N passed, M failed}
	 */
	public String summary() {
		return this.passed + " passed, " + this.failed + " failed";
	}

	private String scale() {
		StringBuilder out = new StringBuilder("## Scale\n\n");
		out.append("Medians at each size and the factor from one size to the next (10x more changes each step; ")
			.append("1.0x means flat, 10x means linear).\n\n");
		out.append(
				"| database | measurement | tool | medians (ms) by size | growth per 10x |\n|---|---|---|---|---|\n");
		boolean any = false;
		for (String database : this.databases) {
			for (Kind kind : Kind.values()) {
				List<Integer> sizes = new ArrayList<>(sizes(database, kind));
				if (sizes.size() < 2) {
					continue;
				}
				Map<Tool, List<String>> medians = new LinkedHashMap<>();
				Map<Tool, List<String>> growth = new LinkedHashMap<>();
				Map<Tool, Double> previous = new LinkedHashMap<>();
				for (int changes : sizes) {
					for (Result result : select(database, kind, changes)) {
						Tool tool = result.tool();
						medians.computeIfAbsent(tool, (t) -> new ArrayList<>())
							.add(String.format(Locale.ROOT, "%,d: %s", changes, ms(result.stats().median())));
						Double before = previous.put(tool, result.stats().median());
						if (before != null) {
							growth.computeIfAbsent(tool, (t) -> new ArrayList<>())
								.add(String.format(Locale.ROOT, "%.1fx", result.stats().median() / before));
						}
					}
				}
				for (Map.Entry<Tool, List<String>> entry : medians.entrySet()) {
					Tool tool = entry.getKey();
					out.append("| ")
						.append(database)
						.append(" | ")
						.append(kind.label())
						.append(" | ")
						.append((kind == Kind.APPLY) ? tool.applyLabel() : tool.checkLabel())
						.append(" | ")
						.append(String.join(", ", entry.getValue()))
						.append(" | ")
						.append(String.join(", ", growth.getOrDefault(tool, List.of(""))))
						.append(" |\n");
					any = true;
				}
			}
		}
		if (!any) {
			out.append("| | | | only one size measured | |\n");
		}
		return out.append("\n").toString();
	}

	private String targets() {
		StringBuilder out = new StringBuilder("## Targets\n\n");
		this.passed = 0;
		this.failed = 0;
		for (String database : this.databases) {
			if (database.equals("SQLite")) {
				continue;
			}
			target(out, database, Kind.CHECK, TARGET_SIZE, Tool.PAIG_DB, Tool.RAW_JDBC, 3.0,
					"up-to-date check, in-process, within 3x the floor");
			target(out, database, Kind.CHECK_JVM, TARGET_SIZE, Tool.PAIG_DB, Tool.RAW_JDBC, 3.0,
					"up-to-date check, fresh JVM, within 3x the floor's fresh JVM");
			target(out, database, Kind.START, TARGET_SIZE, Tool.PAIG_DB, Tool.NONE, 1.10,
					"Spring Boot start on an up-to-date database, within 1.10x the app with no migration tool");
			target(out, database, Kind.START, TARGET_SIZE, Tool.R2DBC_PAIG_DB, Tool.R2DBC_NONE, 1.10,
					"R2DBC (WebFlux) app start on an up-to-date database, within 1.10x the same R2DBC app with no "
							+ "migration tool");
			r2dbcJdbcFloor(out, database);
			for (int changes : sizes(database, Kind.APPLY)) {
				target(out, database, Kind.APPLY, changes, Tool.PAIG_DB, Tool.LIQUIBASE, 1.0,
						"apply all, never slower than stock Liquibase");
			}
			target(out, database, Kind.APPLY, TARGET_SIZE, Tool.PAIG_DB, Tool.RAW_JDBC, 1.5,
					"apply all, within 1.5x raw JDBC (the aim)");
			liquibaseFloor(out, database);
		}
		List<String> memory = new ArrayList<>();
		for (String database : this.databases) {
			Optional<Result> check = find(database, Kind.CHECK, TARGET_SIZE, Tool.PAIG_DB);
			Optional<Result> apply = find(database, Kind.APPLY, TARGET_SIZE, Tool.PAIG_DB);
			if (check.isPresent() && apply.isPresent()) {
				memory.add(database + ": one up-to-date check " + mb(check.get().allocatedBytes()) + ", one apply-all "
						+ mb(apply.get().allocatedBytes()));
			}
		}
		out.append("\nMemory (paig-db, ")
			.append(String.format(Locale.ROOT, "%,d", TARGET_SIZE))
			.append(" changes, heap allocated; reported, not a target): ")
			.append(memory.isEmpty() ? "not measured" : String.join("; ", memory))
			.append(".\n\n");
		return out.toString();
	}

	private void target(StringBuilder out, String database, Kind kind, int changes, Tool tool, Tool against,
			double factor, String description) {
		Optional<Result> measured = find(database, kind, changes, tool);
		Optional<Result> reference = find(database, kind, changes, against);
		String where = String.format(Locale.ROOT, "%s, %,d changes: paig-db %s", database, changes, description);
		if (measured.isEmpty() || reference.isEmpty()) {
			out.append("- NOT MEASURED ").append(where).append(" (this run left it out; not counted)\n");
			return;
		}
		double ofMedians = measured.get().stats().median() / reference.get().stats().median();
		double ratio = ofMedians;
		String rounds = "";
		List<Double> roundRatios = Stats.roundRatios(measured.get().stats(), reference.get().stats());
		if (kind == Kind.START && roundRatios.size() >= 3) {
			// starts timed in the same rounds: a round's two starts share the machine's
			// speed of that minute, so the rounds' ratios cancel its drift
			ratio = Stats.median(roundRatios);
			rounds = String.format(Locale.ROOT,
					"; the median of %d rounds' ratios (middle half %.2fx-%.2fx; ratio of the medians %.2fx)",
					roundRatios.size(), Stats.quantile(roundRatios, 0.25), Stats.quantile(roundRatios, 0.75),
					ofMedians);
		}
		boolean pass = ratio <= factor;
		if (pass) {
			this.passed++;
		}
		else {
			this.failed++;
		}
		out.append(String.format(Locale.ROOT, "- %s %s: %s ms vs %s %s ms = %.2fx (limit %.2fx)%s\n",
				pass ? "PASS" : "FAIL", where, ms(measured.get().stats().median()),
				(kind == Kind.APPLY) ? reference.get().tool().applyLabel() : reference.get().tool().checkLabel(),
				ms(reference.get().stats().median()), ratio, factor, rounds));
	}

	/**
	 * Under the aim, not counted: how far above raw JDBC the least a tool on Liquibase
	 * must do already is, and what paig-db spends beyond that.
	 * @param out the report being written
	 * @param database the database whose figures are compared
	 */
	private void liquibaseFloor(StringBuilder out, String database) {
		Optional<Result> floor = find(database, Kind.APPLY, TARGET_SIZE, Tool.LIQUIBASE_FLOOR);
		Optional<Result> raw = find(database, Kind.APPLY, TARGET_SIZE, Tool.RAW_JDBC);
		Optional<Result> paigDb = find(database, Kind.APPLY, TARGET_SIZE, Tool.PAIG_DB);
		if (floor.isEmpty() || raw.isEmpty() || paigDb.isEmpty()) {
			return;
		}
		double floorMedian = floor.get().stats().median();
		double rawMedian = raw.get().stats().median();
		double paigDbMedian = paigDb.get().stats().median();
		out.append(String.format(Locale.ROOT,
				"  - not a target: Liquibase's floor (parse the changelog, checksum each changeset, run each "
						+ "statement with its history row; nothing else) takes %s ms = %.2fx raw JDBC; paig-db "
						+ "takes %.2fx the floor\n",
				ms(floorMedian), floorMedian / rawMedian, paigDbMedian / floorMedian));
	}

	/**
	 * Under the R2DBC start target, not counted: what one JDBC check alone adds to the
	 * R2DBC app's start, and what paig-db adds beyond it.
	 * @param out the report being written
	 * @param database the database whose figures are compared
	 */
	private void r2dbcJdbcFloor(StringBuilder out, String database) {
		Optional<Result> floor = find(database, Kind.START, TARGET_SIZE, Tool.R2DBC_JDBC_FLOOR);
		Optional<Result> none = find(database, Kind.START, TARGET_SIZE, Tool.R2DBC_NONE);
		Optional<Result> paigDb = find(database, Kind.START, TARGET_SIZE, Tool.R2DBC_PAIG_DB);
		if (floor.isEmpty() || none.isEmpty() || paigDb.isEmpty()) {
			return;
		}
		// the medians of the rounds' ratios, as the target reads them
		double floorRatio = roundRatio(floor.get(), none.get());
		double paigDbRatio = roundRatio(paigDb.get(), floor.get());
		out.append(String.format(Locale.ROOT,
				"  - not a target: the R2DBC app's JDBC floor (no tool; the JDBC driver loaded, one connection, "
						+ "one select count(*) on the history table, on a thread of its own that the context waits "
						+ "for) starts in %s ms = %.2fx the app without a tool; paig-db takes %.2fx the floor\n",
				ms(floor.get().stats().median()), floorRatio, paigDbRatio));
	}

	private static double roundRatio(Result measured, Result reference) {
		List<Double> ratios = Stats.roundRatios(measured.stats(), reference.stats());
		return (ratios.size() >= 3) ? Stats.median(ratios) : measured.stats().median() / reference.stats().median();
	}

	private Optional<Result> baseline(String database, Kind kind, int changes, Tool tool) {
		// the app without a migration tool is started at each size, in the same rounds as
		// the others; the R2DBC app's baseline is the R2DBC app without one
		if (kind != Kind.START) {
			return find(database, kind, changes, Tool.RAW_JDBC);
		}
		return find(database, kind, changes, tool.isR2dbcApp() ? Tool.R2DBC_NONE : Tool.NONE);
	}

	private Optional<Result> find(String database, Kind kind, int changes, Tool tool) {
		return this.results.stream()
			.filter((r) -> r.database().equals(database) && r.kind() == kind && r.changes() == changes
					&& r.tool() == tool)
			.findFirst();
	}

	private List<Result> select(String database, Kind kind, int changes) {
		return this.results.stream()
			.filter((r) -> r.database().equals(database) && r.kind() == kind && r.changes() == changes)
			.sorted((a, b) -> a.tool().compareTo(b.tool()))
			.toList();
	}

	private TreeSet<Integer> sizes(String database, Kind kind) {
		TreeSet<Integer> sizes = new TreeSet<>();
		this.results.stream()
			.filter((r) -> r.database().equals(database) && r.kind() == kind && r.tool() != Tool.NONE)
			.forEach((r) -> sizes.add(r.changes()));
		return sizes;
	}

	private static String ratio(Result result, Optional<Result> reference) {
		if (reference.isEmpty() || reference.get() == result) {
			return "";
		}
		return String.format(Locale.ROOT, "%.2fx", result.stats().median() / reference.get().stats().median());
	}

	private static String ms(double millis) {
		return String.format(Locale.ROOT, (millis < 100) ? "%,.1f" : "%,.0f", millis);
	}

	private static String mb(Long bytes) {
		return String.format(Locale.ROOT, "%,.1f MB", bytes / 1024.0 / 1024.0);
	}

}
