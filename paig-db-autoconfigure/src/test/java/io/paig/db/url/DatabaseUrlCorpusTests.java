package io.paig.db.url;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded corpus of mutated URLs carrying a known password: each is translated or
 * refused, and never shows it.
 */
class DatabaseUrlCorpusTests {

	private static final long SEED = 0x5EED_DA7AL;

	private static final int SIZE = 1500;

	private static final String PASSWORD = "Pa55-w0rd!Secret";

	private static final String ENCODED = encode(PASSWORD);

	/**
	 * The known password with every character that must be percent-encoded in a URL's
	 * user info.
	 */
	private static final String SPECIAL_ENCODED = encode(PASSWORD + "@:/%#?&=");

	private static final Pattern PASSWORD_PARAMETER = Pattern
		.compile("[?&;](?:ssl)?password=(?:" + Pattern.quote(PASSWORD) + "|" + Pattern.quote(ENCODED) + "|"
				+ Pattern.quote(SPECIAL_ENCODED) + ")(?=$|[&;])");

	private static final Pattern PORT = Pattern.compile(":[0-9]{1,5}(?=[/?]|$)");

	private static final Pattern SEGMENT = Pattern.compile("(?<=[/@:?&=\\[\\]])|(?=[/@:?&=\\[\\]])");

	private static final String INSERTED = "@:/?#[]%&=+ .";

	private static final List<String> SCHEMES = schemes();

	private static final List<String> JUNK_PORTS = List.of("", "abc", "0", "70000", "54x32", "-1", "99999999999",
			"\uFF15\uFF14\uFF13\uFF12", PASSWORD, "5432:5432", "[5432]", "%35%34");

	private static final List<String> OTHER_SCHEMES = List.of("postgresql+nope", "Postgres", "POSTGRESQL+ASYNCPG",
			"oracle", "mysql+", "+pg8000", "jdbc:postgresql", "jdbc:mysql", "jdbc:sqlite", "JDBC:postgresql",
			"jdbc:oracle:thin", "jdbc:nope", "sqlite+aiosqlite", "mariadb+cymysql", "mysql+psycopg2", "postgres ql", "",
			"sqlite", "postgresql+psycopg_async", "MariaDB+PyMySQL");

	private static final List<String> PARAMETERS = List.of("password=" + PASSWORD, "password=" + ENCODED,
			"password=" + SPECIAL_ENCODED, "sslpassword=" + PASSWORD, "sslpassword=" + SPECIAL_ENCODED, "user=bob",
			"sslmode=bogus", "sslmode=require", "ssl=true", "connect_timeout=abc", "connect_timeout=5", "timeout=1.5",
			"timeout=-3", "host=/var/run/postgresql", "port=5433", "unix_socket=/tmp/mysql.sock", "ssl_ca=/ca.pem",
			"uri=true", "mode=ro", "journal_mode=DELETE", "charset=utf8mb4", "target_session_attrs=master",
			"client_encoding=latin1", "x=1", "%zz=%", "application_name=a+b", "=", "&&", "password", "read_timeout=1e9",
			"ssl_mode=VERIFY_CA", "local_infile=1", "keepalives=yes");

	private static final List<String> ODD = List.of("\u0000", "\n", "\t", "\u00e9", "\uD83D\uDE00", "\uD83D", "\\",
			"%C3", "%FF", "%zz", "%", "%2", "\u2028");

	private static final List<Mutation> MUTATIONS = List.of(new Mutation("delete", DatabaseUrlCorpusTests::deleteChar),
			new Mutation("insert", DatabaseUrlCorpusTests::insertChar),
			new Mutation("duplicate", DatabaseUrlCorpusTests::duplicateSegment),
			new Mutation("swap", DatabaseUrlCorpusTests::swapSegments),
			new Mutation("port", DatabaseUrlCorpusTests::junkPort),
			new Mutation("brackets", DatabaseUrlCorpusTests::breakBrackets),
			new Mutation("scheme", DatabaseUrlCorpusTests::changeScheme),
			new Mutation("slashes", DatabaseUrlCorpusTests::dropSlashes),
			new Mutation("truncate", DatabaseUrlCorpusTests::truncate),
			new Mutation("query", DatabaseUrlCorpusTests::addParameter),
			new Mutation("odd", DatabaseUrlCorpusTests::insertOdd),
			new Mutation("case", DatabaseUrlCorpusTests::upperCaseRange));

