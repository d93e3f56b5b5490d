package io.paig.db.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Times a command in a fresh process each run, wall clock from start to exit: with hyperfine when it is
 * installed (Debian's package), otherwise with a loop here.
 *
 * @author paig-db
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
		return (this.hyperfine != null) ? version() : "a loop in the harness (hyperfine not installed)";
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
			throw new IllegalStateException("'" + command.get(command.size() - 1) + "' ... exited with " + exit
					+ "; its output is in " + log);
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
