package io.paig.db.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.paig.db.benchmarks.Result.Kind;
import io.paig.db.url.JdbcSettings;
import org.jspecify.annotations.Nullable;

/**
 * Runs the whole benchmark (what {@code benchmarks/run} starts): generates the workloads,
 * measures on each database in-process and in fresh JVMs, prints the report and writes it
 * into {@code docs/benchmarks.md}. Exits 0 when the measurements ran, whatever the
 * targets say; non-zero only when the harness itself broke.
 *
 * @author paig-db authors
 */
public final class BenchmarkMain {

	/**
	 * Rounds of Spring Boot starts at the targets' size in the full run: a start moves by
	 * 10-15% from one run to the next on a shared 2-core machine, more than the 10% the
	 * start targets allow, so 5 rounds cannot tell them apart.
	 */
	static final int TARGET_START_ROUNDS = 11;

	private final Options options;

	private final List<Result> results = new ArrayList<>();

	private final List<FreshDatabaseBenchmark> fresh = new ArrayList<>();

	private BenchmarkMain(Options options) {
		this.options = options;
	}

	/**
	 * Run.
	 * @param args
	 * {@code --benchmarks DIR --docs FILE [--quick] [--commit SHA] [--databases a,b]
	 * [--sizes a,b] [--only apply,check,jvm,start,fresh]}
	 */
	public static void main(String[] args) {
		try {
			Migrations.configureJvm();
			new BenchmarkMain(Options.parse(args)).run();
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
		}
		catch (Exception ex) {
			System.err.println("The benchmark harness failed: " + ex);
			ex.printStackTrace();
			System.exit(1);
		}
	}

