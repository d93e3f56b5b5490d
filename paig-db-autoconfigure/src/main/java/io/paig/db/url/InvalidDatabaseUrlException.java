package io.paig.db.url;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a {@code database.url} cannot be used: it names the problem and the fix,
 * and shows the URL only with its password masked.
 *
 * @author paig-db authors
 */
public class InvalidDatabaseUrlException extends IllegalArgumentException {

	private final String problem;

	private final String action;

	private final @Nullable String maskedUrl;

	/**
	 * Create a new exception.
	 * @param maskedUrl the URL with its credentials masked, or {@code null} when no part
	 * of it can be shown safely
	 * @param problem what is wrong, as a sentence
	 * @param action how to fix it, as a sentence
	 */
	public InvalidDatabaseUrlException(@Nullable String maskedUrl, String problem, String action) {
		super(message(maskedUrl, problem, action));
		this.maskedUrl = maskedUrl;
		this.problem = problem;
		this.action = action;
	}

	private static String message(@Nullable String maskedUrl, String problem, String action) {
		String subject = (maskedUrl != null) ? "database.url '" + maskedUrl + "'" : "database.url";
		return subject + " cannot be used: " + problem + " " + action;
	}

	/**
	 * What is wrong with the URL.
	 * @return the problem
	 */
	public String getProblem() {
		return this.problem;
	}

	/**
	 * What to change.
	 * @return the fix
	 */
	public String getAction() {
		return this.action;
	}

	/**
	 * The URL with its credentials masked, when it could be shown.
	 * @return the masked URL or {@code null}
	 */
	public @Nullable String getMaskedUrl() {
		return this.maskedUrl;
	}

}
