package io.paig.db.url;

import java.io.ByteArrayOutputStream;
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
 * way SQLAlchemy 2.0's {@code make_url} reads it: user and password percent-decoded, host
 * and database as written, IPv6 hosts in brackets, query parameters decoded as
 * {@code parse_qsl} does. Where SQLAlchemy's reading cannot work, paig-db reads the URL
 * differently or refuses it; {@code docs/url-mapping.md} lists each case.
 * <p>
 * {@link #toString()} never shows the password, and neither does the message of an
 * {@link InvalidDatabaseUrlException} thrown by {@link #parse(String)}: what they show is
 * masked from the text as written, not from the parts read, so a URL that reads
 * differently than its author meant still hides everything that could be user
 * information.
 *
 * @author paig-db authors
 */
public final class DatabaseUrl {

	/** What stands in for a secret wherever a URL is shown. */
	public static final String MASK = "****";

	private static final Pattern SCHEME = Pattern
		.compile("^(?<dialect>[A-Za-z0-9_]+)(?:\\+(?<driver>[A-Za-z0-9_]+))?://");

	// SQLAlchemy's grammar for the part after '://': the user stops at ':' or '/', the
	// password at the first '@',
	// an IPv6 host is anything but '/' or '?' in brackets, another host anything but '/',
	// ':' or '?', the
	// port anything up to '/' or '?', the database anything up to '?', and the query the
	// rest of the line.
	// Every part is optional, so it always matches a prefix of the text; what it leaves
	// over, SQLAlchemy
	// ignores.
	private static final Pattern SQLALCHEMY_FORM = Pattern.compile("(?:(?<user>[^:/]*)(?::(?<password>[^@]*))?@)?"
			+ "(?:(?:\\[(?<ipv6>[^/?]+)\\]|(?<host>[^/:?]+))?(?::(?<port>[^/?]*))?)?" + "(?:/(?<database>[^?]*))?"
			+ "(?:\\?(?<query>[^\\n]*))?");

	private static final Pattern PORT = Pattern.compile("[0-9]+");

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

	private final String written;

	private DatabaseUrl(Dialect dialect, String dialectName, @Nullable String driver, @Nullable String username,
			@Nullable String password, @Nullable String host, boolean ipv6, @Nullable Integer port,
			@Nullable String database, List<Map.Entry<String, String>> query, String written) {
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
		this.written = written;
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
		if (!scheme.lookingAt()) {
			throw new InvalidDatabaseUrlException(null,
					"it does not start with 'dialect://' or 'dialect+driver://' (a dialect is letters, digits and '_').",
					"Write it as 'dialect+driver://user:password@host:port/database', for example "
							+ "'postgresql+asyncpg://paig:secret@db:5432/paig', or as a 'jdbc:' URL.");
		}
		String dialectName = scheme.group("dialect").toLowerCase(Locale.ROOT);
		String driver = lower(scheme.group("driver"));
		String schemeShown = schemeOf(dialectName, driver);
		String rest = trimmed.substring(scheme.end());
		// From here on, a URL that does not read is shown as 'dialect://****': what it
		// was meant to say is
		// unknown, so any part of it may be a password.
		String unread = schemeShown + "://" + MASK;
		Matcher parts = SQLALCHEMY_FORM.matcher(rest);
		if (!parts.lookingAt() || parts.end() < rest.length()) {
			throw new InvalidDatabaseUrlException(unread,
					"the part after '://' is not of the form 'user:password@host:port/database'.",
					"Percent-encode special characters in the user and password ('@' as %40, ':' as %3A, "
							+ "'/' as %2F, '?' as %3F) and check the host, port and database.");
		}
		String user = parts.group("user");
		String password = parts.group("password");
		String ipv6Host = parts.group("ipv6");
		String host = parts.group("host");
		if (host != null && host.indexOf('@') >= 0) {
			// SQLAlchemy ends the password at its first '@' and reads the rest, up to
			// the host, as the host.
			// No host holds an '@': the password runs to the last '@' before the host.
			int at = host.lastIndexOf('@');
			password = password + "@" + host.substring(0, at);
			host = host.substring(at + 1);
		}
		if (hasBracket(host) || hasBracket(ipv6Host) || (ipv6Host != null && ipv6Host.indexOf('@') >= 0)) {
			throw new InvalidDatabaseUrlException(unread, "its host has unbalanced brackets.",
					"Write an IPv6 host in one pair of brackets, for example 'postgresql://user@[::1]:5432/db', "
							+ "other hosts without brackets, and percent-encode '?' and '/' in the user and "
							+ "password (%3F, %2F).");
		}
		Dialect dialect = Dialect.find(dialectName);
		String portText = parts.group("port");
		Integer port = null;
		if (portText != null) {
			port = port(portText);
			if (port == null) {
				// The port is not shown: when a URL lost its '@', what reads as a port
				// may be a password.
				throw new InvalidDatabaseUrlException(unread, "the port is not a number from 1 to 65535.",
						"Write the port as digits after the host, for example 'db.example.com:5432', or leave it "
								+ "out to use "
								+ ((dialect != null) ? defaultPort(dialect) : "the dialect's default port")
								+ ". Percent-encode special characters in the password ('@' as %40, '/' as %2F).");
			}
		}
		String database = parts.group("database");
		String queryText = parts.group("query");
		boolean atInDatabase = dialect != Dialect.SQLITE && database != null && database.indexOf('@') >= 0;
		if (atInDatabase || (queryText != null && queryText.indexOf('@') >= 0)) {
			// SQLAlchemy reads such an '@' as part of the database or of a parameter,
			// but it is far more often
			// a password's '@' (or a raw '/' or '?' before it): nothing tells the two
			// apart, so refuse.
			throw new InvalidDatabaseUrlException(unread,
					"an '@' follows the host, in the " + (atInDatabase ? "database" : "query")
							+ ", so the user and password cannot be told from the rest.",
					"Write 'dialect://user:password@host:port/database' with two slashes, percent-encode '@', "
							+ "'/' and '?' in the user and password (%40, %2F, %3F) and '@' in parameter values "
							+ "(%40).");
		}
		List<Map.Entry<String, String>> query = parseQuery(queryText);
		if (dialect == null) {
			throw new InvalidDatabaseUrlException(display(schemeShown, rest, password != null),
					"the dialect '" + dialectName + "' is not known.",
					"Use one of " + Dialect.knownNames() + ", for example 'postgresql+asyncpg://...'.");
		}
		if (driver != null && !dialect.getPythonDrivers().contains(driver)) {
			throw new InvalidDatabaseUrlException(display(schemeShown, rest, password != null),
					"the driver '" + driver + "' is not known for " + dialect.getName() + ".",
					"Use one of " + String.join(", ", dialect.getPythonDrivers()) + " after '" + dialect.getName()
							+ "+', or leave the driver out ('" + dialect.getName() + "://...').");
		}
		String hostRead = (ipv6Host != null) ? ipv6Host : host;
		return new DatabaseUrl(dialect, dialectName, driver, decode(user), decode(password),
				(hostRead == null || hostRead.isEmpty()) ? null : hostRead, ipv6Host != null, port, database, query,
				rest);
	}

	private static boolean hasBracket(@Nullable String host) {
		return host != null && (host.indexOf('[') >= 0 || host.indexOf(']') >= 0);
	}

	private static String defaultPort(Dialect dialect) {
		return (dialect.getDefaultPort() > 0) ? String.valueOf(dialect.getDefaultPort()) : "no port (SQLite has none)";
	}

	// The port: ASCII digits from 1 to 65535, nothing else ('null' for anything else).
	private static @Nullable Integer port(String text) {
		if (!PORT.matcher(text).matches()) {
			return null;
		}
		String digits = text.replaceFirst("^0+(?=.)", "");
		if (digits.length() > 5 || Integer.parseInt(digits) < 1 || Integer.parseInt(digits) > 65535) {
			return null;
		}
		return Integer.valueOf(digits);
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
	 * Percent-decode as Python's {@code urllib.parse.unquote} does: each run of ASCII
	 * characters is decoded to bytes and then read as UTF-8, each invalid byte sequence
	 * becoming U+FFFD as Python's {@code errors='replace'} makes it; other characters are
	 * kept, and so is a {@code %} not followed by two hex digits.
	 * @param text the text to decode, or {@code null}
	 * @return the decoded text, or {@code null}
	 */
	@SuppressWarnings("NullAway")
	static @Nullable String decode(@Nullable String text) {
		if (text == null || text.indexOf('%') < 0) {
			return text;
		}
		StringBuilder decoded = new StringBuilder(text.length());
		ByteArrayOutputStream run = new ByteArrayOutputStream();
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c >= 0x80) {
				appendUtf8(decoded, run.toByteArray());
				run.reset();
				decoded.append(c);
				i++;
			}
			else if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
				run.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
				i += 3;
			}
			else {
				run.write(c);
				i++;
			}
		}
		appendUtf8(decoded, run.toByteArray());
		return decoded.toString();
	}

	// Read bytes as UTF-8, replacing each maximal invalid subpart with U+FFFD, as Python
	// does (Java's own decoder replaces an encoded surrogate, for one, with a single
	// U+FFFD
	// where Python writes three).
	private static void appendUtf8(StringBuilder decoded, byte[] bytes) {
		int i = 0;
		while (i < bytes.length) {
			int lead = bytes[i] & 0xFF;
			int length;
			int low = 0x80;
			int high = 0xBF;
			if (lead < 0x80) {
				decoded.append((char) lead);
				i++;
				continue;
			}
			if (lead >= 0xC2 && lead <= 0xDF) {
				length = 2;
			}
			else if (lead >= 0xE0 && lead <= 0xEF) {
				length = 3;
				low = (lead == 0xE0) ? 0xA0 : 0x80;
				high = (lead == 0xED) ? 0x9F : 0xBF;
			}
			else if (lead >= 0xF0 && lead <= 0xF4) {
				length = 4;
				low = (lead == 0xF0) ? 0x90 : 0x80;
				high = (lead == 0xF4) ? 0x8F : 0xBF;
			}
			else {
				decoded.append('\uFFFD');
				i++;
				continue;
			}
			int codePoint = lead & (0xFF >> (length + 1));
			int read = 1;
			while (read < length && i + read < bytes.length) {
				int next = bytes[i + read] & 0xFF;
				boolean valid = (read == 1) ? (next >= low && next <= high) : (next >= 0x80 && next <= 0xBF);
				if (!valid) {
					break;
				}
				codePoint = (codePoint << 6) | (next & 0x3F);
				read++;
			}
			if (read == length) {
				decoded.appendCodePoint(codePoint);
			}
			else {
				decoded.append('\uFFFD');
			}
			i += read;
		}
	}

	private static boolean isHex(char c) {
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	}

	private static @Nullable String lower(@Nullable String text) {
		return (text != null) ? text.toLowerCase(Locale.ROOT) : null;
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
				this.ipv6, this.port, this.database, this.query, this.written);
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
	 * The host as written (not decoded), without brackets for IPv6.
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
	 * The database, or for SQLite the file path, as SQLAlchemy reads it: the text after
	 * the first {@code /} that follows the host, as written (not decoded).
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
	 * The URL as written, with everything up to its last {@code @} but the user masked,
	 * and the values of query parameters that look like secrets masked too.
	 */
	@Override
	public String toString() {
		return display(schemeOf(this.dialectName, this.driver), this.written, this.password != null);
	}

	/**
	 * Show the part after {@code ://} without anything that could be a password, judged
	 * from the text alone. Everything up to the last {@code @} could be user information,
	 * since a password may hold {@code @}: only the user before the first {@code :} is
	 * kept, and only if it holds nothing a URL's other parts hold.
	 * @param scheme the scheme to show
	 * @param rest the text after {@code ://}
	 * @param hasPassword whether a password is in use, to show {@code :****} for it
	 * @return the text to show
	 */
	private static String display(String scheme, String rest, boolean hasPassword) {
		StringBuilder shown = new StringBuilder(scheme).append("://");
		int at = rest.lastIndexOf('@');
		String tail = rest;
		if (at >= 0) {
			String info = rest.substring(0, at);
			int colon = info.indexOf(':');
			String user = (colon >= 0) ? info.substring(0, colon) : info;
			if (isPlainUser(user)) {
				shown.append(user).append((colon >= 0 || hasPassword) ? ":" + MASK : "");
			}
			else {
				shown.append(MASK);
			}
			shown.append('@');
			tail = rest.substring(at + 1);
		}
		else if (hasPassword) {
			shown.append(':').append(MASK).append('@');
		}
		int question = tail.indexOf('?');
		if (question < 0) {
			shown.append(tail);
		}
		else {
			shown.append(tail, 0, question + 1).append(Secrets.maskQuery(tail.substring(question + 1)));
		}
		return escapeControls(shown.toString());
	}

	private static boolean isPlainUser(String user) {
		for (int i = 0; i < user.length(); i++) {
			char c = user.charAt(i);
			if ("/?#[]&=;\\".indexOf(c) >= 0 || Character.isISOControl(c)) {
				return false;
			}
		}
		return true;
	}

	// A URL shown in a log line must not start a new line of its own.
	private static String escapeControls(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
				escaped.append(String.format("\\u%04x", (int) c));
			}
			else {
				escaped.append(c);
			}
		}
		return escaped.toString();
	}

}