	private static List<Outcome> outcomes = List.of();

	@BeforeAll
	static void translateCorpus() {
		JdbcTranslator translator = new JdbcTranslator(SqliteOptions.DEFAULTS, null);
		List<Outcome> results = new ArrayList<>();
		for (Mutated mutated : corpus()) {
			Object result;
			try {
				result = translator.translate(mutated.url(), null, null);
			}
			catch (Throwable ex) {
				result = ex;
			}
			results.add(new Outcome(mutated, result));
		}
		outcomes = results;
		long parsed = results.stream().filter((outcome) -> outcome.result() instanceof JdbcSettings).count();
		long carrying = results.stream().filter((outcome) -> carriesPassword(outcome.mutated().url())).count();
		System.out.printf("corpus: %d URLs, %d parsed, %d refused, %d carry the password in password position%n",
				results.size(), parsed, results.size() - parsed, carrying);
	}

	@Test
	void corpusIsLargeAndBothParsedAndRefused() {
		long parsed = outcomes.stream().filter((outcome) -> outcome.result() instanceof JdbcSettings).count();
		long refused = outcomes.stream()
			.filter((outcome) -> outcome.result() instanceof InvalidDatabaseUrlException)
			.count();
		long carrying = outcomes.stream().filter((outcome) -> carriesPassword(outcome.mutated().url())).count();
		assertThat(outcomes).hasSizeGreaterThanOrEqualTo(1000);
		assertThat(parsed).as("parsed").isGreaterThanOrEqualTo(100);
		assertThat(refused).as("refused").isGreaterThanOrEqualTo(100);
		assertThat(carrying).as("carrying the password in password position").isGreaterThanOrEqualTo(100);
	}

	@Test
	void everyMutatedUrlIsTranslatedOrRefusedAsInvalid() {
		List<String> failures = new ArrayList<>();
		for (Outcome outcome : outcomes) {
			if (outcome.result() instanceof Throwable ex && !(ex instanceof InvalidDatabaseUrlException)) {
				failures.add(outcome.mutated().shown() + "\n      threw " + ex.getClass().getName() + ": "
						+ mask(String.valueOf(ex.getMessage())));
			}
		}
		assertThat(failures).withFailMessage(report("threw something other than InvalidDatabaseUrlException", failures))
			.isEmpty();
	}

	@Test
	void noMutatedUrlShowsItsPassword() {
		List<String> failures = new ArrayList<>();
		for (Outcome outcome : outcomes) {
			String url = outcome.mutated().url();
			if (!carriesPassword(url)) {
				continue;
			}
			List<String[]> shown = new ArrayList<>();
			if (outcome.result() instanceof InvalidDatabaseUrlException ex) {
				shown.add(new String[] { "getMessage()", ex.getMessage() });
				shown.add(new String[] { "getProblem()", ex.getProblem() });
				shown.add(new String[] { "getAction()", ex.getAction() });
				shown.add(new String[] { "getMaskedUrl()", ex.getMaskedUrl() });
			}
			else if (outcome.result() instanceof JdbcSettings settings) {
				shown.add(new String[] { "JdbcSettings.toString()", settings.toString() });
				shown.add(new String[] { "source()", settings.source() });
				shown.add(new String[] { "maskedJdbcUrl()", settings.maskedJdbcUrl() });
				if (!url.strip().regionMatches(true, 0, "jdbc:", 0, 5)) {
					shown.add(new String[] { "DatabaseUrl.toString()", DatabaseUrl.parse(url).toString() });
				}
			}
			StringBuilder leaks = new StringBuilder();
			for (String[] text : shown) {
				if (text[1] != null && (text[1].contains(PASSWORD) || text[1].contains(ENCODED))) {
					leaks.append("\n      ").append(text[0]).append(" = ").append(mask(text[1]));
				}
			}
			if (!leaks.isEmpty()) {
				failures.add(outcome.mutated().shown() + leaks);
			}
		}
		assertThat(failures).withFailMessage(report("showed the password", failures)).isEmpty();
	}

