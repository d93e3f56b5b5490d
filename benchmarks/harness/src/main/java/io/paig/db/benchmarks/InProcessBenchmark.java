package io.paig.db.benchmarks;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import javax.sql.DataSource;

import io.paig.db.benchmarks.Result.Kind;

/**
 * The in-process measurements, in this (warm) JVM: apply-all into a fresh database per
 * measurement, then the up-to-date check on a fresh DataSource (a new connection) per
 * measurement. Tools take turns within each repetition, so that a slow minute on the
 * shared machine hits all of them, in an order that turns each round. The database of
 * each tool's last apply-all is kept: it is the up-to-date database that the checks and
 * the start measurements use.
 *
 * @author paig-db authors
 */
public final class InProcessBenchmark {

	private static final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	private final Server server;

	private final int repetitions;

	private final int smallRepetitions;

	private final int largeRepetitions;

	private final int checkWarmups;

	private int applyWarmups;

	private final Consumer<String> progress;

	/**
	 * Create a benchmark.
	 * @param server the server
	 * @param applyWarmups unrecorded apply-all rounds before the first recorded one; 0
	 * when this JVM is warm already (an earlier database was measured in it)
	 * @param repetitions recorded check rounds
	 * @param smallRepetitions recorded apply-all rounds below 1,000 changes: short runs,
	 * whose spread from one run to the next is larger than the differences between the
	 * tools, so more of them
	 * @param largeRepetitions recorded apply-all rounds from 1,000 changes up
	 * @param checkWarmups unrecorded check rounds before the recorded ones: the
	 * in-process figure is the check in a warm JVM (the fresh-JVM figures are the cold
	 * one)
	 * @param progress where progress lines go
	 */
	public InProcessBenchmark(Server server, int applyWarmups, int repetitions, int smallRepetitions,
			int largeRepetitions, int checkWarmups, Consumer<String> progress) {
		this.server = server;
		this.applyWarmups = applyWarmups;
		this.repetitions = repetitions;
		this.smallRepetitions = smallRepetitions;
		this.largeRepetitions = largeRepetitions;
		this.checkWarmups = checkWarmups;
		this.progress = progress;
	}

	/**
	 * The name of the up-to-date database a tool keeps for a size.
	 * @param tool the tool
	 * @param changes the size
	 * @return the database's name
	 */
	public static String upToDateDatabase(Tool tool, int changes) {
		return "bench_" + tool.key().replace('-', '_') + "_" + changes;
	}

	/**
	 * Apply all changes with each tool, and Liquibase's floor, in fresh databases.
	 * @param workload the workload
	 * @return one result per tool
	 * @throws Exception when a tool fails
	 */
	public List<Result> applyAll(Workload workload) throws Exception {
		Set<Tool> tools = EnumSet.copyOf(this.server.tools());
		tools.add(Tool.LIQUIBASE_FLOOR);
		ClassLoader classLoader = workload.classLoader(getClass().getClassLoader());
		Map<Tool, List<Double>> times = new EnumMap<>(Tool.class);
		Map<Tool, List<Double>> allocations = new EnumMap<>(Tool.class);
		// the JVM needs warming once (JIT, class loading of every tool); later sizes find
		// it warm
		int warmups = this.applyWarmups;
		this.applyWarmups = 0;
		int rounds = warmups + ((workload.changes() >= 1000) ? this.largeRepetitions : this.smallRepetitions);
		List<Tool> order = new ArrayList<>(tools);
		for (int round = 0; round < rounds; round++) {
			boolean recorded = round >= warmups;
			// Each tool's database is created (and last round's dropped) before the
			// round, and the server
			// settles, so that no tool is timed while the server is still deleting
			// another's files; the
			// order turns each round, so that no tool always follows the same one.
			for (Tool tool : order) {
				this.server.create(upToDateDatabase(tool, workload.changes()));
			}
			this.server.settle();
			for (Tool tool : order) {
				DataSource dataSource = this.server.dataSource(upToDateDatabase(tool, workload.changes()));
				long allocated = allocatedBytes();
				long start = System.nanoTime();
				Migrations.apply(tool, dataSource, classLoader, workload.statements());
				double millis = (System.nanoTime() - start) / 1e6;
				allocated = allocatedBytes() - allocated;
				if (recorded) {
					times.computeIfAbsent(tool, (t) -> new ArrayList<>()).add(millis);
					allocations.computeIfAbsent(tool, (t) -> new ArrayList<>()).add((double) allocated);
				}
				this.progress.accept(String.format("  %s apply %d %-10s %s %8.0f ms", this.server.name(),
						workload.changes(), tool.key(), recorded ? "run   " : "warmup", millis));
			}
			Collections.rotate(order, -1);
		}
		// what raw JDBC and the floor leave behind is no tool's up-to-date database
		for (Tool tool : List.of(Tool.RAW_JDBC, Tool.LIQUIBASE_FLOOR)) {
			if (tools.contains(tool)) {
				this.server.drop(upToDateDatabase(tool, workload.changes()));
			}
		}
		verifyUpToDate(workload);
		return results(Kind.APPLY, workload, times, allocations);
	}

