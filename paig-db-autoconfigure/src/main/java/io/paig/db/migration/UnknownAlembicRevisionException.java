package io.paig.db.migration;

import java.util.List;

/**
 * A database built by Alembic stands at a revision that the changelog does not have, so
 * paig-db cannot tell which of its revisions are already in the database.
 *
 * @author paig-db authors
 */
public class UnknownAlembicRevisionException extends MigrationException {

	private final List<String> versions;

	public UnknownAlembicRevisionException(String changelog, List<String> versions, String problem) {
		super("The database was built by Alembic: its alembic_version table says " + describe(versions) + ", " + problem
				+ " Nothing was changed.",
				"Port Alembic's revisions up to and including " + describe(versions) + " into the changelog "
						+ changelog + " with the same ids (see docs/alembic.md), "
						+ "or point database.url at the database this application's history belongs to.");
		this.versions = List.copyOf(versions);
	}

	private static String describe(List<String> versions) {
		return (versions.size() == 1) ? "'" + versions.get(0) + "'" : versions.toString();
	}

	/**
	 * What {@code alembic_version} holds.
	 * @return the version numbers
	 */
	public List<String> getVersions() {
		return this.versions;
	}

}