	private static List<Mutated> corpus() {
		List<String> bases = bases();
		Random random = new Random(SEED);
		List<Mutated> corpus = new ArrayList<>();
		while (corpus.size() < SIZE) {
			String base = bases.get(random.nextInt(bases.size()));
			String url = base;
			List<String> applied = new ArrayList<>();
			int count = 1 + random.nextInt(3);
			for (int i = 0; i < count; i++) {
				Mutation mutation = MUTATIONS.get(random.nextInt(MUTATIONS.size()));
				url = mutation.function().apply(url, random);
				applied.add(mutation.name());
			}
			if (!url.equals(base)) {
				corpus.add(new Mutated(base, url, applied));
			}
		}
		return corpus;
	}

	private static List<String> bases() {
		List<String> bases = new ArrayList<>();
		for (String scheme : SCHEMES) {
			if (scheme.startsWith("sqlite")) {
				bases.add(scheme + "://paig:" + PASSWORD + "@/db/paig.db");
				bases.add(scheme + ":///db/paig.db?password=" + PASSWORD);
				bases.add(scheme + ":////tmp/paig.db?timeout=5&password=" + ENCODED);
				bases.add(scheme + "://:" + ENCODED + "@/:memory:");
				bases.add(scheme + ":///:memory:?journal_mode=MEMORY&password=" + SPECIAL_ENCODED);
			}
			else {
				boolean postgresql = scheme.startsWith("postgres");
				String port = postgresql ? "5432" : "3306";
				String parameter = postgresql ? "sslmode=require" : "charset=utf8mb4";
				bases.add(scheme + "://paig:" + PASSWORD + "@db.example.com:" + port + "/paig");
				bases.add(scheme + "://paig:" + ENCODED + "@[2001:db8::1]:" + port + "/paig?" + parameter);
				bases.add(scheme + "://paig%40corp:" + SPECIAL_ENCODED + "@db:" + port + "/paig");
				bases.add(scheme + "://paig@db/paig?password=" + PASSWORD + "&" + parameter);
				bases.add(scheme + "://paig@db:" + port + "/paig?sslpassword=" + SPECIAL_ENCODED + "&x=1");
				bases.add(scheme + "://paig:" + PASSWORD + "@db/paig?user=other&password=decoy");
			}
		}
		return bases;
	}

	private static List<String> schemes() {
		List<String> schemes = new ArrayList<>();
		for (String dialect : List.of("postgresql", "postgres")) {
			schemes.add(dialect);
			Dialect.POSTGRESQL.getPythonDrivers().forEach((driver) -> schemes.add(dialect + "+" + driver));
		}
		for (String dialect : List.of("mysql", "mariadb")) {
			schemes.add(dialect);
			Dialect.MYSQL.getPythonDrivers().forEach((driver) -> schemes.add(dialect + "+" + driver));
		}
		schemes.add("sqlite");
		Dialect.SQLITE.getPythonDrivers().forEach((driver) -> schemes.add("sqlite+" + driver));
		return schemes;
	}

	private static String deleteChar(String url, Random random) {
		if (url.isEmpty()) {
			return url;
		}
		int at = random.nextInt(url.length());
		return url.substring(0, at) + url.substring(at + 1);
	}

	private static String insertChar(String url, Random random) {
		int at = random.nextInt(url.length() + 1);
		return url.substring(0, at) + INSERTED.charAt(random.nextInt(INSERTED.length())) + url.substring(at);
	}

	private static String duplicateSegment(String url, Random random) {
		List<String> segments = segments(url);
		int at = random.nextInt(segments.size());
		segments.add(at, segments.get(at));
		return String.join("", segments);
	}

	private static String swapSegments(String url, Random random) {
		List<String> segments = segments(url);
		int first = random.nextInt(segments.size());
		int second = random.nextInt(segments.size());
		String kept = segments.get(first);
		segments.set(first, segments.get(second));
		segments.set(second, kept);
		return String.join("", segments);
	}

	private static String junkPort(String url, Random random) {
		String junk = oncePerUrl(url, JUNK_PORTS.get(random.nextInt(JUNK_PORTS.size())));
		Matcher port = PORT.matcher(url);
		if (port.find()) {
			return url.substring(0, port.start()) + ":" + junk + url.substring(port.end());
		}
		int slash = url.indexOf('/', url.indexOf("://") + 3);
		int at = (url.contains("://") && slash > 0) ? slash : url.length();
		return url.substring(0, at) + ":" + junk + url.substring(at);
	}

