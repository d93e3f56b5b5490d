package io.paig.sample.persistence;

import java.util.Arrays;
import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores a list of strings as one comma-separated {@code VARCHAR}, as PAIG's
 * {@code CommaSeparatedList} column type does: {@code ["a", "b"]} is {@code "a,b"}, an
 * empty list is an empty string and {@code null} stays {@code null}.
 *
 * @author paig-db authors
 */
@Converter
public class CommaSeparatedListConverter implements AttributeConverter<List<String>, String> {

	@Override
	public String convertToDatabaseColumn(List<String> values) {
		if (values == null) {
			return null;
		}
		for (String value : values) {
			if (value == null || value.indexOf(',') >= 0) {
				throw new CommaInValueException(
						"'" + value + "' cannot be stored in a comma-separated list: " + "give values without commas.");
			}
		}
		return String.join(",", values);
	}

	@Override
	public List<String> convertToEntityAttribute(String column) {
		if (column == null) {
			return null;
		}
		return column.isEmpty() ? List.of() : Arrays.stream(column.split(",")).map(String::strip).toList();
	}

	/**
	 * A value that holds a comma (or is {@code null}), which a comma-separated list
	 * cannot keep apart.
	 */
	public static class CommaInValueException extends IllegalArgumentException {

		CommaInValueException(String message) {
			super(message);
		}

	}

}
