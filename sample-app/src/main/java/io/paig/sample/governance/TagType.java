package io.paig.sample.governance;

/**
 * Who made a tag; PostgreSQL's enum type {@code tagtype}, whose labels are these names.
 *
 * @author paig-db authors
 */
public enum TagType {

	/** One of the tags PAIG's revisions insert. */
	SYSTEM_DEFINED,

	/** A tag a user added. */
	USER_DEFINED

}
