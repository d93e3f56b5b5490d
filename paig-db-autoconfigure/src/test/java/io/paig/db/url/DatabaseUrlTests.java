package io.paig.db.url;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Tests for {@link DatabaseUrl}: the examples of issue #20, SQLAlchemy's reading where
 * paig-db follows it, and other spellings of the same input that try to walk round a
 * mask.
 *
 * @author paig-db authors
 */
class DatabaseUrlTests {

	private static final String SECRET = "Zq9secret";

	private final JdbcTranslator translator = new JdbcTranslator(SqliteOptions.DEFAULTS, null);

	@Test
	void bracketTypoWithRawQuestionMarkInTheUserIsRefusedAndShowsNothing() {
		assertRefusedShowingNothing("mysql://u?x:Zq9=secret@[::1/paig", "unbalanced brackets", "Zq9=secret");
	}

	@Test
	void bracketTypoWithRawQuestionMarkInThePasswordIsRefusedAndShowsNothing() {
		assertRefusedShowingNothing("mysql://u:Zq9?ssl=secret@db]/paig", "unbalanced brackets", "Zq9?ssl=secret");
	}

	@ParameterizedTest
	@ValueSource(strings = { "mysql://u/x:Zq9secret@[::1/paig", "mysql://u:Zq9/secret@[::1]x/paig",
			"postgresql://u?x:Zq9secret@db]/paig?sslmode=require", "postgresql://u:Zq9secret@[::1/paig",
			"postgresql://u:Zq9/s?e#cret@[/paig", "mariadb://u:Zq9secret@]db/paig", "mysql://u:Zq9secret@db[x]/paig" })
	void otherBracketTyposAroundRawUserInformationShowNothing(String url) {
		Throwable thrown = catchThrowable(() -> this.translator.translate(url, null, null));
		assertThat(thrown).isInstanceOf(InvalidDatabaseUrlException.class);
		assertThat(texts(thrown)).allSatisfy((text) -> assertThat(text).doesNotContain("Zq9").doesNotContain("secret"));
	}

	@Test
	void databaseIsNotPercentDecodedAsInSqlAlchemy() {
		DatabaseUrl url = DatabaseUrl.parse("sqlite:///my%20data/paig.db");
		assertThat(url.getDatabase()).isEqualTo("my%20data/paig.db");
		JdbcSettings settings = this.translator.translate("sqlite:///my%20data/paig.db", null, null);
		assertThat(settings.sqliteFile()).isEqualTo(Path.of("my%20data/paig.db").toAbsolutePath().normalize());
		assertThat(DatabaseUrl.parse("postgresql://u@h/my%20db").getDatabase()).isEqualTo("my%20db");
		assertThat(this.translator.translate("postgresql://u@h/my%20db", null, null).jdbcUrl())
			.isEqualTo("jdbc:postgresql://h:5432/my%2520db");
	}

	@Test
	void hostIsNotPercentDecodedAsInSqlAlchemy() {
		assertThat(DatabaseUrl.parse("postgresql://u@[fe80::1%25eth0]/db").getHost()).isEqualTo("fe80::1%25eth0");
		assertThat(DatabaseUrl.parse("postgresql://u@[fe80::1%eth0]/db").getHost()).isEqualTo("fe80::1%eth0");
		assertThat(DatabaseUrl.parse("postgresql://u@h%20x/db").getHost()).isEqualTo("h%20x");
	}

	@Test
	void atAfterTheHostIsRefusedRatherThanReadAsTheDatabase() {
		// SQLAlchemy reads the database 'db@x/y'; it is just as likely the password
		// 'pw@h/db'.
		assertRefusedShowingNothing("postgresql://u:pw@h/db@x/y", "an '@' follows the host, in the database", "pw");
		assertRefusedShowingNothing("postgresql://paig:Zq9@ss/word@db/paig", "in the database", "Zq9");
		assertRefusedShowingNothing("postgresql:///paig:Zq9secret@db/paig", "in the database", "Zq9secret");
		assertRefusedShowingNothing("mysql://paig/x:Zq9secret@db/paig", "in the database", "Zq9secret");
		assertRefusedShowingNothing("postgresql://paig:Zq9@ss?x@db/paig", "in the query", "Zq9");
		assertRefusedShowingNothing("postgresql://paig@db/paig?application_name=a@b", "in the query", "a@b");
		assertRefusedShowingNothing("sqlite:///x.db?journal_mode=Zq9@secret", "in the query", "Zq9");
		assertThat(this.translator.translate("postgresql://paig@db/paig?application_name=a%40b", null, null).jdbcUrl())
			.isEqualTo("jdbc:postgresql://db:5432/paig?ApplicationName=a%40b");
	}

	@Test
	void emptyBracketsAreRefusedNotReadAsLocalhost() {
		assertRefusedShowingNothing("mysql://[]/paig", "unbalanced brackets", "[]");
	}