	/**
	 * Check each tool's up-to-date database, on a fresh connection each time; raw JDBC's
	 * check is the floor, one {@code select count(*)} on paig-db's history table.
	 * @param workload the workload
	 * @return one result per tool
	 * @throws Exception when a tool fails
	 */
	public List<Result> check(Workload workload) throws Exception {
		Set<Tool> tools = this.server.tools();
		ClassLoader classLoader = workload.classLoader(getClass().getClassLoader());
		Map<Tool, List<Double>> times = new EnumMap<>(Tool.class);
		Map<Tool, List<Double>> allocations = new EnumMap<>(Tool.class);
		int warmups = this.checkWarmups;
		int rounds = warmups + this.repetitions;
		for (int round = 0; round < rounds; round++) {
			for (Tool tool : tools) {
				DataSource dataSource = this.server.dataSource(checkedDatabase(tool, workload.changes()));
				long allocated = allocatedBytes();
				long start = System.nanoTime();
				long count = Migrations.check(tool, dataSource, classLoader);
				double millis = (System.nanoTime() - start) / 1e6;
				allocated = allocatedBytes() - allocated;
				if (tool == Tool.RAW_JDBC && count != workload.changes()) {
					throw new IllegalStateException("The floor counted " + count + " rows, not " + workload.changes());
				}
				if (round >= warmups) {
					times.computeIfAbsent(tool, (t) -> new ArrayList<>()).add(millis);
					allocations.computeIfAbsent(tool, (t) -> new ArrayList<>()).add((double) allocated);
				}
			}
		}
		times.forEach((tool, millis) -> this.progress.accept(String.format("  %s check %d %-10s median %8.1f ms",
				this.server.name(), workload.changes(), tool.key(), Stats.median(millis))));
		verifyUpToDate(workload);
		return results(Kind.CHECK, workload, times, allocations);
	}

	/**
	 * The database a tool's check (or start) runs against: its own up-to-date one; the
	 * floor, the apps without a migration tool and the R2DBC app's variants use
	 * paig-db's.
	 * @param tool the tool
	 * @param changes the size
	 * @return the database's name
	 */
	public static String checkedDatabase(Tool tool, int changes) {
		boolean paigDbs = tool == Tool.RAW_JDBC || tool == Tool.NONE || tool.isR2dbcApp();
		return upToDateDatabase(paigDbs ? Tool.PAIG_DB : tool, changes);
	}

	/**
	 * Fail unless every tool's up-to-date database holds exactly the workload's history:
	 * proof that no check or start applied anything again.
	 * @param workload the workload
	 * @throws Exception when a database cannot be read or holds something else
	 */
	public void verifyUpToDate(Workload workload) throws Exception {
		for (Tool tool : this.server.tools()) {
			if (tool == Tool.RAW_JDBC) {
				continue;
			}
			long expected = (tool == Tool.FLYWAY) ? workload.tables() : workload.changes();
			try (Connection connection = this.server.connect(upToDateDatabase(tool, workload.changes()))) {
				long rows = Migrations.historyRows(tool, connection);
				if (rows != expected) {
					throw new IllegalStateException(this.server.name() + " database "
							+ upToDateDatabase(tool, workload.changes()) + " of " + tool.applyLabel() + " has " + rows
							+ " history rows, not " + expected + ": the workload was not applied exactly once.");
				}
			}
		}
	}

	private List<Result> results(Kind kind, Workload workload, Map<Tool, List<Double>> times,
			Map<Tool, List<Double>> allocations) {
		List<Result> results = new ArrayList<>();
		times.forEach((tool, millis) -> results.add(new Result(this.server.name(), kind, workload.changes(), tool,
				Stats.of(millis), (long) Stats.median(allocations.get(tool)))));
		return results;
	}

	private static long allocatedBytes() {
		return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
	}

}