	private void run() throws Exception {
		Instant started = Instant.now();
		Options o = this.options;
		Path target = o.benchmarks.resolve("target");
		Map<Integer, Workload> allWorkloads = new LinkedHashMap<>();
		for (int changes : o.sizes) {
			allWorkloads.put(changes, Workload.generate(target.resolve("workload"), changes));
		}
		List<Server> servers = servers(target);
		String hyperfine = ProcessBenchmark.findHyperfine();
		ProcessBenchmark processes = new ProcessBenchmark(hyperfine, target.resolve("runs"));
		Machine machine = Machine.describe(servers, processes.description(), o.commit);
		log("Benchmark " + (o.quick ? "--quick" : "(full)") + ": sizes " + o.sizes + ", in-process " + o.warmups
				+ " warm-up(s) + " + o.repetitions + " runs, fresh JVMs " + o.processWarmups + " + " + o.processRuns
				+ " runs, timed by " + processes.description());
		boolean warm = false;
		for (Server server : servers) {
			InProcessBenchmark inProcess = new InProcessBenchmark(server, warm ? 0 : o.warmups, o.repetitions,
					o.smallRepetitions, o.largeRepetitions, o.checkWarmups, BenchmarkMain::log);
			Map<Integer, Workload> workloads = new LinkedHashMap<>();
			allWorkloads.forEach((changes, workload) -> {
				if (server.fits(changes)) {
					workloads.put(changes, workload);
				}
				else {
					log(server.name() + ": " + changes + " changes left out: Liquibase's addColumn fails on SQLite "
							+ "beyond about 160 tables (too many terms in compound SELECT)");
				}
			});
			warm = o.only.contains("apply");
			boolean prepared = o.only.stream().anyMatch(List.of("apply", "check", "jvm", "start")::contains);
			for (Workload workload : prepared ? workloads.values() : List.<Workload>of()) {
				if (o.only.contains("apply")) {
					log(server.name() + ": apply all " + workload.changes() + " changes, a fresh database each run");
					this.results.addAll(inProcess.applyAll(workload));
				}
				else {
					log(server.name() + ": preparing the up-to-date databases of " + workload.changes() + " changes");
					prepare(server, workload);
				}
				if (o.only.contains("check")) {
					log(server.name() + ": up-to-date check of " + workload.changes() + " changes, in-process");
					this.results.addAll(inProcess.check(workload));
				}
			}
			if (o.only.contains("jvm")) {
				for (Workload workload : largeInQuick(workloads)) {
					for (Tool tool : server.tools()) {
						log(server.name() + ": up-to-date check of " + workload.changes() + " changes, fresh JVM, "
								+ tool.checkLabel());
						Stats stats = processes.measure(checkCommand(server, tool, workload),
								server.passwordEnvironment(), o.processWarmups, o.processRuns);
						this.results
							.add(new Result(server.name(), Kind.CHECK_JVM, workload.changes(), tool, stats, null));
					}
				}
			}
			if (o.only.contains("start") && !server.isSqlite()) {
				for (Workload workload : largeInQuick(workloads)) {
					// --quick starts only the variants the targets compare, and the R2DBC
					// app's JDBC floor; the full run adds the peers. The R2DBC variants
					// run in the same rounds as the servlet apps
					List<Tool> tools = o.quick
							? List.of(Tool.NONE, Tool.PAIG_DB, Tool.R2DBC_NONE, Tool.R2DBC_PAIG_DB,
									Tool.R2DBC_JDBC_FLOOR)
							: List.of(Tool.NONE, Tool.PAIG_DB, Tool.LIQUIBASE, Tool.FLYWAY, Tool.R2DBC_NONE,
									Tool.R2DBC_PAIG_DB, Tool.R2DBC_JDBC_FLOOR);
					Map<Tool, List<String>> commands = new LinkedHashMap<>();
					for (Tool tool : tools) {
						commands.put(tool, startCommand(server, tool, workload));
					}
					log(server.name() + ": Spring Boot start on " + workload.changes() + " changes, fresh JVMs, "
							+ "in rounds of " + tools.stream().map(Tool::checkLabel).toList());
					// the start targets are at TARGET_SIZE: more rounds there, where
					// their ratios are read
					int rounds = (o.quick || workload.changes() != Report.TARGET_SIZE) ? o.processRuns
							: TARGET_START_ROUNDS;
					processes.measureInRounds(commands, server.passwordEnvironment(), o.processWarmups, rounds)
						.forEach((tool, stats) -> this.results
							.add(new Result(server.name(), Kind.START, workload.changes(), tool, stats, null)));
				}
			}
			if (o.only.contains("fresh")) {
				FreshDatabaseBenchmark fresh = new FreshDatabaseBenchmark(server,
						o.benchmarks.toAbsolutePath().getParent(), o.quick ? 5 : 10, BenchmarkMain::log);
				log(server.name() + ": a fresh migrated database for one test, " + FreshDatabaseBenchmark.PAIG);
				fresh.paig();
				int changes = server.fits(1000) ? 1000 : Server.SQLITE_MAX_CHANGES;
				Workload workload = allWorkloads.containsKey(changes) ? allWorkloads.get(changes)
						: Workload.generate(target.resolve("workload"), changes);
				log(server.name() + ": a fresh migrated database for one test, " + changes + " changes");
				fresh.workload(workload);
				this.fresh.add(fresh);
			}
			for (Workload workload : prepared ? workloads.values() : List.<Workload>of()) {
				inProcess.verifyUpToDate(workload);
				if (!o.keep) {
					for (Tool tool : server.tools()) {
						server.drop(InProcessBenchmark.upToDateDatabase(tool, workload.changes()));
					}
				}
			}
		}
		List<String> databases = servers.stream().map(Server::name).toList();
		Report report = new Report(this.results, databases);
		String figures = report.figures() + freshFigures();
		Duration took = Duration.between(started, Instant.now()).truncatedTo(ChronoUnit.SECONDS);
		String document = Documentation.render(machine, o.quick, o.describe(), took, figures, report.summary());
		System.out.println();
		System.out.println(figures);
		Files.writeString(o.docs, document);
		log("Took " + took.toSeconds() + " s; wrote " + o.docs);
		System.out.println(report.summary());
	}

	private String freshFigures() {
		if (this.fresh.isEmpty()) {
			return "";
		}
		StringBuilder out = new StringBuilder("\n### A fresh migrated database for one test (issue #19)\n\n");
		out.append("Clones of a template migrated once per changelog state (paig-db-test's `DatabaseClones`), "
				+ "against re-applying every change into an empty database; zonky's embedded-database-spring-test "
				+ "is not in the local repository, so it is not measured. On SQLite the generated workload is "
				+ Server.SQLITE_MAX_CHANGES + " changes (Liquibase cannot apply 1,000 there).\n\n");
		out.append("| database | changelog | measurement | min ms | median ms | max ms |\n");
		out.append("|---|---|---|---:|---:|---:|\n");
		this.fresh.forEach((benchmark) -> out.append(benchmark.rows()));
		out.append("\nTargets (issue #19):\n\n");
		this.fresh.forEach((benchmark) -> benchmark.targets().forEach((line) -> out.append(line).append('\n')));
		return out.toString();
	}

