package io.paig.sample.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Checks of request bodies that answer 400 or 404 with a message naming the problem and
 * the fix.
 *
 * @author paig-db authors
 */
public final class Requests {

	private Requests() {
	}

	/**
	 * Require a non-blank value.
	 * @param value the value
	 * @param field the field's name in the request body
	 * @param <T> the value's type
	 * @return the value
	 * @throws ResponseStatusException (400) when it is missing or blank
	 */
	public static <T> T required(T value, String field) {
		if (value == null || (value instanceof CharSequence text && text.toString().isBlank())) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"'" + field + "' is missing: give it a value in the request body.");
		}
		return value;
	}

	/**
	 * The 409 for a change that conflicts with a stored row, such as a name that must be
	 * unique.
	 * @param message what conflicts and what to do about it
	 * @return the exception to throw
	 */
	public static ResponseStatusException conflict(String message) {
		return new ResponseStatusException(HttpStatus.CONFLICT, message);
	}

	/**
	 * The 404 for a row that does not exist.
	 * @param what what was looked for, such as {@code "AI application"}
	 * @param id its id
	 * @return the exception to throw
	 */
	public static ResponseStatusException notFound(String what, Object id) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no " + what + " with id " + id + ".");
	}

}
