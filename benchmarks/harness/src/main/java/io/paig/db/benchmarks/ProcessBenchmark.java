package io.paig.db.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Times a command in a fresh process each run, wall clock from start to exit: with
 * hyperfine when it is installed (Debian's package), otherwise with a loop here.
 *
 * @author paig-db authors
 */
public final class ProcessBenchmark {

	private final @Nullable String hyperfine;

	private final Path workDirectory;

	private int commands;

	/**
	 * Create a benchmark.
	 * @param hyperfine the hyperfine executable, or {@code null} to loop here
	 * @param workDirectory where hyperfine's exports and failed runs' output go
	 */
	public ProcessBenchmark(@Nullable String hyperfine, Path workDirectory) {
		this.hyperfine = hyperfine;
		this.workDirectory = workDirectory;
	}

	/**
	 * Find hyperfine on the {@code PATH}.
	 * @return its path, or {@code null}
	 */
	public static @Nullable String findHyperfine() {
		for (String folder : System.getenv().getOrDefault("PATH", "").split(":")) {
			Path candidate = Path.of(folder.isEmpty() ? "." : folder, "hyperfine");
			if (Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		return null;
	}

	/**
	 * What does the timing.
	 * @return a description for the report
	 */
	public String description() {
		String checks = (this.hyperfine != null) ? version() + " (fresh-JVM checks)"
				: "a loop in the harness (hyperfine not installed)";
		return checks + "; Spring Boot starts by a loop in the harness, in rounds";
	}

	/**
	 * Time a command.
	 * @param command the command and its arguments (no spaces inside an argument)
	 * @param environment extra environment variables
	 * @param warmups unrecorded runs first
	 * @param runs recorded runs
	 * @return the timings
	 * @throws Exception when the command fails or cannot be timed
	 */
	public Stats measure(List<String> command, Map<String, String> environment, int warmups, int runs)
			throws Exception {
		Path log = this.workDirectory.resolve("command-" + (++this.commands) + ".log");
		Files.createDirectories(this.workDirectory);
		if (this.hyperfine != null) {
			return withHyperfine(command, environment, warmups, runs, log);
		}
		List<Double> millis = new ArrayList<>();
		for (int run = 0; run < warmups + runs; run++) {
			long start = System.nanoTime();
			runOnce(command, environment, log);
			if (run >= warmups) {
				millis.add((System.nanoTime() - start) / 1e6);
			}
		}
		return Stats.of(millis);
	}

	/**
	 * Time several commands that are to be compared, in rounds: each round runs every
	 * command once, in an order that turns by one each round, so that a slow patch of the
	 * machine lands on all of them and not on whichever one hyperfine would be running
	 * back to back at the time. Timed by a loop here, process start to exit.
	 * @param <K> what names a command
	 * @param commands the commands, each with its arguments
	 * @param environment extra environment variables
	 * @param warmups unrecorded rounds first
	 * @param runs recorded rounds
	 * @return the timings of each command
	 * @throws Exception when a command fails
	 */
	public <K> Map<K, Stats> measureInRounds(Map<K, List<String>> commands, Map<String, String> environment,
			int warmups, int runs) throws Exception {
		Files.createDirectories(this.workDirectory);
		List<K> keys = new ArrayList<>(commands.keySet());
		Map<K, Path> logs = new LinkedHashMap<>();
		Map<K, List<Double>> millis = new LinkedHashMap<>();
		for (K key : keys) {
			logs.put(key, this.workDirectory.resolve("command-" + (++this.commands) + ".log"));
			millis.put(key, new ArrayList<>());
		}
		for (int round = 0; round < warmups + runs; round++) {
			List<K> order = new ArrayList<>(keys);
			Collections.rotate(order, -round);
			for (K key : order) {
				long start = System.nanoTime();
				runOnce(commands.get(key), environment, logs.get(key));
				if (round >= warmups) {
					millis.get(key).add((System.nanoTime() - start) / 1e6);
				}
			}
		}
		Map<K, Stats> stats = new LinkedHashMap<>();
		millis.forEach((key, values) -> stats.put(key, Stats.of(values)));
		return stats;
	}

	private Stats withHyperfine(List<String> command, Map<String, String> environment, int warmups, int runs, Path log)
			throws Exception {
		Path csv = this.workDirectory.resolve("command-" + this.commands + ".csv");
		List<String> hyperfineCommand = List.of(this.hyperfine, "--shell=none", "--style", "none", "--warmup",
				String.valueOf(warmups), "--runs", String.valueOf(runs), "--export-csv", csv.toString(),
				String.join(" ", command));
		ProcessBuilder builder = new ProcessBuilder(hyperfineCommand).redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		int exit = waitFor(builder.start());
		if (exit != 0) {
			// hyperfine says only that the command failed: run it once more to show why.
			runOnce(command, environment, log);
			throw new IllegalStateException("hyperfine failed (exit " + exit + "); see " + log);
		}
		List<String> lines = Files.readAllLines(csv);
		String[] header = lines.get(0).split(",");
		String[] values = lines.get(1).split(",");
		double median = Double.NaN;
		double min = Double.NaN;
		double max = Double.NaN;
		for (int i = 0; i < header.length; i++) {
			switch (header[i]) {
				case "median" -> median = Double.parseDouble(values[i]) * 1000;
				case "min" -> min = Double.parseDouble(values[i]) * 1000;
				case "max" -> max = Double.parseDouble(values[i]) * 1000;
				default -> {
				}
			}
		}
		return new Stats(min, median, max, runs);
	}

	private static void runOnce(List<String> command, Map<String, String> environment, Path log) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().putAll(environment);
		int exit = waitFor(builder.start());
		if (exit != 0) {
			throw new IllegalStateException(
					"'" + command.get(command.size() - 1) + "' ... exited with " + exit + "; its output is in " + log);
		}
	}

	private static int waitFor(Process process) throws InterruptedException {
		if (!process.waitFor(30, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException("A measured process ran for 30 minutes; killed it.");
		}
		return process.exitValue();
	}

	private String version() {
		try {
			Process process = new ProcessBuilder(this.hyperfine, "--version").redirectErrorStream(true).start();
			String out = new String(process.getInputStream().readAllBytes()).strip();
			process.waitFor();
			return out;
		}
		catch (IOException | InterruptedException ex) {
			return "hyperfine";
		}
	}

}