	private List<Workload> largeInQuick(Map<Integer, Workload> workloads) {
		List<Workload> all = List.copyOf(workloads.values());
		List<Workload> large = all.stream().filter((w) -> w.changes() == Report.TARGET_SIZE).toList();
		return (this.options.quick && !large.isEmpty()) ? large : all;
	}

	private void prepare(Server server, Workload workload) throws Exception {
		ClassLoader classLoader = workload.classLoader(getClass().getClassLoader());
		for (Tool tool : server.tools()) {
			if (tool != Tool.RAW_JDBC) {
				String database = InProcessBenchmark.upToDateDatabase(tool, workload.changes());
				server.create(database);
				Migrations.apply(tool, server.dataSource(database), classLoader, workload.statements());
			}
		}
	}

	private List<String> checkCommand(Server server, Tool tool, Workload workload) {
		JdbcSettings jdbc = server.jdbc(InProcessBenchmark.checkedDatabase(tool, workload.changes()));
		List<String> command = java(classpath("harness", workload));
		command.add(CheckMain.class.getName());
		command.add(tool.key());
		command.add(jdbc.jdbcUrl());
		command.add((jdbc.username() != null) ? jdbc.username() : "");
		return command;
	}

	private List<String> startCommand(Server server, Tool tool, Workload workload) {
		String database = InProcessBenchmark.checkedDatabase(tool, workload.changes());
		List<String> command = java(classpath("app-" + tool.key(), workload));
		command.add(tool.isR2dbcApp() ? "io.paig.db.benchmarks.r2dbcapp.R2dbcBenchmarkApplication"
				: "io.paig.db.benchmarks.app.BenchmarkApplication");
		if (tool == Tool.PAIG_DB || tool == Tool.R2DBC_PAIG_DB) {
			command.add("--database.url=" + server.paigUrl(database));
		}
		else if (tool == Tool.R2DBC_NONE || tool == Tool.R2DBC_JDBC_FLOOR) {
			JdbcSettings jdbc = server.jdbc(database);
			// jdbc:postgresql://host:port/db -> r2dbc:postgresql://...; MySQL and MariaDB
			// through r2dbc-mariadb, the one driver the R2DBC apps carry
			String address = jdbc.jdbcUrl().substring(jdbc.jdbcUrl().indexOf("://"));
			int query = address.indexOf('?');
			address = (query >= 0) ? address.substring(0, query) : address;
			command.add("--spring.r2dbc.url=r2dbc:"
					+ (server.paigUrl(database).startsWith("postgres") ? "postgresql" : "mariadb") + address);
			if (jdbc.username() != null) {
				command.add("--spring.r2dbc.username=" + jdbc.username());
			}
			if (jdbc.password() != null) {
				command.add("--spring.r2dbc.password=" + jdbc.password());
			}
			if (tool == Tool.R2DBC_JDBC_FLOOR) {
				command.add("--floor.jdbc-url=" + jdbc.jdbcUrl());
				if (jdbc.username() != null) {
					command.add("--floor.username=" + jdbc.username());
				}
				if (jdbc.password() != null) {
					command.add("--floor.password=" + jdbc.password());
				}
			}
		}
		else {
			JdbcSettings jdbc = server.jdbc(database);
			command.add("--spring.datasource.url=" + jdbc.jdbcUrl());
			if (jdbc.username() != null) {
				command.add("--spring.datasource.username=" + jdbc.username());
			}
		}
		return command;
	}