	private static String breakBrackets(String url, Random random) {
		int open = url.indexOf('[');
		int close = url.indexOf(']');
		return switch (random.nextInt(4)) {
			case 0 -> (open >= 0) ? url.substring(0, open) + url.substring(open + 1) : url + "[";
			case 1 -> (close >= 0) ? url.substring(0, close) + url.substring(close + 1) : url + "]";
			default -> {
				int at = random.nextInt(url.length() + 1);
				yield url.substring(0, at) + ((random.nextBoolean()) ? "[" : "]") + url.substring(at);
			}
		};
	}

	private static String changeScheme(String url, Random random) {
		String scheme = OTHER_SCHEMES.get(random.nextInt(OTHER_SCHEMES.size()));
		int end = url.indexOf("://");
		return (end >= 0) ? scheme + url.substring(end) : scheme + "://" + url;
	}

	private static String dropSlashes(String url, Random random) {
		int at = url.indexOf("//");
		return (at >= 0) ? url.substring(0, at) + url.substring(at + 2) : url.replaceFirst(":", "");
	}

	private static String truncate(String url, Random random) {
		return (url.length() > 1) ? url.substring(0, 1 + random.nextInt(url.length() - 1)) : "";
	}

	private static String addParameter(String url, Random random) {
		String parameter = oncePerUrl(url, PARAMETERS.get(random.nextInt(PARAMETERS.size())));
		return url + (url.contains("?") ? "&" : "?") + parameter;
	}

	private static String insertOdd(String url, Random random) {
		int at = random.nextInt(url.length() + 1);
		return url.substring(0, at) + ODD.get(random.nextInt(ODD.size())) + url.substring(at);
	}

	private static String upperCaseRange(String url, Random random) {
		int from = random.nextInt(url.length() + 1);
		int to = from + random.nextInt(url.length() - from + 1);
		return url.substring(0, from) + url.substring(from, to).toUpperCase(Locale.ROOT) + url.substring(to);
	}

	/**
	 * Keep one password per URL: a second copy that a later mutation moves out of its
	 * position would rightly be shown, while the first copy still made the URL count as
	 * carrying the password.
	 */
	private static String oncePerUrl(String url, String text) {
		if (!url.contains(PASSWORD) && !url.contains(ENCODED)) {
			return text;
		}
		return text.replace(SPECIAL_ENCODED, "decoy").replace(ENCODED, "decoy").replace(PASSWORD, "decoy");
	}

	private static List<String> segments(String url) {
		List<String> segments = new ArrayList<>(List.of(SEGMENT.split(url, -1)));
		segments.removeIf(String::isEmpty);
		if (segments.isEmpty()) {
			segments.add(url);
		}
		return segments;
	}

	static boolean carriesPassword(String url) {
		return url.contains(":" + PASSWORD + "@") || url.contains(":" + ENCODED + "@")
				|| url.contains(":" + SPECIAL_ENCODED + "@") || PASSWORD_PARAMETER.matcher(url).find();
	}

	private static String mask(String text) {
		return text.replace(SPECIAL_ENCODED, "<pw%special>").replace(PASSWORD, "<pw>").replace(ENCODED, "<pw%>");
	}

	private static String report(String what, List<String> failures) {
		StringBuilder report = new StringBuilder().append(failures.size())
			.append(" of ")
			.append(outcomes.size())
			.append(" URLs ")
			.append(what)
			.append(" (password shown as <pw>, <pw%> or <pw%special>):");
		failures.stream().limit(60).forEach((failure) -> report.append("\n  ").append(failure));
		if (failures.size() > 60) {
			report.append("\n  ... and ").append(failures.size() - 60).append(" more");
		}
		return report.toString();
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private record Mutation(String name, BiFunction<String, Random, String> function) {

	}

	private record Mutated(String base, String url, List<String> mutations) {

		String shown() {
			return "'" + mask(this.url).replace("\n", "\\n").replace("\u0000", "\\0") + "' (from '" + mask(this.base)
					+ "' by " + String.join(", ", this.mutations) + ")";
		}

	}

	private record Outcome(Mutated mutated, @Nullable Object result) {

	}

}
