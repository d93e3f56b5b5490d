package io.paig.db.url;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import net.minidev.json.parser.JSONParser;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads every URL of a corpus the way SQLAlchemy 2.0's {@code make_url} read it, and
 * never shows a password of any of them.
 * <p>
 * The corpus, {@code url-corpus/sqlalchemy-urls.jsonl}, holds over 5,000 URLs,
 * well-formed ones for every dialect and driver and malformed ones, each with
 * SQLAlchemy's own reading (or error). {@code src/test/python/url_corpus.py} writes it
 * with SQLAlchemy's source at hand; this test needs no Python. Where paig-db reads a URL
 * differently, the difference must follow one of the {@link Rule rules} below, each of
 * which is documented in {@code docs/url-mapping.md}, "Where paig-db reads a URL
 * differently from SQLAlchemy".
 *
 * @author paig-db authors
 */
class DatabaseUrlSqlAlchemyTests {

	private static final String CORPUS = "url-corpus/sqlalchemy-urls.jsonl";

	private static final String DOCS_SECTION = "## Where paig-db reads a URL differently from SQLAlchemy";

	private static final Pattern ASCII_DIGITS = Pattern.compile("[0-9]+");

	/**
	 * The dialects and drivers paig-db serves, written out here rather than taken from
	 * the code.
	 */
	private static final Map<String, List<String>> SERVED = Map.of("postgresql", PostgresqlDrivers.NAMES, "postgres",
			PostgresqlDrivers.NAMES, "mysql", MysqlDrivers.NAMES, "mariadb", MysqlDrivers.NAMES, "sqlite",
			List.of("aiosqlite", "pysqlite"));

	private static final JdbcTranslator TRANSLATOR = new JdbcTranslator(SqliteOptions.DEFAULTS, null);

	private static List<Entry> corpus = List.of();

	private static String sqlalchemyVersion = "";

