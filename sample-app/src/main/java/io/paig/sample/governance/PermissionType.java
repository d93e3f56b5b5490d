package io.paig.sample.governance;

/**
 * What a policy does with a prompt or a reply; PostgreSQL's enum type
 * {@code permissiontype}, whose labels are these names.
 *
 * @author paig-db authors
 */
public enum PermissionType {

	/** Let it through. */
	ALLOW,

	/** Refuse it. */
	DENY,

	/** Let it through with the tagged parts masked. */
	REDACT

}
