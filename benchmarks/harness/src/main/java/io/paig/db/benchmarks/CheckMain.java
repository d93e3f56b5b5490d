package io.paig.db.benchmarks;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The whole-JVM up-to-date check: a fresh JVM that does only what a tool's start-up does
 * on an up-to-date database (for raw JDBC: the floor, one {@code select count(*)} on the
 * history table) and exits. The workload folder is on its classpath; the password, if
 * any, comes in {@code BENCH_DB_PASSWORD}.
 * <p>
 * {@code java -cp ... io.paig.db.benchmarks.CheckMain <raw-jdbc|paig-db|liquibase|flyway> <jdbc-url> <user>}
 *
 * @author paig-db authors
 */
public final class CheckMain {

	private CheckMain() {
	}

	/**
	 * Check once.
	 * @param args the tool, the JDBC URL and the user
	 * @throws Exception when the check fails
	 */
	public static void main(String[] args) throws Exception {
		if (args.length != 3) {
			System.err.println("Usage: CheckMain <raw-jdbc|paig-db|liquibase|flyway> <jdbc-url> <user>");
			System.exit(2);
		}
		Migrations.configureJvm();
		String password = System.getenv("BENCH_DB_PASSWORD");
		DataSource dataSource = new DriverManagerDataSource(args[1], args[2], (password != null) ? password : "");
		Migrations.check(Tool.of(args[0]), dataSource, Thread.currentThread().getContextClassLoader());
	}

}
