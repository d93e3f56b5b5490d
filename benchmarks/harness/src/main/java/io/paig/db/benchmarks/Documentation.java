package io.paig.db.benchmarks;

import java.time.Duration;

/**
 * {@code docs/benchmarks.md}: how to run the benchmark and what it measures, then this
 * run's machine, figures and targets.
 *
 * @author paig-db authors
 */
final class Documentation {

	private Documentation() {
	}

	static String render(Machine machine, boolean quick, String settings, Duration took, String figures,
			String summary) {
		return """
				# Benchmarks

				How fast paig-db is where it matters (issue #7): the start of a service that finds nothing to \
				migrate, applying everything to an empty database, and how both grow with the number of changes. \
				paig-db is measured side by side with stock Spring Boot + Liquibase, Flyway and raw JDBC, on the \
				same generated workload, on PostgreSQL and MariaDB, and against Liquibase on SQLite.

				```bash
				benchmarks/run --quick   # sizes 100 and 1,000, fewer runs: a check before a commit
				benchmarks/run           # sizes 100, 1,000 and 10,000, 5 runs each (apply-all at 100: 15; starts at 1,000: 11): about an hour
				```

				`--quick` measures apply-all 9 times at 100 and 3 times at 1,000 changes, the in-process checks \
				3 times at both sizes (after 5 warm-up rounds), the fresh-JVM check 3 times at 1,000 changes, and \
				the Spring Boot start 3 times at 1,000 changes for the pairs its targets compare (the app without \
				a tool and paig-db; the R2DBC app without a tool, on paig-db and its JDBC floor). It finishes in about 4 minutes on this 2-core machine. The full run repeats \
				everything 5 times at all three sizes (apply-all at 100 changes 15 times: those runs take a \
				quarter of a second, and from one run to the next they move more than the tools differ) and \
				starts all seven app variants, 11 times at 1,000 changes, where the start targets are read; on this \
				machine it takes about an hour, most of it applying 10,000 changes (MariaDB commits and syncs \
				every DDL statement).

				The script builds the `benchmarks/` modules (`./mvnw -Pbenchmarks`; they are not part of the \
				default build, so `./mvnw verify` neither builds nor runs them), runs them against the servers in \
				`PAIG_TEST_POSTGRES_URL` and `PAIG_TEST_MYSQL_URL` (default `postgresql://root@127.0.0.1:5432/test` \
				and `mysql://root@127.0.0.1:3306/test`), prints the figures and rewrites this file. Its last line \
				is `N passed, M failed` against the targets below; it exits 0 whatever the targets say and \
				non-zero only when the harness itself breaks. `--databases postgresql,mariadb,sqlite`, \
				`--sizes 100,1000` and `--only apply,check,jvm,start` narrow a run; `--keep` leaves the \
				up-to-date databases behind. Set `MVN_LOCK=/path/to/lockfile` to run the build under `flock`.

				## What is measured

				**The workload.** N changes over N/4 tables; each table gets a `createTable`, an `addColumn`, a \
				`createIndex` and an `insert`. It is generated at run time into `benchmarks/target/workload/nN/` \
				in three forms: a Liquibase changelog (one **revision file per table**, with a `revision:` header \
				and four changesets, one change each; read by paig-db and by stock Liquibase alike), one Flyway SQL \
				migration per table, and the same SQL statements for raw JDBC.

				**Apply all, in-process.** Each tool applies the whole workload to a freshly created database, in \
				a warm JVM (3 unrecorded rounds at the first size warm it): paig-db as its start-up does it (`new MigrationRunner(dataSource, \
				MigrationSettings.of(...), resourceLoader).upgrade()`, which is what `MigrationInitializer` calls \
				with `on-startup=upgrade`), stock Liquibase through `SpringLiquibase` (what Spring Boot's \
				auto-configuration builds, with Boot's default changelog path), Flyway's `migrate()`, and raw JDBC \
				(every statement in one connection, auto-commit, nothing recorded). Tools take turns within each \
				round, so a busy moment on the shared machine hits all of them, and the order turns by one tool \
				each round. Before each round every tool's database is dropped and created again and the server \
				settles (PostgreSQL: `CHECKPOINT`, then half a second), so that no tool is timed while the server \
				is still deleting another tool's files. The database of each tool's last run is kept as its \
				up-to-date database.

				**Liquibase's floor** (apply-all only; not a tool). The least that any tool applying a Liquibase \
				changelog and keeping Liquibase's history must do, measured in the same rounds: Liquibase parses \
				the changelog (through the Spring resource accessor paig-db and stock Liquibase use) and computes \
				each changeset's checksum, which the history row records; then each raw statement runs with its \
				history row (one prepared `INSERT`), committed as paig-db commits: once per revision file on \
				PostgreSQL and SQLite, whose DDL is transactional, once per changeset on MariaDB. No lock, no \
				validation, no SQL generation, no listeners. Under the aim of 1.5x raw JDBC the report says how \
				far above raw JDBC this floor already is.

				**Up-to-date check, in-process.** The same call on the tool's up-to-date database, on a fresh \
				DataSource (a new connection, no pool) each time, after 5 unrecorded rounds: the check in a warm \
				JVM (the fresh-JVM figures below are the cold one). The floor is what no tool can beat: one \
				`select count(*) from DATABASECHANGELOG` on a fresh connection. paig-db's check is its fast path \
				(docs/migrations.md, "The up-to-date path"): one query for the recorded fingerprint, then the \
				changelog's class path lookups replayed and each file's size and modification time compared with \
				the stamp recorded; no file is read and Liquibase is not loaded.

				**Up-to-date check, fresh JVM.** A tiny main (`CheckMain`) that makes that one call and exits, \
				timed from process start to exit; the floor's main only runs the `select count(*)`.

				**Spring Boot start, fresh JVM.** A small web app like the sample (Spring MVC, JPA with one \
				entity, the actuator, Hikari) started with `SpringApplication.run` and timed from process start \
				until `ApplicationReadyEvent`, when it halts. Four variants, each with only its own tool on the \
				classpath: one Maven module per variant under `benchmarks/` (`app-none`, `app-paig-db` with \
				`paig-db-starter`, `app-liquibase` with `spring-boot-starter-liquibase`, `app-flyway` with \
				`spring-boot-starter-flyway`, `flyway-database-postgresql` and `flyway-mysql`), all depending on \
				`app-common`, which holds the app and no migration tool. The workload's folder comes second on \
				each JVM's class path, after the module's classes and before the jars, where a packaged \
				application's own resources are. The app without a tool uses paig-db's \
				up-to-date database. At each size the variants are started in rounds: each round starts every \
				variant once, in an order that turns by one each round, so that a slow patch of the shared \
				machine lands on all of them, and each ratio compares starts made in the same minutes. The \
				harness times these runs itself, process start to exit (hyperfine would run one command's runs \
				back to back). A start moves by 10-15%% from one run to the next here, more than the 10%% the \
				start targets allow, so each start target takes the median of the rounds' ratios (a round's \
				paig-db start over the same round's start without a tool, which shared the machine's speed of \
				that minute) and shows the middle half of those ratios and the ratio of the medians beside it; \
				the table's ratios are of the medians.

				**R2DBC app start, fresh JVM.** The same comparison for a reactive app: WebFlux, Spring Data \
				R2DBC with one repository over the same table, the actuator, Spring Boot's `r2dbc-pool` \
				(`app-r2dbc-common`, with r2dbc-postgresql and r2dbc-mariadb). `app-r2dbc-none` gets \
				`spring.r2dbc.url`; `app-r2dbc-paig-db` adds `paig-db-starter` and gets `database.url`, so its \
				migrations check the database over a JDBC connection of their own before the app's \
				`ConnectionFactory` is used. Both use paig-db's up-to-date database and are started in the same \
				rounds as the four servlet variants; the target compares the two R2DBC variants. A third, \
				`app-r2dbc-jdbc-floor`, is the R2DBC app's floor (not a tool, not a target): the app without a \
				tool plus one bean that loads the JDBC driver, opens one connection and runs one \
				`select count(*)` on the history table on a thread of its own, which the context waits for \
				before the web server starts, as paig-db's migrations are waited for. No check over JDBC can \
				cost less; the report gives its ratio to the app without a tool and paig-db's ratio to it, both \
				medians of the rounds' ratios.

				**SQLite** is measured up to 500 changes: beyond about 160 tables Liquibase's `addColumn` on \
				SQLite fails, for stock Liquibase and paig-db alike (it reads the columns of every table in one \
				compound SELECT, and SQLite allows 500 terms: `too many terms in compound SELECT`).

				**Memory.** `com.sun.management.ThreadMXBean#getThreadAllocatedBytes` of the measuring thread \
				around each in-process run (the *allocated* column, median).

				**Fairness.** Versions are Spring Boot 4.1.2's managed Flyway and drivers, and Liquibase from the \
				root pom's `liquibase.version`. Liquibase's usage analytics are off for stock Liquibase as they are \
				for paig-db (this machine has no network for them), and Flyway's telemetry is off \
				(`REDGATE_DISABLE_TELEMETRY`). In the harness JVMs, java.util.logging is at WARNING for every tool; \
				the web app logs as Spring Boot does by default. After all measurements every up-to-date \
				database is checked to hold exactly one history row per change (Flyway: per migration), so no \
				check or start applied anything again. The machine is shared: figures of a single run move by \
				tens of percent, so compare ratios within one run, not figures across runs.

				**Where apply-all's client time goes** (measured with a JFR probe outside this harness, on \
				2026-12-06; the harness does not rewrite these figures). Sampling paig-db's thread while it applied \
				1,000 changes to PostgreSQL put 29%% of the samples in Liquibase's configuration lookups, 25%% in \
				just two of its sources: the system property source copies and hashes every system property at each \
				lookup (11%%), the environment source hashes every environment variable (11%%). Other large items, \
				each counting the lookups it makes: parsing the changelog, once per run (22%%); checksums (10%%); \
				the SQL Liquibase generates for its logging context (MDC) before it runs each change (10%%, \
				Liquibase's own step); validating the changelog, once (8%%). The MDC calls themselves were about \
				1%%, and paig-db validates the changelog once, so neither had anything to take. Now a session \
				answers those two sources from a copy of the system properties and the environment taken as it \
				begins, each hashed once (docs/migrations.md, "The apply path"); lookups fell to 4%% of the samples. \
				Client-thread CPU, medians of 3 runs in JVMs run back to back, before and after the change, with \
				Flyway in the same rounds. paig-db's own CPU fell by 26%% and 35%% on PostgreSQL and 25%% on SQLite \
				(500 changes, the most SQLite takes); Flyway's moved by as much between JVMs, so its ratio is shown, \
				not claimed. Wall times were unreliable: another build was using the machine.

				| apply all | paig-db CPU | Flyway CPU | paig-db / Flyway | paig-db allocated |
				|---|---:|---:|---:|---:|
				| PostgreSQL, 1,000 changes, pair 1, before | 1,391 ms | 907 ms | 1.53x | 535 MB |
				| PostgreSQL, 1,000 changes, pair 1, after | 904 ms | 938 ms | 0.96x | 454 MB |
				| PostgreSQL, 1,000 changes, pair 2, before | 1,235 ms | 881 ms | 1.40x | 535 MB |
				| PostgreSQL, 1,000 changes, pair 2, after | 909 ms | 683 ms | 1.33x | 455 MB |
				| SQLite, 500 changes, before | 484 ms | | | 266 MB |
				| SQLite, 500 changes, after | 365 ms | | | 231 MB |

				## This run

				%s

				Settings: %s%s. Took %d s.

				## Figures

				%s
				%s
				"""
			.formatted(String.join("\n", machine.lines()), settings, quick ? " (`--quick`)" : "", took.toSeconds(),
					figures.stripTrailing() + "\n\n", summary);
	}

}
