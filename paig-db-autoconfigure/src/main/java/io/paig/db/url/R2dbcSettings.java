package io.paig.db.url;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * What a {@code database.url} comes to in R2DBC terms: the R2DBC driver and the options
 * of a {@code ConnectionFactoryOptions}. {@link #toString()} never shows the password.
 *
 * @param source the URL as configured, with secrets masked
 * @param dialect the dialect
 * @param driver the R2DBC driver's name ({@code postgresql}, {@code mariadb} or
 * {@code mysql})
 * @param host the host
 * @param port the port
 * @param database the database
 * @param username the user, or {@code null}
 * @param password the password, or {@code null}
 * @param connectTimeout the connect timeout, or {@code null} for the driver's
 * @param options the driver's other options, by name
 * @author paig-db authors
 */
public record R2dbcSettings(String source, Dialect dialect, String driver, String host, int port, String database,
		@Nullable String username, @Nullable String password, @Nullable Duration connectTimeout,
		Map<String, Object> options) {

	/**
	 * Whether an option holds a secret and must be masked when shown.
	 * @param name the option's name
	 * @return {@code true} for passwords and keys' passwords
	 */
	public static boolean isSecret(String name) {
		return Secrets.isSecretKey(name);
	}

	@Override
	public String toString() {
		String shownOptions = this.options.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + (isSecret(entry.getKey()) ? DatabaseUrl.MASK : entry.getValue()))
			.collect(Collectors.joining(", "));
		return this.source + " -> r2dbc:" + this.driver + "://" + this.host + ":" + this.port + "/" + this.database
				+ ((this.username != null) ? " as '" + this.username + "'" : "")
				+ ((this.connectTimeout != null) ? ", connectTimeout=" + this.connectTimeout : "")
				+ (shownOptions.isEmpty() ? "" : ", " + shownOptions);
	}

}
