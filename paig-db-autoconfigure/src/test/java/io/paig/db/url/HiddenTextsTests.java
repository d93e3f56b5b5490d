package io.paig.db.url;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HiddenTexts}: a database's password, however its URL writes it, is
 * hidden wherever it stands as a word of its own, in the URL, a command line or JSON, and
 * the rest stays readable.
 *
 * @author paig-db authors
 */
class HiddenTextsTests {

	private static final String SPECIALS = "@:/?#%&=+;,!$'\"\\ ()[]{}<>*~^|`";

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void urlIsShownMaskedAsPaigDbLogsIt() {
		HiddenTexts hidden = HiddenTexts.of("postgresql+asyncpg://paig:S3cret@db.example.com:5432/paig", null);
		assertThat(hidden.hideIn("--database.url=postgresql+asyncpg://paig:S3cret@db.example.com:5432/paig --x=1"))
			.isEqualTo("--database.url=postgresql+asyncpg://paig:****@db.example.com:5432/paig --x=1");
	}

	@Test
	void passwordIsHiddenAsWrittenAndAsReadWhereverItStands() {
		HiddenTexts hidden = HiddenTexts.of("postgresql://paig:p%40ss%3Aw0rd@db/paig", null);
		assertThat(hidden.hideIn("p%40ss%3Aw0rd")).isEqualTo("****");
		assertThat(hidden.hideIn("{\"password\":\"p@ss:w0rd\"}")).isEqualTo("{\"password\":\"****\"}");
	}

	@Test
	void passwordGivenApartIsHidden() {
		HiddenTexts hidden = HiddenTexts.of("mysql://paig@db/paig", "Tr0ub4dor&3");
		assertThat(hidden.hideIn("java -jar app.jar --database.password=Tr0ub4dor&3"))
			.isEqualTo("java -jar app.jar --database.password=****");
	}

	@Test
	void secretQueryParametersAreHiddenAsWrittenAndAsRead() {
		HiddenTexts hidden = HiddenTexts.of("postgresql://paig@db/paig?sslpassword=k%2Bey&application_name=paig", null);
		assertThat(hidden.hideIn("k%2Bey k+ey paig")).isEqualTo("**** **** paig");
	}

	@Test
	void jdbcAndR2dbcUrlsAreShownMaskedAndTheirPasswordsHidden() {
		HiddenTexts hidden = HiddenTexts.of("jdbc:postgresql://db/paig?user=paig&password=Pa55word", null);
		assertThat(hidden.hideIn("DATABASE_URL=jdbc:postgresql://db/paig?user=paig&password=Pa55word"))
			.isEqualTo("DATABASE_URL=jdbc:postgresql://db/paig?user=paig&password=****");
		assertThat(hidden.hideIn("Pa55word")).isEqualTo("****");
		assertThat(HiddenTexts.of("jdbc:mysql://paig:Pa55word@db/paig", null).hideIn("x Pa55word")).isEqualTo("x ****");
		assertThat(HiddenTexts.of("r2dbc:mariadb://paig:Pa55word@db/paig", null)
			.hideIn("r2dbc:mariadb://paig:Pa55word@db/paig Pa55word"))
			.isEqualTo("r2dbc:mariadb://paig:****@db/paig ****");
	}

	@Test
	void urlThatCannotBeReadIsHiddenWhole() {
		// the '@' lost: what reads as a port may be a password
		String url = "postgresql://db:S3cret/paig";
		assertThat(HiddenTexts.of(url, null).hideIn("url=" + url)).isEqualTo("url=postgresql://****");
	}

	@Test
	void passwordInsideALongerWordIsAnotherWordAndLeftReadable() {
		HiddenTexts hidden = HiddenTexts.of("postgresql://postgres:postgres@localhost/paig", null);
		assertThat(hidden.hideIn("org.postgresql.Driver")).isEqualTo("org.postgresql.Driver");
		assertThat(hidden.hideIn("user postgres")).isEqualTo("user ****");
	}

	@Test
	void userIsNotASecret() {
		assertThat(HiddenTexts.of("jdbc:oracle:thin:scott@db:1521/paig", null).hideIn("scott")).isEqualTo("scott");
	}