	@Test
	void atInWhatSqlAlchemyReadsAsTheHostEndsThePassword() {
		DatabaseUrl url = DatabaseUrl.parse("postgresql://paig:p@ss@db/paig");
		assertThat(url.getUsername()).isEqualTo("paig");
		assertThat(url.getPassword()).isEqualTo("p@ss");
		assertThat(url.getHost()).isEqualTo("db");
		assertThat(url).hasToString("postgresql://paig:****@db/paig");
		DatabaseUrl slash = DatabaseUrl.parse("postgresql://paig:p/w@x@db:5433/paig");
		assertThat(slash.getPassword()).isEqualTo("p/w@x");
		assertThat(slash.getHost()).isEqualTo("db");
		assertThat(slash.getPort()).isEqualTo(5433);
		DatabaseUrl user = DatabaseUrl.parse("postgresql://u@corp:p@db/app");
		assertThat(user.getUsername()).isEqualTo("u@corp");
		assertThat(user.getPassword()).isEqualTo("p");
	}

	@Test
	void textSqlAlchemyWouldIgnoreIsRefused() {
		assertRefusedShowingNothing("postgresql://u:Zq9secret@[::1]x/app", "is not of the form", "Zq9secret");
		assertRefusedShowingNothing("postgresql://u:Zq9secret@db/app?sslmode=require\nx=1", "is not of the form",
				"Zq9secret");
	}

	@ParameterizedTest
	@ValueSource(strings = { " 5432", "+5432", "5_432", "\uFF15\uFF14\uFF13\uFF12", "0", "-1", "70000", "65536", "",
			"99999999999", "54:32", "%35", "Zq9secret" })
	void onlyAsciiDigitsFromOneTo65535AreAPortAndABadOneIsNotShown(String port) {
		assertRefusedShowingNothing("postgresql://u:Zq9secret@db:" + port + "/paig", "the port is not a number",
				"Zq9secret");
	}

	@Test
	void portMayHaveLeadingZeros() {
		assertThat(DatabaseUrl.parse("postgresql://u@db:005432/paig").getPort()).isEqualTo(5432);
		assertThat(DatabaseUrl.parse("postgresql://u@db:65535/paig").getPort()).isEqualTo(65535);
	}

	@Test
	void lostAtMakesThePasswordAPortWhichIsNotShown() {
		assertRefusedShowingNothing("postgresql://paig:Zq9secretdb/paig", "the port is not a number", "Zq9secret");
		assertRefusedShowingNothing("postgresql://paig:Zq9/secretdb/paig", "the port is not a number", "secret");
	}

	@Test
	void decodesInvalidUtf8AsPythonDoes() {
		assertThat(DatabaseUrl.decode("a%ED%A0%80b")).isEqualTo("a\uFFFD\uFFFD\uFFFDb");
		assertThat(DatabaseUrl.decode("%C0%80")).isEqualTo("\uFFFD\uFFFD");
		assertThat(DatabaseUrl.decode("%F0%9F%98")).isEqualTo("\uFFFD");
		assertThat(DatabaseUrl.decode("%F0%9F%98%80")).isEqualTo("\uD83D\uDE00");
		assertThat(DatabaseUrl.decode("%C3\u00e9%A9")).isEqualTo("\uFFFD\u00e9\uFFFD");
		assertThat(DatabaseUrl.decode("100%zz%2")).isEqualTo("100%zz%2");
		assertThat(DatabaseUrl.decode("p%2Bq+r")).isEqualTo("p+q+r");
	}

	@Test
	void everythingUpToTheLastAtButAPlainUserIsMasked() {
		assertThat(DatabaseUrl.parse("postgresql://paig:Zq9secret@db/paig"))
			.hasToString("postgresql://paig:****@db/paig");
		assertThat(DatabaseUrl.parse("postgresql://paig%40corp:Zq9%40secret@db/paig"))
			.hasToString("postgresql://paig%40corp:****@db/paig");
		assertThat(DatabaseUrl.parse("mysql://u?x:Zq9=secret@db/paig")).hasToString("mysql://****@db/paig");
		assertThat(DatabaseUrl.parse("sqlite:////home/me@corp/paig.db")).hasToString("sqlite://****@corp/paig.db");
		assertThat(DatabaseUrl.parse("sqlite:///paig:Zq9secret@db/x.db")).hasToString("sqlite://****@db/x.db");
		assertThat(DatabaseUrl.parse("mysql://paig@db/paig").withCredentials(null, SECRET))
			.hasToString("mysql://paig:****@db/paig");
		assertThat(DatabaseUrl.parse("mysql://db/paig").withCredentials(null, SECRET))
			.hasToString("mysql://:****@db/paig");
		// Python reads 'x' = '1;password=Zq9secret'; shown, it is masked all the same.
		assertThat(DatabaseUrl.parse("mysql://db/paig?x=1;password=Zq9secret&y=2"))
			.hasToString("mysql://db/paig?x=1;password=****&y=2");
	}

