package io.paig.db.url;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A database URL in SQLAlchemy's form,
 * {@code dialect[+driver]://[user[:password]@]host[:port]/database[?k=v&...]}, read the
 * way SQLAlchemy's {@code make_url} reads it: user and password percent-decoded, IPv6
 * hosts in brackets, query parameters decoded as {@code parse_qsl} does.
 * <p>
 * {@link #toString()} never shows the password.
 *
 * @author paig-db authors
 */
public final class DatabaseUrl {

	/** What stands in for a secret wherever a URL is shown. */
	public static final String MASK = "****";

	private static final Pattern SCHEME = Pattern
		.compile("^(?<dialect>[A-Za-z0-9_]+)(?:\\+(?<driver>[A-Za-z0-9_]+))?://(?<rest>.*)$", Pattern.DOTALL);

	// The user may not hold ':' or '/', the host never holds '@': the password is
	// everything between them,
	// so that a raw '@', '/', '?' or ':' in a password still reads. The strict form,
	// tried first, keeps '@'
	// out of the database too, so that of several '@' the one before the host is taken;
	// the lenient form
	// then admits SQLite paths such as '/home/me@corp/paig.db'.
	private static final Pattern STRICT = rest("[^?@]*");

	private static final Pattern LENIENT = rest("[^?]*");

	private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

	private static Pattern rest(String database) {
		return Pattern.compile("^(?:(?<user>[^:/]*)(?::(?<password>.*?))?@)?"
				+ "(?:\\[(?<ipv6>[^\\[\\]/?@]*)\\]|(?<host>[^\\[\\]/:?@]*))" + "(?::(?<port>[^/?@\\[\\]]*))?"
				+ "(?:/(?<database>" + database + "))?" + "(?:\\?(?<query>.*))?$", Pattern.DOTALL);
	}

	private final Dialect dialect;

	private final String dialectName;

	private final @Nullable String driver;

	private final @Nullable String username;

	private final @Nullable String password;

	private final @Nullable String host;

	private final boolean ipv6;

	private final @Nullable Integer port;

	private final @Nullable String database;

	private final List<Map.Entry<String, String>> query;

	private DatabaseUrl(Dialect dialect, String dialectName, @Nullable String driver, @Nullable String username,
			@Nullable String password, @Nullable String host, boolean ipv6, @Nullable Integer port,
			@Nullable String database, List<Map.Entry<String, String>> query) {
		this.dialect = dialect;
		this.dialectName = dialectName;
		this.driver = driver;
		this.username = username;
		this.password = password;
		this.host = host;
		this.ipv6 = ipv6;
		this.port = port;
		this.database = database;
		this.query = Collections.unmodifiableList(query);
	}

	/**
	 * Read a SQLAlchemy-style URL.
	 * @param url the URL as the user wrote it
	 * @return the parsed URL
	 * @throws InvalidDatabaseUrlException if the URL cannot be read; its message never
	 * holds the password
	 */
	public static DatabaseUrl parse(@Nullable String url) {
		if (url == null || url.isBlank()) {
			throw new InvalidDatabaseUrlException(null, "it is empty.",
					"Set database.url to a URL such as 'postgresql://user:password@host:5432/database' or "
							+ "'sqlite:///db/database.db', or remove the property to use the default SQLite file.");
		}
		String trimmed = url.strip();
		Matcher scheme = SCHEME.matcher(trimmed);
		if (!scheme.matches()) {
			throw new InvalidDatabaseUrlException(null,
					"it does not start with 'dialect://' or 'dialect+driver://' (a dialect is letters, digits and '_').",
					"Write it as 'dialect+driver://user:password@host:port/database', for example "
							+ "'postgresql+asyncpg://paig:secret@db:5432/paig', or as a 'jdbc:' URL.");
		}
		String dialectName = scheme.group("dialect").toLowerCase(Locale.ROOT);
		String driver = lower(scheme.group("driver"));
		String rest = scheme.group("rest");
		Matcher parts = STRICT.matcher(rest);
		boolean lenient = !parts.matches();
		if (lenient) {
			parts = LENIENT.matcher(rest);
		}
		if (lenient && parts.matches() && !isSqlite(dialectName)) {
			// An '@' after the first '/': user info written after a slash
			// ('postgresql:///user:pw@host/db'),
			// or a '/' in the user. Nothing after '://' is shown: it may hold the
			// password.
			throw new InvalidDatabaseUrlException(schemeOf(dialectName, driver) + "://" + MASK,
					"an '@' follows a '/' after '://', so the user and password cannot be told from the database.",
					"Write 'dialect://user:password@host:port/database' with two slashes, and percent-encode '/' and '@' "
							+ "in the user and password (%2F, %40).");
		}
		if (!parts.matches()) {
			String masked = schemeOf(dialectName, driver) + "://" + MASK;
			if (hasUnbalancedBrackets(rest)) {
				throw new InvalidDatabaseUrlException(masked, "its host has unbalanced brackets.",
						"Write an IPv6 host in one pair of brackets, for example 'postgresql://user@[::1]:5432/db', "
								+ "and other hosts without brackets.");
			}
			throw new InvalidDatabaseUrlException(masked,
					"the part after '://' is not of the form 'user:password@host:port/database'.",
					"Percent-encode special characters in the user and password ('@' as %40, ':' as %3A, "
							+ "'/' as %2F) and check the host, port and database.");
		}
		Dialect dialect = Dialect.find(dialectName);
		String user = decode(parts.group("user"));
		String password = decode(parts.group("password"));
		String ipv6Host = parts.group("ipv6");
		String host = emptyToNull(decode((ipv6Host != null) ? ipv6Host : parts.group("host")));
		String portText = parts.group("port");
		String database = decode(parts.group("database"));
		List<Map.Entry<String, String>> query = parseQuery(parts.group("query"));
		if (dialect == null) {
			throw new InvalidDatabaseUrlException(
					mask(dialectName, driver, user, password != null, host, ipv6Host != null, null, database, query),
					"the dialect '" + dialectName + "' is not known.",
					"Use one of " + Dialect.knownNames() + ", for example 'postgresql+asyncpg://...'.");
		}
		DatabaseUrl partial = new DatabaseUrl(dialect, dialectName, driver, user, password, host, ipv6Host != null,
				null, database, query);
		if (driver != null && !dialect.getPythonDrivers().contains(driver)) {
			throw new InvalidDatabaseUrlException(partial.toString(),
					"the driver '" + driver + "' is not known for " + dialect.getName() + ".",
					"Use one of " + String.join(", ", dialect.getPythonDrivers()) + " after '" + dialect.getName()
							+ "+', or leave the driver out ('" + dialect.getName() + "://...').");
		}
		Integer port = null;
		if (portText != null) {
			if (!PORT.matcher(portText).matches() || Integer.parseInt(portText) < 1
					|| Integer.parseInt(portText) > 65535) {
				// The port is not shown: when a URL lost its '@', what reads as a port
				// may be a password.
				throw new InvalidDatabaseUrlException(partial.toString() + " (port " + MASK + ")",
						"the port is not a number from 1 to 65535.",
						"Write the port as digits after the host, for example 'db.example.com:5432', or leave it "
								+ "out to use "
								+ ((dialect.getDefaultPort() > 0) ? dialect.getDefaultPort()
										: "no port (SQLite has none)")
								+ ". Percent-encode special characters in the password ('@' as %40, '/' as %2F).");
			}
			port = Integer.valueOf(portText);
		}
		return new DatabaseUrl(dialect, dialectName, driver, partial.username, partial.password, partial.host,
				partial.ipv6, port, partial.database, query);
	}

	private static boolean isSqlite(String dialectName) {
		return Dialect.find(dialectName) == Dialect.SQLITE;
	}

	private static boolean hasUnbalancedBrackets(String rest) {
		int query = rest.indexOf('?');
		String beforeQuery = (query >= 0) ? rest.substring(0, query) : rest;
		int at = beforeQuery.lastIndexOf('@');
		String authority = beforeQuery.substring(at + 1);
		int slash = authority.indexOf('/');
		if (slash >= 0) {
			authority = authority.substring(0, slash);
		}
		long open = authority.chars().filter((c) -> c == '[').count();
		long close = authority.chars().filter((c) -> c == ']').count();
		return open != close || (open > 0 && authority.indexOf('[') > authority.indexOf(']'));
	}

	private static List<Map.Entry<String, String>> parseQuery(@Nullable String query) {
		List<Map.Entry<String, String>> result = new ArrayList<>();
		if (query == null || query.isEmpty()) {
			return result;
		}
		// As Python's parse_qsl: pairs split on '&', '+' is a space, pairs with a blank
		// value are dropped.
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String key = (equals >= 0) ? pair.substring(0, equals) : pair;
			String value = (equals >= 0) ? pair.substring(equals + 1) : "";
			if (!value.isEmpty()) {
				result.add(Map.entry(decodePlus(key), decodePlus(value)));
			}
		}
		return result;
	}

	private static String decodePlus(String text) {
		return decode(text.replace('+', ' '));
	}

	/**
	 * Percent-decode as Python's {@code urllib.parse.unquote} does: UTF-8, and a
	 * {@code %} not followed by two hex digits is kept as it is.
	 * @param text the text to decode, or {@code null}
	 * @return the decoded text, or {@code null}
	 */
	@SuppressWarnings("NullAway")
	static @Nullable String decode(@Nullable String text) {
		if (text == null || text.indexOf('%') < 0) {
			return text;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
				bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
				i += 3;
			}
			else {
				byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
				if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
					encoded = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
					i++;
				}
				bytes.write(encoded, 0, encoded.length);
				i++;
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private static boolean isHex(char c) {
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	}

	private static @Nullable String lower(@Nullable String text) {
		return (text != null) ? text.toLowerCase(Locale.ROOT) : null;
	}

	private static @Nullable String emptyToNull(@Nullable String text) {
		return (text == null || text.isEmpty()) ? null : text;
	}

	private static String schemeOf(String dialectName, @Nullable String driver) {
		return (driver != null) ? dialectName + "+" + driver : dialectName;
	}

	/**
	 * The same URL with other credentials, as {@code database.username} and
	 * {@code database.password} give them.
	 * @param username the user, or {@code null} to keep the URL's
	 * @param password the password, or {@code null} to keep the URL's
	 * @return a URL with the credentials replaced
	 */
	public DatabaseUrl withCredentials(@Nullable String username, @Nullable String password) {
		return new DatabaseUrl(this.dialect, this.dialectName, this.driver,
				(username != null) ? username : this.username, (password != null) ? password : this.password, this.host,
				this.ipv6, this.port, this.database, this.query);
	}

	public Dialect getDialect() {
		return this.dialect;
	}

	/**
	 * The SQLAlchemy driver named after {@code +}, lower case.
	 * @return the driver or {@code null}
	 */
	public @Nullable String getDriver() {
		return this.driver;
	}

	public @Nullable String getUsername() {
		return this.username;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	/**
	 * The host, without brackets for IPv6.
	 * @return the host or {@code null} when the URL names none
	 */
	public @Nullable String getHost() {
		return this.host;
	}

	public boolean isIpv6() {
		return this.ipv6;
	}

	public @Nullable Integer getPort() {
		return this.port;
	}

	/**
	 * The database, or for SQLite the file path, as SQLAlchemy reads it (the text after
	 * the first {@code /}, decoded).
	 * @return the database or {@code null}
	 */
	public @Nullable String getDatabase() {
		return this.database;
	}

	/**
	 * The query parameters, decoded, in the order written (a key may repeat).
	 * @return the parameters
	 */
	public List<Map.Entry<String, String>> getQuery() {
		return this.query;
	}

	/**
	 * The URL as written but with the password masked, and the values of query parameters
	 * that look like secrets masked too.
	 */
	@Override
	public String toString() {
		return mask(this.dialectName, this.driver, this.username, this.password != null, this.host, this.ipv6,
				this.port, this.database, this.query);
	}

	private static String mask(String dialectName, @Nullable String driver, @Nullable String user, boolean hasPassword,
			@Nullable String host, boolean ipv6, @Nullable Integer port, @Nullable String database,
			List<Map.Entry<String, String>> query) {
		StringBuilder text = new StringBuilder(schemeOf(dialectName, driver)).append("://");
		if (user != null || hasPassword) {
			text.append((user != null) ? user : "");
			if (hasPassword) {
				text.append(':').append(MASK);
			}
			text.append('@');
		}
		if (host != null) {
			text.append(ipv6 ? "[" + host + "]" : host);
		}
		if (port != null) {
			text.append(':').append(port);
		}
		if (database != null) {
			text.append('/').append(database);
		}
		if (!query.isEmpty()) {
			text.append('?');
			for (int i = 0; i < query.size(); i++) {
				Map.Entry<String, String> parameter = query.get(i);
				text.append((i > 0) ? "&" : "").append(parameter.getKey()).append('=');
				text.append(Secrets.isSecretKey(parameter.getKey()) ? MASK : parameter.getValue());
			}
		}
		return text.toString();
	}

}