	@Test
	void nothingToHideLeavesTextAlone() {
		assertThat(HiddenTexts.of(null, null).isEmpty()).isTrue();
		assertThat(HiddenTexts.of("sqlite:///db/database.db", "").hideIn("sqlite:///db/database.db"))
			.isEqualTo("sqlite:///db/database.db");
	}

	@Test
	void generatedPasswordsNeverShowInTheCarriersOfAnEnvironment() throws Exception {
		Random random = new Random(20261207);
		for (int i = 0; i < 2000; i++) {
			String password = password(random);
			String encoded = encode(password, random);
			String quoted = json.writeValueAsString(password);
			String escaped = quoted.substring(1, quoted.length() - 1);
			// as Go's encoding/json writes it
			String goEscaped = escaped.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
			String url = "postgresql+psycopg://paig:" + encoded + "@db.example.com:5432/paig?application_name=app";
			boolean apart = random.nextBoolean();
			HiddenTexts hidden = apart ? HiddenTexts.of("postgresql://paig@db/paig", password)
					: HiddenTexts.of(url, null);
			List<String> carriers = new ArrayList<>();
			carriers.add(password);
			carriers.add("java -jar app.jar --database.password=" + password + " --server.port=0");
			carriers.add(json.writeValueAsString(Map.of("database", Map.of("password", password))));
			carriers.add("{\"database\":{\"password\":\"" + goEscaped + "\"}}");
			if (!apart) {
				carriers.add(url);
				carriers.add(encoded);
				carriers.add("java -jar app.jar --database.url=" + url);
				carriers.add(json.writeValueAsString(Map.of("database", Map.of("url", url))));
			}
			for (String carrier : carriers) {
				String shown = hidden.hideIn(carrier);
				for (String written : apart ? List.of(password, escaped, goEscaped)
						: List.of(password, escaped, goEscaped, encoded)) {
					assertThat(standsIn(written, shown)).as("'%s' in '%s'", written, shown).isFalse();
				}
			}
			if (!apart) {
				assertThat(hidden.hideIn(url)).isEqualTo(DatabaseUrl.parse(url).toString())
					.contains("@db.example.com:5432/paig?application_name=app");
			}
		}
	}

	// whether a password stands in a text as a word of its own: 'aba' in 'database'
	// does not
	private static boolean standsIn(String password, String text) {
		return Pattern.compile("(?<![\\p{L}\\p{Nd}])" + Pattern.quote(password) + "(?![\\p{L}\\p{Nd}])")
			.matcher(text)
			.find();
	}

	// a password of letters, digits and the characters a URL must encode, which starts
	// and ends with a letter or digit so that no carrier runs a word into it
	private static String password(Random random) {
		String letters = "abcXYZ0123456789";
		int length = 2 + random.nextInt(14);
		StringBuilder password = new StringBuilder();
		password.append(letters.charAt(random.nextInt(letters.length())));
		for (int i = 0; i < length - 2; i++) {
			String from = random.nextBoolean() ? letters : SPECIALS;
			password.append(from.charAt(random.nextInt(from.length())));
		}
		password.append(letters.charAt(random.nextInt(letters.length())));
		return password.toString();
	}

	// the password as a user writes it in a URL: every character SQLAlchemy's grammar
	// reads as a delimiter percent-encoded, others at random, in upper or lower case hex
	private static String encode(String password, Random random) {
		StringBuilder encoded = new StringBuilder();
		for (char c : password.toCharArray()) {
			boolean must = "@:/?#%&= +[]\"\\".indexOf(c) >= 0;
			if (must || (!Character.isLetterOrDigit(c) && random.nextBoolean())) {
				String hex = URLEncoder.encode(String.valueOf(c), StandardCharsets.UTF_8);
				hex = hex.startsWith("%") ? hex : String.format("%%%02X", (int) c);
				encoded.append(random.nextBoolean() ? hex : hex.toLowerCase(Locale.ROOT));
			}
			else {
				encoded.append(c);
			}
		}
		return encoded.toString();
	}

}
