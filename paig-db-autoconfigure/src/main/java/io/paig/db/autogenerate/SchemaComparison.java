package io.paig.db.autogenerate;

import java.util.List;

/**
 * Compares what the application's JPA entities need with the database.
 *
 * @author paig-db authors
 */
public interface SchemaComparison {

	/**
	 * Compare.
	 * @param revisionId the id to give generated changesets
	 * @return the differences and the changes that remove them
	 */
	Result compare(String revisionId);

	/**
	 * What a comparison found.
	 *
	 * @param differences the differences, one line each
	 * @param changeSets the YAML list of changesets (under {@code databaseChangeLog})
	 * that remove them
	 * @param warnings what the user should know before applying them (a dropped and an
	 * added column that may be a rename), one line each; the changesets hold them as
	 * comments
	 */
	record Result(List<String> differences, String changeSets, List<String> warnings) {

		/**
		 * A result without warnings.
		 * @param differences the differences, one line each
		 * @param changeSets the YAML list of changesets
		 */
		public Result(List<String> differences, String changeSets) {
			this(differences, changeSets, List.of());
		}

		/**
		 * Whether entities and database agree.
		 * @return {@code true} when nothing differs
		 */
		public boolean isEmpty() {
			return this.differences.isEmpty();
		}

	}

}
