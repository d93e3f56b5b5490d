package io.paig.db.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import liquibase.util.LiquibaseUtil;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootVersion;

/**
 * What the figures were measured on: the machine, the versions and the date.
 *
 * @param lines the facts, one Markdown line each
 * @author paig-db authors
 */
public record Machine(List<String> lines) {

	/**
	 * Describe this machine and run.
	 * @param servers the database servers
	 * @param timer what timed the fresh processes
	 * @param commit the git commit measured, or {@code null}
	 * @return the description
	 */
	public static Machine describe(List<Server> servers, String timer, @Nullable String commit) {
		List<String> lines = new ArrayList<>();
		lines.add("- Date: " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
		lines.add("- Commit: " + ((commit != null) ? commit : "unknown"));
		lines.add("- CPUs (nproc): " + Runtime.getRuntime().availableProcessors() + "; memory: " + memory()
				+ "; load average at start (1, 5, 15 min): " + loadAverage());
		lines.add("- OS: " + osRelease() + " (" + System.getProperty("os.name") + " " + System.getProperty("os.version")
				+ ", " + System.getProperty("os.arch") + ")");
		lines.add("- Java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
				+ ", default JVM options");
		for (Server server : servers) {
			lines.add("- " + server.name() + ": " + server.version());
		}
		lines.add("- Spring Boot " + SpringBootVersion.getVersion() + ", Liquibase " + LiquibaseUtil.getBuildVersion()
				+ ", Flyway " + flywayVersion());
		lines.add("- Fresh processes timed by: " + timer);
		return new Machine(List.copyOf(lines));
	}

	private static String memory() {
		String total = first("/proc/meminfo", "MemTotal:");
		if (total.isEmpty()) {
			return (Runtime.getRuntime().maxMemory() / 1024 / 1024) + " MiB max heap";
		}
		long kb = Long.parseLong(total.replaceAll("\\D", ""));
		return String.format("%.1f GiB", kb / 1024.0 / 1024.0);
	}

	private static String loadAverage() {
		String[] fields = first("/proc/loadavg", "").split(" ");
		return (fields.length >= 3) ? String.join(" ", fields[0], fields[1], fields[2]) : "unknown";
	}

	private static String osRelease() {
		String name = first("/etc/os-release", "PRETTY_NAME=");
		return name.isEmpty() ? "unknown" : name.substring("PRETTY_NAME=".length()).replace("\"", "");
	}

	private static String flywayVersion() {
		String version = Flyway.class.getPackage().getImplementationVersion();
		if (version != null) {
			return version;
		}
		String location = Flyway.class.getProtectionDomain().getCodeSource().getLocation().getPath();
		return location.replaceAll(".*/flyway-core-(.*)\\.jar", "$1");
	}

	private static String first(String file, String prefix) {
		try {
			return Files.readAllLines(Path.of(file))
				.stream()
				.filter((line) -> line.startsWith(prefix))
				.findFirst()
				.orElse("")
				.strip();
		}
		catch (IOException ex) {
			return "";
		}
	}

}
