package io.paig.db.migration;

/**
 * A migration problem that stops start-up or a command, described for the person who must
 * fix it: what happened and what to do. Messages never hold a password.
 *
 * @author paig-db authors
 */
public class MigrationException extends RuntimeException {

	private final String action;

	/**
	 * Create an exception.
	 * @param description what happened
	 * @param action what to do
	 * @param cause the underlying failure, or {@code null}
	 */
	public MigrationException(String description, String action, Throwable cause) {
		super(description, cause);
		this.action = action;
	}

	/**
	 * Create an exception.
	 * @param description what happened
	 * @param action what to do
	 */
	public MigrationException(String description, String action) {
		super(description);
		this.action = action;
	}

	/**
	 * What happened.
	 * @return the description
	 */
	public String getDescription() {
		return getMessage();
	}

	/**
	 * What to do about it.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
