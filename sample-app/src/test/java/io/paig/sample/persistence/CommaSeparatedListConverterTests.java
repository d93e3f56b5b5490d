package io.paig.sample.persistence;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link CommaSeparatedListConverter}.
 *
 * @author paig-db authors
 */
class CommaSeparatedListConverterTests {

	private final CommaSeparatedListConverter converter = new CommaSeparatedListConverter();

	@Test
	void listIsOneCommaSeparatedValue() {
		assertThat(this.converter.convertToDatabaseColumn(List.of("alice", "bob"))).isEqualTo("alice,bob");
		assertThat(this.converter.convertToDatabaseColumn(List.of())).isEmpty();
		assertThat(this.converter.convertToDatabaseColumn(null)).isNull();
	}

	@Test
	void columnIsReadBackAsTheList() {
		assertThat(this.converter.convertToEntityAttribute("alice,bob")).containsExactly("alice", "bob");
		assertThat(this.converter.convertToEntityAttribute("alice, bob")).containsExactly("alice", "bob");
		assertThat(this.converter.convertToEntityAttribute("")).isEmpty();
		assertThat(this.converter.convertToEntityAttribute(null)).isNull();
	}

	@Test
	void valueWithACommaOrNullIsRefusedWithTheFix() {
		assertThatExceptionOfType(CommaSeparatedListConverter.CommaInValueException.class)
			.isThrownBy(() -> this.converter.convertToDatabaseColumn(List.of("a,b")))
			.withMessage("'a,b' cannot be stored in a comma-separated list: give values without commas.");
		assertThatExceptionOfType(CommaSeparatedListConverter.CommaInValueException.class)
			.isThrownBy(() -> this.converter.convertToDatabaseColumn(Arrays.asList("a", null)));
	}

}
