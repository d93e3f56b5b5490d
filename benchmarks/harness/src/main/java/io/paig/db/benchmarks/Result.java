package io.paig.db.benchmarks;

import org.jspecify.annotations.Nullable;

/**
 * One row of the report: a measurement of one tool on one database at one size.
 *
 * @param database the database's name (PostgreSQL, MariaDB, SQLite)
 * @param kind what was measured
 * @param changes the workload's size
 * @param tool the tool
 * @param stats the timings
 * @param allocatedBytes the median heap allocated by the measuring thread, or
 * {@code null} where not measured
 * @author paig-db authors
 */
public record Result(String database, Kind kind, int changes, Tool tool, Stats stats, @Nullable Long allocatedBytes) {

	/**
	 * The label of the tool in this row.
	 * @return the label
	 */
	public String toolLabel() {
		return (this.kind == Kind.APPLY) ? this.tool.applyLabel() : this.tool.checkLabel();
	}

	/**
	 * What a row measures.
	 */
	public enum Kind {

		/** Apply all changes to an empty database, in a warm JVM. */
		APPLY("apply all, in-process"),

		/** Check an up-to-date database on a fresh connection, in a warm JVM. */
		CHECK("up-to-date check, in-process"),

		/** Check an up-to-date database in a fresh JVM, wall clock from start to exit. */
		CHECK_JVM("up-to-date check, fresh JVM"),

		/**
		 * Start the web app on an up-to-date database in a fresh JVM, wall clock until it
		 * is ready.
		 */
		START("Spring Boot start, fresh JVM");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		/**
		 * The label to print.
		 * @return the label
		 */
		public String label() {
			return this.label;
		}

	}

}
