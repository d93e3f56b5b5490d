package io.paig.db.url;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code docs/url-mapping.md} in step with {@link JdbcTranslator}: every query
 * parameter given a meaning and every driver name accepted is documented.
 *
 * @author paig-db authors
 */
class UrlMappingDocsTests {

	@Test
	void everyTranslatedParameterAndDriverIsDocumented() throws Exception {
		Path docs = Path.of(System.getProperty("basedir", "."), "..", "docs", "url-mapping.md");
		String text = Files.readString(docs);
		Stream
			.of(JdbcTranslator.POSTGRESQL_PARAMETERS, JdbcTranslator.MYSQL_PARAMETERS, JdbcTranslator.SQLITE_PARAMETERS)
			.flatMap(Set::stream)
			.forEach((parameter) -> assertThat(text).as(parameter).contains("`" + parameter + "`"));
		for (Dialect dialect : Dialect.values()) {
			dialect.getPythonDrivers().forEach((driver) -> assertThat(text).as(driver).contains("`" + driver + "`"));
		}
	}

}