	@Test
	void sqlitePathWithAtIsMaskedUpToItsLastAtWhereverItIsShown() {
		JdbcSettings settings = this.translator.translate("sqlite:///paig:Zq9secret@db/x.db", null, null);
		assertThat(settings.sqliteFile()).hasToString(Path.of("paig:Zq9secret@db/x.db").toAbsolutePath().toString());
		assertThat(settings.maskedJdbcUrl()).startsWith("jdbc:sqlite:****@db/x.db?busy_timeout=");
		assertThat(settings.toString()).doesNotContain("Zq9secret");
		assertRefusedShowingNothing("sqlite:///paig:Zq9secret@db/x\u0000.db", "is not a valid file path", "Zq9secret");
		assertThat(Secrets.maskJdbcUrl("jdbc:sqlite:/home/me@corp/paig.db?password=k"))
			.isEqualTo("jdbc:sqlite:****@corp/paig.db?password=****");
	}

	@ParameterizedTest
	@ValueSource(strings = { "password=Zq9secret", "PASSWORD=Zq9secret", "pass%77ord=Zq9secret", "Pass%57ord=Zq9secret",
			"ssl+password=Zq9secret", "sslpassword=Zq9%3Bsecret", "password=Zq9;secret",
			"password=decoy&password=Zq9secret", "db_password=Zq9secret", "api%5Ftoken=Zq9secret",
			"my+secret=Zq9secret", "password=Zq9/secret?x=y#z" })
	void secretParametersAreMaskedHoweverTheirNameOrValueIsSpelled(String parameter) {
		for (String url : List.of("postgresql://paig@db/paig?" + parameter, "mysql://paig@db/paig?" + parameter,
				"sqlite:///x.db?" + parameter)) {
			List<String> shown = new ArrayList<>();
			shown.add(DatabaseUrl.parse(url).toString());
			Throwable thrown = catchThrowable(() -> {
				JdbcSettings settings = this.translator.translate(url, null, null);
				shown.addAll(List.of(settings.toString(), settings.source(), settings.maskedJdbcUrl()));
			});
			shown.addAll(texts(thrown));
			assertThat(shown).as(url)
				.allSatisfy((text) -> assertThat(text).doesNotContain("Zq9")
					.doesNotContain("9secret")
					.doesNotContain("ecret?"));
		}
	}

	@Test
	void jdbcSecretParameterRunsToTheNextAmpersand() {
		assertThat(Secrets.maskJdbcUrl("jdbc:postgresql://db/paig?password=a;b&x=1"))
			.isEqualTo("jdbc:postgresql://db/paig?password=****&x=1");
		assertThat(Secrets.maskJdbcUrl("jdbc:sqlserver://db;user=sa;password=s3cret;encrypt=true"))
			.isEqualTo("jdbc:sqlserver://db;user=sa;password=****;encrypt=true");
	}

	@Test
	void controlCharactersAreNotShownRaw() {
		DatabaseUrl url = DatabaseUrl.parse("postgresql://paig@db/pa\nig");
		assertThat(url.getDatabase()).isEqualTo("pa\nig");
		assertThat(url.toString()).isEqualTo("postgresql://paig@db/pa\\u000aig");
	}

	@Test
	void queryIsReadAsParseQslReadsIt() {
		DatabaseUrl url = DatabaseUrl.parse("postgresql://u@db/paig?a=1;b=2&x=1&x=2&flag&k=&=v&a+b=c+d&%7A=%41");
		assertThat(url.getQuery()).containsExactly(Map.entry("a", "1;b=2"), Map.entry("x", "1"), Map.entry("x", "2"),
				Map.entry("", "v"), Map.entry("a b", "c d"), Map.entry("z", "A"));
	}

	private void assertRefusedShowingNothing(String url, String problem, String secret) {
		assertThatExceptionOfType(InvalidDatabaseUrlException.class)
			.isThrownBy(() -> this.translator.translate(url, null, null))
			.satisfies((ex) -> assertThat(ex.getProblem()).contains(problem))
			.satisfies((ex) -> assertThat(texts(ex)).allSatisfy((text) -> assertThat(text).doesNotContain(secret)));
	}

	private static List<String> texts(Throwable thrown) {
		List<String> texts = new ArrayList<>();
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			texts.add(String.valueOf(cause.getMessage()));
			if (cause instanceof InvalidDatabaseUrlException invalid) {
				texts.add(invalid.getProblem());
				texts.add(invalid.getAction());
				texts.add(String.valueOf(invalid.getMaskedUrl()));
			}
		}
		return texts;
	}

}
