package io.paig.db.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A {@code db} command line: the command, its positional arguments and its options.
 *
 * @param command the command, or {@code null} for none ({@code db --help})
 * @param arguments the positional arguments
 * @param flags the flags given, long names without dashes ({@code sql}, {@code yes},
 * {@code verbose}, ...)
 * @param message the value of {@code -m/--message}, or {@code null}
 * @param range the value of {@code -r/--rev-range} ({@code [start]:[end]}), or
 * {@code null}
 * @author paig-db authors
 */
public record DbCommandLine(@Nullable String command, List<String> arguments, Set<String> flags,
		@Nullable String message, @Nullable String range) {

	private static final Set<String> FLAGS = Set.of("sql", "yes", "force", "verbose", "check-heads", "autogenerate",
			"from-alembic", "help");

	/**
	 * Every option the command line accepts, as a usage message lists them.
	 */
	static final String OPTIONS = "--sql, --yes, --force, -v/--verbose, --check-heads, --autogenerate, "
			+ "--from-alembic, -m/--message, -r/--rev-range, -h/--help";

	/**
	 * Read the arguments after {@code db}.
	 * @param args the arguments, without the leading {@code db}
	 * @return the command line
	 * @throws UsageException when an option is unknown or lacks its value
	 */
	public static DbCommandLine parse(List<String> args) {
		String command = null;
		List<String> arguments = new ArrayList<>();
		Set<String> flags = new LinkedHashSet<>();
		String message = null;
		String range = null;
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (arg.equals("-m") || arg.equals("--message")) {
				if (i + 1 >= args.size()) {
					throw new UsageException("-m needs a message, for example: db revision -m \"add owner\"");
				}
				message = args.get(++i);
			}
			else if (arg.startsWith("--message=")) {
				message = arg.substring("--message=".length());
			}
			else if (arg.equals("-r") || arg.equals("--rev-range")) {
				if (i + 1 >= args.size()) {
					throw new UsageException(
							"-r needs a range, for example: db history -r base:head, -r -3:, " + "-r current:");
				}
				range = args.get(++i);
			}
			else if (arg.startsWith("--rev-range=")) {
				range = arg.substring("--rev-range=".length());
			}
			else if (arg.startsWith("-r") && arg.length() > 2) {
				// Alembic's -r-3:current, -rbase:head
				range = arg.substring(2);
			}
			else if (arg.equals("-v")) {
				flags.add("verbose");
			}
			else if (arg.equals("-h")) {
				flags.add("help");
			}
			else if (arg.startsWith("--") && arg.length() > 2) {
				String flag = arg.substring(2);
				if (flag.contains("=")) {
					// a Spring property such as --database.url=...: the application's,
					// not the command's
					continue;
				}
				if (!FLAGS.contains(flag)) {
					throw new UsageException("Unknown option '" + arg + "'. Options: " + OPTIONS);
				}
				flags.add(flag);
			}
			else if (arg.startsWith("-") && !arg.matches("-[0-9]+")) {
				throw new UsageException("Unknown option '" + arg + "'. Options: " + OPTIONS);
			}
			else if (command == null) {
				command = arg;
			}
			else {
				arguments.add(arg);
			}
		}
		return new DbCommandLine(command, Collections.unmodifiableList(arguments), Collections.unmodifiableSet(flags),
				message, range);
	}

	/**
	 * Whether a flag was given.
	 * @param flag the flag's long name
	 * @return {@code true} if given
	 */
	public boolean has(String flag) {
		return this.flags.contains(flag);
	}

	/**
	 * The one positional argument a command takes.
	 * @param what what it is, for the error
	 * @return the argument
	 * @throws UsageException when it is missing or there are more
	 */
	public String single(String what) {
		if (this.arguments.size() != 1) {
			throw new UsageException(
					"'db " + this.command + "' takes " + what + (this.arguments.isEmpty() ? "" : " only"));
		}
		return this.arguments.get(0);
	}

	/**
	 * A usage error: exit code 2.
	 */
	public static class UsageException extends RuntimeException {

		/**
		 * Create an exception.
		 * @param message what is wrong and what to write
		 */
		public UsageException(String message) {
			super(message);
		}

	}

}
