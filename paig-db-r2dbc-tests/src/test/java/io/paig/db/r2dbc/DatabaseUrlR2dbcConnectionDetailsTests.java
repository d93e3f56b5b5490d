package io.paig.db.r2dbc;

import java.time.Duration;
import java.util.Map;

import io.paig.db.url.R2dbcTranslator;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DatabaseUrlR2dbcConnectionDetails}.
 *
 * @author paig-db authors
 */
class DatabaseUrlR2dbcConnectionDetailsTests {

	private final R2dbcTranslator translator = new R2dbcTranslator(getClass().getClassLoader());

	@Test
	void optionsCarryTheUrlAndMaskSecrets() {
		DatabaseUrlR2dbcConnectionDetails details = new DatabaseUrlR2dbcConnectionDetails(this.translator.translate(
				"postgresql://paig:pw@db:5433/app?connect_timeout=3&sslpassword=keypw&sslmode=require", null, null));
		ConnectionFactoryOptions options = details.getConnectionFactoryOptions();
		assertThat(options.getValue(ConnectionFactoryOptions.PASSWORD)).hasToString("pw");
		assertThat(options.getValue(ConnectionFactoryOptions.CONNECT_TIMEOUT)).isEqualTo(Duration.ofSeconds(3));
		assertThat(options.getValue(Option.valueOf("sslMode"))).isEqualTo("require");
		// the password is sensitive in R2DBC's own toString; whether sslPassword is, is
		// r2dbc-postgresql's choice
		assertThat(options.toString()).contains("password=REDACTED").doesNotContain("=pw");
		assertThat(details.toString()).doesNotContain("keypw").doesNotContain(":pw@");
	}

	@Test
	void eachDriverBuildsAConnectionFactoryFromTheOptions() {
		for (String url : new String[] { "postgresql://paig@db/app?options=-c%20search_path%3Dpaig",
				"mariadb://paig@db/app?ssl_mode=required", "mysql://paig@db/app?ssl_mode=preferred" }) {
			ConnectionFactory factory = ConnectionFactories
				.get(new DatabaseUrlR2dbcConnectionDetails(this.translator.translate(url, null, null))
					.getConnectionFactoryOptions());
			assertThat(factory.getMetadata().getName()).as(url).isNotBlank();
		}
		assertThat(new DatabaseUrlR2dbcConnectionDetails(
				this.translator.translate("postgresql://paig@db/app?options=-c%20search_path%3Dpaig", null, null))
			.getConnectionFactoryOptions()
			.getValue(Option.valueOf("options"))).isEqualTo(Map.of("search_path", "paig"));
	}

}