	private static List<String> java(String classpath) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-cp");
		command.add(classpath);
		return command;
	}

	private String classpath(String module, Workload workload) {
		Path target = this.options.benchmarks.resolve(module).resolve("target");
		try {
			String dependencies = Files.readString(target.resolve("classpath.txt")).strip();
			// the workload stands for the application's own resources, which come before
			// its libraries (as BOOT-INF/classes does in a packaged Spring Boot
			// application): each of its lookups stops at the second entry instead of
			// trying every jar first
			return String.join(":", target.resolve("classes").toString(), workload.directory().toString(),
					target.resolve("lib") + "/*", dependencies);
		}
		catch (IOException ex) {
			throw new IllegalStateException("No classpath for " + module + " (" + target.resolve("classpath.txt")
					+ "): build it with benchmarks/run, which runs './mvnw -Pbenchmarks ... package'.", ex);
		}
	}

	private List<Server> servers(Path target) throws IOException {
		List<Server> servers = new ArrayList<>();
		for (String database : this.options.databases) {
			switch (database) {
				case "postgresql" -> servers
					.add(Server.postgresql(env("PAIG_TEST_POSTGRES_URL", "postgresql://root@127.0.0.1:5432/test")));
				case "mariadb" ->
					servers.add(Server.mariadb(env("PAIG_TEST_MYSQL_URL", "mysql://root@127.0.0.1:3306/test")));
				case "sqlite" -> servers.add(Server.sqlite(Files.createDirectories(target.resolve("sqlite"))));
				default -> throw new IllegalArgumentException(
						"Unknown database '" + database + "': use postgresql, mariadb or sqlite.");
			}
		}
		return servers;
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

	private static void log(String line) {
		long seconds = ManagementFactory.getRuntimeMXBean().getUptime() / 1000;
		System.out.printf("[%4d s] %s%n", seconds, line);
		System.out.flush();
	}

	/**
	 * The command line.
	 */
	static final class Options {

		Path benchmarks = Path.of("benchmarks");

		Path docs = Path.of("docs/benchmarks.md");

		boolean quick;

		boolean keep;

		@Nullable String commit;

		List<String> databases = List.of("postgresql", "mariadb", "sqlite");

		List<Integer> sizes;

		List<String> only = List.of("apply", "check", "jvm", "start", "fresh");

		int warmups;

		int repetitions;

		int smallRepetitions;

		int largeRepetitions;

		int checkWarmups = 5;

		int processWarmups;

		int processRuns;

		static Options parse(String[] args) {
			Options o = new Options();
			List<Integer> sizes = null;
			for (int i = 0; i < args.length; i++) {
				String arg = args[i];
				switch (arg) {
					case "--quick" -> o.quick = true;
					case "--keep" -> o.keep = true;
					case "--benchmarks" -> o.benchmarks = Path.of(value(args, ++i, arg));
					case "--docs" -> o.docs = Path.of(value(args, ++i, arg));
					case "--commit" -> o.commit = value(args, ++i, arg);
					case "--databases" -> o.databases = List.of(value(args, ++i, arg).split(","));
					case "--only" -> o.only = List.of(value(args, ++i, arg).split(","));
					case "--sizes" ->
						sizes = Arrays.stream(value(args, ++i, arg).split(",")).map(Integer::valueOf).toList();
					default -> throw new IllegalArgumentException("Unknown argument '" + arg
							+ "'. Usage: benchmarks/run [--quick] [--keep] [--databases postgresql,mariadb,sqlite] "
							+ "[--sizes 100,1000,10000] [--only apply,check,jvm,start,fresh]");
				}
			}
			o.sizes = (sizes != null) ? sizes : (o.quick ? List.of(100, 1000) : List.of(100, 1000, 10000));
			o.warmups = 3;
			o.repetitions = o.quick ? 3 : 5;
			o.smallRepetitions = o.quick ? 9 : 15;
			o.largeRepetitions = o.quick ? 3 : 5;
			o.processWarmups = o.quick ? 0 : 1;
			o.processRuns = o.quick ? 3 : 5;
			return o;
		}

		private static String value(String[] args, int index, String name) {
			if (index >= args.length) {
				throw new IllegalArgumentException(name + " needs a value.");
			}
			return args[index];
		}

		String describe() {
			return String
				.format(Locale.ROOT, "sizes %s; in-process: %d warm-up rounds of apply-all in the JVM, then %d "
						+ "measured rounds below 1,000 changes and %d from 1,000 up, each round in a rotated order of "
						+ "tools, the databases created and the server settled before it; checks %d warm-up rounds and %d "
						+ "measured rounds at each size; fresh JVMs: %d warm-up run(s), then %d measured runs%s",
						this.sizes, this.warmups, this.smallRepetitions, this.largeRepetitions, this.checkWarmups,
						this.repetitions, this.processWarmups, this.processRuns,
						this.quick ? "; fresh-JVM check and Spring Boot start at 1,000 changes only, and Spring Boot "
								+ "start of the app without a tool and of paig-db only" : "");
		}

	}

}