	@BeforeAll
	static void readCorpus() throws Exception {
		List<Entry> entries = new ArrayList<>();
		try (InputStream in = DatabaseUrlSqlAlchemyTests.class.getClassLoader().getResourceAsStream(CORPUS)) {
			assertThat(in).as(CORPUS).isNotNull();
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			JSONParser parser = new JSONParser(JSONParser.MODE_RFC4627);
			Map<?, ?> header = (Map<?, ?>) parser.parse(reader.readLine());
			sqlalchemyVersion = (String) header.get("sqlalchemy");
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				entries.add(Entry.of((Map<?, ?>) parser.parse(line)));
			}
			assertThat(entries).hasSize(((Number) header.get("urls")).intValue());
		}
		corpus = entries;
	}

	@Test
	void corpusHoldsOverFiveThousandUrlsOfEveryDialectDriverAndKind() {
		assertThat(sqlalchemyVersion).startsWith("2.0.");
		assertThat(corpus).hasSizeGreaterThanOrEqualTo(5000);
		Set<String> schemes = new LinkedHashSet<>();
		corpus.stream()
			.filter((entry) -> entry.kind().startsWith("well-formed"))
			.forEach((entry) -> schemes.add(entry.url().substring(0, entry.url().indexOf("://"))));
		SERVED.forEach((dialect, drivers) -> {
			assertThat(schemes).contains(dialect);
			if (!dialect.equals("postgres")) {
				drivers.forEach((driver) -> assertThat(schemes).contains(dialect + "+" + driver));
			}
		});
		long malformed = corpus.stream().filter((entry) -> entry.kind().startsWith("malformed")).count();
		long refusedBySqlAlchemy = corpus.stream().filter((entry) -> entry.sqlalchemy().error() != null).count();
		long withSecret = corpus.stream().filter((entry) -> !entry.secrets().isEmpty()).count();
		assertThat(malformed).isGreaterThanOrEqualTo(2500);
		assertThat(refusedBySqlAlchemy).isGreaterThanOrEqualTo(100);
		assertThat(withSecret).isGreaterThanOrEqualTo(4000);
	}

	@Test
	void readsEveryUrlAsSqlAlchemyDoesExceptByTheDocumentedRules() {
		Map<Rule, Integer> differences = new EnumMap<>(Rule.class);
		int differing = 0;
		List<String> failures = new ArrayList<>();
		for (Entry entry : corpus) {
			Set<Rule> applied = new LinkedHashSet<>();
			Reading expected = expectedReading(entry, applied);
			Reading actual = paigReading(entry.url());
			if (!Objects.equals(expected, actual)) {
				failures.add("#" + entry.n() + " " + shown(entry.url()) + "\n      SQLAlchemy " + entry.sqlalchemy()
						+ "\n      rules      " + applied + "\n      expected   " + expected + "\n      paig-db    "
						+ actual);
			}
			applied.forEach((rule) -> differences.merge(rule, 1, Integer::sum));
			differing += applied.isEmpty() ? 0 : 1;
		}
		System.out.printf("%d URLs read; %d read differently from SQLAlchemy %s, by rule: %s%n", corpus.size(),
				differing, sqlalchemyVersion, differences);
		assertThat(failures).withFailMessage(() -> report("read differently from SQLAlchemy", failures)).isEmpty();
		// A rule no URL needs is not a difference any more: drop it from the list and the
		// docs.
		assertThat(differences.keySet()).as("rules used by the corpus").containsExactlyInAnyOrder(Rule.values());
	}

	@Test
	void everyRuleIsDocumentedInItsSection() throws Exception {
		Path docs = Path.of(System.getProperty("basedir", "."), "..", "docs", "url-mapping.md");
		String text = Files.readString(docs);
		assertThat(text).contains(DOCS_SECTION);
		String section = text.substring(text.indexOf(DOCS_SECTION));
		int next = section.indexOf("\n## ", DOCS_SECTION.length());
		section = (next >= 0) ? section.substring(0, next) : section;
		for (Rule rule : Rule.values()) {
			assertThat(section).as(rule.name()).contains("**" + rule.title + "**");
		}
		assertThat(section).contains("url_corpus.py").contains("DatabaseUrlSqlAlchemyTests");
	}

	@Test
	void showsNoSecretOfAnyUrl() {
		List<String> failures = new ArrayList<>();
		int checked = 0;
		int notUserInformation = 0;
		for (Entry entry : corpus) {
			if (entry.secrets().isEmpty()) {
				continue;
			}
			Shown shown = show(entry.url());
			if (!shown.unexpected().isEmpty()) {
				failures.add("#" + entry.n() + " " + shown(entry.url()) + "\n      threw " + shown.unexpected());
				continue;
			}
			List<String> leaks = new ArrayList<>();
			for (Secret secret : entry.secrets()) {
				int after = entry.url().indexOf(secret.raw()) + secret.raw().length();
				boolean userInformation = secret.where().equals("query") || !shown.read()
						|| entry.url().indexOf('@', after) >= 0;
				if (!userInformation) {
					// No '@' follows it and the URL reads: by any reading it is a host,
					// port or path, not a password.
					notUserInformation++;
					continue;
				}
				checked++;
				String neutral = entry.url().replace(secret.raw(), neutralize(secret.raw()));
				Shown neutralShown = show(neutral);
				for (String window : windows(secret)) {
					if (neutral.contains(window) || neutralShown.texts().stream().anyMatch((t) -> t.contains(window))) {
						continue;
					}
					for (String text : shown.texts()) {
						if (text.contains(window)) {
							leaks.add("'" + window + "' of its " + secret.where() + " secret in: " + text);
						}
					}
				}
			}
			if (!leaks.isEmpty()) {
				failures.add("#" + entry.n() + " " + shown(entry.url()) + " shows " + leaks.size() + " times\n      "
						+ String.join("\n      ", leaks.subList(0, Math.min(3, leaks.size()))));
			}
		}
		System.out.printf("%d secrets checked, %d not user information by any reading%n", checked, notUserInformation);
		assertThat(checked).isGreaterThanOrEqualTo(4000);
		assertThat(failures).withFailMessage(() -> report("showed a secret", failures)).isEmpty();
	}

	/**
	 * SQLAlchemy's reading changed by every rule that applies to it: what paig-db must
	 * read.
	 */
	private static Reading expectedReading(Entry entry, Set<Rule> applied) {
		String url = entry.url();
		SqlAlchemyReading sa = entry.sqlalchemy();
		if (!url.equals(url.strip())) {
			applied.add(Rule.SURROUNDING_SPACE);
			sa = Objects.requireNonNull(entry.stripped(), "sa_stripped");
		}
		if (sa.error() != null) {
			return Reading.REFUSED;
		}
		String drivername = Objects.requireNonNull(sa.drivername());
		String lower = drivername.toLowerCase(Locale.ROOT);
		int plus = lower.indexOf('+');
		String dialect = (plus >= 0) ? lower.substring(0, plus) : lower;
		String driver = (plus >= 0) ? lower.substring(plus + 1) : null;
		if (!SERVED.containsKey(dialect) || (driver != null && !SERVED.get(dialect).contains(driver))) {
			applied.add(Rule.UNKNOWN_DIALECT);
			return Reading.REFUSED;
		}
		if (!drivername.equals(lower)) {
			applied.add(Rule.DIALECT_NAME);
		}
		if (!sa.consumed()) {
			applied.add(Rule.LEFT_OVER_TEXT);
			return Reading.REFUSED;
		}
		String host = sa.host();
		String password = sa.password();
		if (host != null && !sa.ipv6() && host.indexOf('@') >= 0) {
			applied.add(Rule.AT_IN_HOST);
			int at = host.lastIndexOf('@');
			password = password + "@" + DatabaseUrl.decode(host.substring(0, at));
			host = host.substring(at + 1).isEmpty() ? null : host.substring(at + 1);
		}
		if (host != null
				&& (host.indexOf('[') >= 0 || host.indexOf(']') >= 0 || (sa.ipv6() && host.indexOf('@') >= 0))) {
			applied.add(Rule.BRACKETS);
			return Reading.REFUSED;
		}
		String portText = sa.portText();
		if (portText != null && (!ASCII_DIGITS.matcher(portText).matches() || sa.port() == null || sa.port() < 1
				|| sa.port() > 65535)) {
			applied.add(Rule.PORT);
			return Reading.REFUSED;
		}
		String database = sa.database();
		boolean sqlite = dialect.equals("sqlite");
		if ((!sqlite && database != null && database.indexOf('@') >= 0)
				|| (sa.queryText() != null && sa.queryText().indexOf('@') >= 0)) {
			applied.add(Rule.AT_AFTER_HOST);
			return Reading.REFUSED;
		}
		return new Reading(lower, sa.username(), password, host, sa.port(), database, sorted(sa.query()));
	}

	private static Reading paigReading(String url) {
		DatabaseUrl parsed;
		try {
			parsed = DatabaseUrl.parse(url);
		}
		catch (InvalidDatabaseUrlException ex) {
			return Reading.REFUSED;
		}
		String written = url.strip();
		String scheme = written.substring(0, written.indexOf("://")).toLowerCase(Locale.ROOT);
		assertThat(Dialect.find(scheme.replaceFirst("\\+.*", ""))).as(url).isEqualTo(parsed.getDialect());
		assertThat(scheme.contains("+") ? scheme.substring(scheme.indexOf('+') + 1) : null).as(url)
			.isEqualTo(parsed.getDriver());
		List<List<String>> query = new ArrayList<>();
		parsed.getQuery().forEach((entry) -> query.add(List.of(entry.getKey(), entry.getValue())));
		return new Reading(scheme, parsed.getUsername(), parsed.getPassword(), parsed.getHost(), parsed.getPort(),
				parsed.getDatabase(), sorted(query));
	}

	/**
	 * Everything paig-db shows of a URL: what parsing and translating it give, or the
	 * messages of what they throw, whole cause chain.
	 */
	private static Shown show(String url) {
		List<String> texts = new ArrayList<>();
		List<String> unexpected = new ArrayList<>();
		boolean read = true;
		try {
			texts.add(DatabaseUrl.parse(url).toString());
		}
		catch (RuntimeException ex) {
			read = false;
			collect(ex, texts, unexpected);
		}
		try {
			JdbcSettings settings = TRANSLATOR.translate(url, null, null);
			texts.add(settings.toString());
			texts.add(settings.source());
			texts.add(settings.maskedJdbcUrl());
		}
		catch (RuntimeException ex) {
			collect(ex, texts, unexpected);
		}
		return new Shown(texts, unexpected, read);
	}

	private static void collect(Throwable thrown, List<String> texts, List<String> unexpected) {
		if (!(thrown instanceof InvalidDatabaseUrlException)) {
			unexpected.add(thrown.getClass().getName());
		}
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			texts.add(String.valueOf(cause.getMessage()));
			texts.add(cause.toString());
			if (cause instanceof InvalidDatabaseUrlException invalid) {
				texts.add(invalid.getProblem());
				texts.add(invalid.getAction());
				texts.add(String.valueOf(invalid.getMaskedUrl()));
			}
		}
	}

	/**
	 * Every four characters in a row of a secret, in each form it may take: as written,
	 * decoded, and encoded again as Python or Java would encode it.
	 */
	private static Set<String> windows(Secret secret) {
		Set<String> forms = new LinkedHashSet<>();
		forms.add(secret.raw());
		forms.add(secret.value());
		String javaEncoded = URLEncoder.encode(secret.value(), StandardCharsets.UTF_8);
		forms.add(javaEncoded);
		forms.add(javaEncoded.replace("+", "%20"));
		forms.add(javaEncoded.replace("+", "%20").replace("*", "%2A").replace("%7E", "~"));
		for (String form : List.copyOf(forms)) {
			forms.add(form.toLowerCase(Locale.ROOT));
		}
		Set<String> windows = new LinkedHashSet<>();
		for (String form : forms) {
			for (int i = 0; i + 4 <= form.length(); i++) {
				String window = form.substring(i, i + 4);
				if (window.chars().filter((c) -> c < 128 && Character.isLetterOrDigit(c)).count() >= 2) {
					windows.add(window);
				}
			}
		}
		return windows;
	}

	/**
	 * The secret with its letters replaced, outside percent escapes: the same shape, so
	 * the URL reads the same, but none of its text.
	 */
	private static String neutralize(String raw) {
		StringBuilder neutral = new StringBuilder(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == '%' && i + 2 < raw.length() && isHex(raw.charAt(i + 1)) && isHex(raw.charAt(i + 2))) {
				neutral.append(raw, i, i + 3);
				i += 2;
			}
			else if (c < 128 && Character.isLetter(c)) {
				neutral.append(Character.isUpperCase(c) ? 'X' : 'x');
			}
			else {
				neutral.append(c);
			}
		}
		return neutral.toString();
	}

	private static boolean isHex(char c) {
		return Character.digit(c, 16) >= 0;
	}

	private static List<List<String>> sorted(List<List<String>> query) {
		List<List<String>> sorted = new ArrayList<>(query);
		sorted.sort(
				Comparator.<List<String>, String>comparing((pair) -> pair.get(0)).thenComparing((pair) -> pair.get(1)));
		return sorted;
	}

	private static String shown(String url) {
		StringBuilder shown = new StringBuilder("'");
		url.codePoints()
			.forEach(
					(c) -> shown.append((c < 0x20 || c == 0x7f) ? String.format("\\u%04x", c) : Character.toString(c)));
		return shown.append("'").toString();
	}

	private static String report(String what, List<String> failures) {
		StringBuilder report = new StringBuilder().append(failures.size())
			.append(" of ")
			.append(corpus.size())
			.append(" URLs ")
			.append(what)
			.append(':');
		failures.stream().limit(40).forEach((failure) -> report.append("\n  ").append(failure));
		if (failures.size() > 40) {
			report.append("\n  ... and ").append(failures.size() - 40).append(" more");
		}
		return report.toString();
	}

	/**
	 * Each way paig-db reads a URL differently from SQLAlchemy, titled as in the docs
	 * section. The rules are applied to SQLAlchemy's reading in this order.
	 */
	enum Rule {

		/** Spaces around the URL are dropped; SQLAlchemy refuses or keeps them. */
		SURROUNDING_SPACE("Spaces around the URL."),

		/** Dialect and driver names in any case, read lower case. */
		DIALECT_NAME("Dialect and driver names."),

		/** Dialects and drivers other than PAIG's are refused. */
		UNKNOWN_DIALECT("Other dialects and drivers."),

		/** Text SQLAlchemy's pattern leaves unread makes the URL refused. */
		LEFT_OVER_TEXT("Text SQLAlchemy leaves unread."),

		/** What SQLAlchemy reads as a host holding '@' is the end of the password. */
		AT_IN_HOST("An `@` in what SQLAlchemy reads as the host."),

		/** A host holding a bracket that is not one IPv6 pair is refused. */
		BRACKETS("Brackets in the host."),

		/** Only ASCII digits from 1 to 65535 are a port. */
		PORT("Ports."),

		/** A raw '@' in the database (not SQLite) or in the query is refused. */
		AT_AFTER_HOST("An `@` after the host.");

		private final String title;

		Rule(String title) {
			this.title = title;
		}

	}

	/**
	 * A URL's parts as read, or {@link #REFUSED}.
	 */
	record Reading(@Nullable String drivername, @Nullable String username, @Nullable String password,
			@Nullable String host, @Nullable Integer port, @Nullable String database, List<List<String>> query) {

		static final Reading REFUSED = new Reading("(refused)", null, null, null, null, null, List.of());

	}

	record SqlAlchemyReading(@Nullable String error, @Nullable String drivername, @Nullable String username,
			@Nullable String password, @Nullable String host, @Nullable Integer port, @Nullable String database,
			List<List<String>> query, boolean consumed, @Nullable String portText, @Nullable String queryText,
			boolean ipv6) {

		static @Nullable SqlAlchemyReading of(@Nullable Object json) {
			if (json == null) {
				return null;
			}
			Map<?, ?> map = (Map<?, ?>) json;
			if (map.containsKey("error")) {
				return new SqlAlchemyReading((String) map.get("error"), null, null, null, null, null, null, List.of(),
						false, null, null, false);
			}
			List<List<String>> query = new ArrayList<>();
			for (Object pair : (List<?>) map.get("query")) {
				query.add(List.of((String) ((List<?>) pair).get(0), (String) ((List<?>) pair).get(1)));
			}
			Number port = (Number) map.get("port");
			return new SqlAlchemyReading(null, (String) map.get("drivername"), (String) map.get("username"),
					(String) map.get("password"), (String) map.get("host"), (port != null) ? port.intValue() : null,
					(String) map.get("database"), query, (Boolean) map.get("consumed"), (String) map.get("port_text"),
					(String) map.get("query_text"), (Boolean) map.get("ipv6"));
		}

		@Override
		public String toString() {
			if (this.error != null) {
				return "error " + this.error;
			}
			Map<String, Object> shown = new TreeMap<>();
			shown.put("drivername", this.drivername);
			shown.put("username", this.username);
			shown.put("password", this.password);
			shown.put("host", this.host);
			shown.put("port", this.port);
			shown.put("database", this.database);
			shown.put("query", this.query);
			shown.put("consumed", this.consumed);
			return shown.toString();
		}

	}

	record Secret(String raw, String value, String where) {

	}

	record Entry(int n, String kind, String url, List<Secret> secrets, SqlAlchemyReading sqlalchemy,
			@Nullable SqlAlchemyReading stripped) {

		static Entry of(Map<?, ?> json) {
			List<Secret> secrets = new ArrayList<>();
			for (Object secret : (List<?>) json.get("secrets")) {
				Map<?, ?> map = (Map<?, ?>) secret;
				secrets.add(new Secret((String) map.get("raw"), (String) map.get("value"), (String) map.get("where")));
			}
			return new Entry(((Number) json.get("n")).intValue(), (String) json.get("kind"), (String) json.get("url"),
					secrets, Objects.requireNonNull(SqlAlchemyReading.of(json.get("sa"))),
					SqlAlchemyReading.of(json.get("sa_stripped")));
		}

	}

	record Shown(List<String> texts, List<String> unexpected, boolean read) {

	}

	private static final class PostgresqlDrivers {

		static final List<String> NAMES = List.of("asyncpg", "psycopg", "psycopg2", "psycopg2cffi", "psycopg_async",
				"pg8000");

	}

	private static final class MysqlDrivers {

		static final List<String> NAMES = List.of("aiomysql", "asyncmy", "pymysql", "mysqldb", "mysqlconnector",
				"mariadbconnector", "cymysql");

	}

}
