package io.paig.db.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts {@link MigratingProcess} in JVMs of their own and reads what they print.
 *
 * @author paig-db authors
 */
public final class Processes {

	private Processes() {
	}

	/**
	 * Start a process.
	 * @param output where its output goes
	 * @param args its arguments
	 * @return the process
	 * @throws IOException when it cannot be started
	 */
	public static Process start(Path output, String... args) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xshare:auto");
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-Xmx256m");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(MigratingProcess.class.getName());
		command.addAll(List.of(args));
		command.add("--spring.main.banner-mode=off");
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
	}

	/**
	 * Wait until a process has printed a text.
	 * @param output its output file
	 * @param text the text
	 * @param timeout how long to wait
	 * @return whether it appeared
	 * @throws Exception on failure
	 */
	public static boolean awaitOutput(Path output, String text, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (Files.exists(output) && Files.readString(output).contains(text)) {
				return true;
			}
			Thread.sleep(20);
		}
		return false;
	}

	/**
	 * What a process printed.
	 * @param output its output file
	 * @return the text
	 */
	public static String read(Path output) {
		try {
			return Files.readString(output);
		}
		catch (IOException ex) {
			return "";
		}
	}

}
