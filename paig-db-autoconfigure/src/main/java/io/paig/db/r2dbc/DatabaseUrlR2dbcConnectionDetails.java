package io.paig.db.r2dbc;

import java.util.Map;

import io.paig.db.url.R2dbcSettings;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;

import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;

/**
 * {@link R2dbcConnectionDetails} from a {@code database.url}, so that Spring Boot's own
 * R2DBC support builds the {@code ConnectionFactory} and pools it ({@code r2dbc-pool},
 * {@code spring.r2dbc.pool.*}).
 *
 * @author paig-db authors
 */
public final class DatabaseUrlR2dbcConnectionDetails implements R2dbcConnectionDetails {

	private final R2dbcSettings settings;

	/**
	 * Create the details.
	 * @param settings the translated URL
	 */
	public DatabaseUrlR2dbcConnectionDetails(R2dbcSettings settings) {
		this.settings = settings;
	}

	/**
	 * The translated URL behind these details.
	 * @return the settings
	 */
	public R2dbcSettings getSettings() {
		return this.settings;
	}

	@Override
	public ConnectionFactoryOptions getConnectionFactoryOptions() {
		R2dbcSettings s = this.settings;
		ConnectionFactoryOptions.Builder builder = ConnectionFactoryOptions.builder()
			.option(ConnectionFactoryOptions.DRIVER, s.driver())
			.option(ConnectionFactoryOptions.HOST, s.host())
			.option(ConnectionFactoryOptions.PORT, s.port())
			.option(ConnectionFactoryOptions.DATABASE, s.database());
		if (s.username() != null) {
			builder.option(ConnectionFactoryOptions.USER, s.username());
		}
		if (s.password() != null) {
			builder.option(ConnectionFactoryOptions.PASSWORD, s.password());
		}
		if (s.connectTimeout() != null) {
			builder.option(ConnectionFactoryOptions.CONNECT_TIMEOUT, s.connectTimeout());
		}
		for (Map.Entry<String, Object> option : s.options().entrySet()) {
			String name = option.getKey();
			builder.option(R2dbcSettings.isSecret(name) ? Option.sensitiveValueOf(name) : Option.valueOf(name),
					option.getValue());
		}
		return builder.build();
	}

	@Override
	public String toString() {
		return "DatabaseUrlR2dbcConnectionDetails[" + this.settings + "]";
	}

}
