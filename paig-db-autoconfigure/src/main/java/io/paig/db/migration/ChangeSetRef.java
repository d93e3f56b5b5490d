package io.paig.db.migration;

import liquibase.changelog.ChangeSet;

/**
 * One Liquibase changeset of a revision, by the identity Liquibase records for it.
 *
 * @param id the changeset id
 * @param author the changeset author
 * @param file the changelog path as Liquibase records it (DATABASECHANGELOG.FILENAME)
 * @param hasRollback whether the changeset can be reverted (an explicit rollback or
 * changes Liquibase can reverse)
 * @author paig-db authors
 */
public record ChangeSetRef(String id, String author, String file, boolean hasRollback) {

	public static ChangeSetRef of(ChangeSet changeSet) {
		return new ChangeSetRef(changeSet.getId(), changeSet.getAuthor(), changeSet.getFilePath(),
				Rollbacks.isReversible(changeSet));
	}

	/**
	 * Whether this is the given Liquibase changeset.
	 * @param changeSet the changeset
	 * @return {@code true} when id, author and file match
	 */
	public boolean is(ChangeSet changeSet) {
		return this.id.equals(changeSet.getId()) && this.author.equals(changeSet.getAuthor())
				&& samePath(this.file, changeSet.getFilePath());
	}

	/**
	 * Whether this is the changeset of a DATABASECHANGELOG row.
	 * @param id the row's ID
	 * @param author the row's AUTHOR
	 * @param file the row's FILENAME
	 * @return {@code true} when they match
	 */
	public boolean is(String id, String author, String file) {
		return this.id.equals(id) && this.author.equals(author) && samePath(this.file, file);
	}

	/**
	 * A key that two records of the same changeset share, whatever the form of their
	 * paths.
	 * @return the key
	 */
	public String key() {
		return key(this.id, this.author, this.file);
	}

	/**
	 * The key of a Liquibase changeset, without working out the rest of its reference.
	 * @param changeSet the changeset
	 * @return its key
	 */
	public static String keyOf(ChangeSet changeSet) {
		return key(changeSet.getId(), changeSet.getAuthor(), changeSet.getFilePath());
	}

	public static String key(String id, String author, String file) {
		return normalize(file) + "::" + id + "::" + author;
	}

	static boolean samePath(String a, String b) {
		return normalize(a).equals(normalize(b));
	}

	private static String normalize(String path) {
		String normalized = path.replace('\\', '/');
		if (normalized.startsWith("classpath:")) {
			normalized = normalized.substring("classpath:".length());
		}
		while (normalized.startsWith("/")) {
			normalized = normalized.substring(1);
		}
		return normalized;
	}

	@Override
	public String toString() {
		return this.file + "::" + this.id + "::" + this.author;
	}

}
