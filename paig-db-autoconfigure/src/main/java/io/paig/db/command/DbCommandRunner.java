package io.paig.db.command;

import java.util.Arrays;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;

/**
 * Runs the {@code db} command the application was started with, then ends the application
 * with the command's exit code. Does nothing when the application's first argument is not
 * {@code db}.
 *
 * @author paig-db authors
 */
public class DbCommandRunner implements ApplicationRunner, ExitCodeGenerator, Ordered {

	private final DbCommands commands;

	private final ApplicationContext context;

	private final boolean exit;

	private volatile int exitCode;

	/**
	 * Create the runner.
	 * @param commands the commands
	 * @param context the application context, closed on exit
	 * @param exit whether to end the JVM when done (off in tests that run commands in
	 * their own JVM)
	 */
	public DbCommandRunner(DbCommands commands, ApplicationContext context, boolean exit) {
		this.commands = commands;
		this.context = context;
		this.exit = exit;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		String[] args = arguments.getSourceArgs();
		if (args.length == 0 || !args[0].equals("db")) {
			// an ahead-of-time build has this runner in every start, not only in a
			// command's (see PaigDbCommandAutoConfiguration)
			return;
		}
		List<String> afterDb = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
		this.exitCode = this.commands.run(afterDb);
		if (this.exit) {
			System.out.flush();
			System.exit(SpringApplication.exit(this.context, this));
		}
	}

	@Override
	public int getOrder() {
		// before the application's own runners: with the command done the application
		// exits
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
