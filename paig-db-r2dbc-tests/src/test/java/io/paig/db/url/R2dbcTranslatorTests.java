package io.paig.db.url;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.FilteredClassLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link R2dbcTranslator}, with r2dbc-postgresql, r2dbc-mariadb and
 * io.asyncer's r2dbc-mysql on the class path (some hidden where a test says so).
 *
 * @author paig-db authors
 */
class R2dbcTranslatorTests {

	private final R2dbcTranslator translator = new R2dbcTranslator(getClass().getClassLoader());

	@Test
	void postgresqlWithAnyPythonDriverGoesToR2dbcPostgresql() {
		for (String scheme : new String[] { "postgresql", "postgres", "postgresql+asyncpg", "postgresql+psycopg" }) {
			R2dbcSettings settings = this.translator.translate(scheme + "://paig:s3cr%40t@db:5433/app", null, null);
			assertThat(settings.driver()).isEqualTo("postgresql");
			assertThat(settings.host()).isEqualTo("db");
			assertThat(settings.port()).isEqualTo(5433);
			assertThat(settings.database()).isEqualTo("app");
			assertThat(settings.username()).isEqualTo("paig");
			assertThat(settings.password()).isEqualTo("s3cr@t");
		}
	}

	@Test
	void postgresqlParametersBecomeR2dbcPostgresqlOptions() {
		R2dbcSettings settings = this.translator.translate(
				"postgresql+asyncpg://paig@db/app?sslmode=VERIFY-FULL"
						+ "&sslrootcert=/ca.pem&sslcert=/c.pem&sslkey=/k.pem&sslpassword=kp&connect_timeout=2.5"
						+ "&application_name=paig+server&options=-c%20search_path%3Dpaig%20-cstatement_timeout%3D5s"
						+ "&keepalives=1&client_encoding=utf8&prepared_statement_cache_size=64&currentSchema=paig",
				null, null);
		assertThat(settings.connectTimeout()).isEqualTo(Duration.ofMillis(2500));
		assertThat(settings.options()).containsEntry("sslMode", "verify-full")
			.containsEntry("sslRootCert", "/ca.pem")
			.containsEntry("sslCert", "/c.pem")
			.containsEntry("sslKey", "/k.pem")
			.containsEntry("sslPassword", "kp")
			.containsEntry("applicationName", "paig server")
			.containsEntry("options", Map.of("search_path", "paig", "statement_timeout", "5s"))
			.containsEntry("tcpKeepAlive", "true")
			.containsEntry("preparedStatementCacheQueries", "64")
			.containsEntry("currentSchema", "paig")
			.doesNotContainKey("client_encoding");
		assertThat(settings.toString()).contains("sslPassword=****").doesNotContain("kp");
	}

	@Test
	void sslTrueIsRequireAndAZeroTimeoutIsNoTimeout() {
		R2dbcSettings settings = this.translator.translate("postgresql://paig@db/app?ssl=true&timeout=0", null, null);
		assertThat(settings.options()).containsEntry("sslMode", "require");
		assertThat(settings.connectTimeout()).isNull();
	}

	@Test
	void postgresqlParametersWithoutAnR2dbcEquivalentAreRefused() {
		assertThatExceptionOfType(InvalidDatabaseUrlException.class)
			.isThrownBy(() -> this.translator.translate("postgresql://paig@db/app?prepare_threshold=5", null, null))
			.withMessageContaining("'prepare_threshold' has no equivalent in r2dbc-postgresql");
		assertThatExceptionOfType(InvalidDatabaseUrlException.class)
			.isThrownBy(() -> this.translator.translate("postgresql://paig@db/app?options=-j", null, null))
			.withMessageContaining("'-c name=value'");
	}

	@Test
	void mysqlUrlPrefersIoAsyncerAndMariadbUrlPrefersMariadbsDriverWhenBothArePresent() {
		assertThat(this.translator.translate("mysql+aiomysql://paig@db/app", null, null).driver()).isEqualTo("mysql");
		assertThat(this.translator.translate("mariadb+asyncmy://paig@db/app", null, null).driver())
			.isEqualTo("mariadb");
	}

	@Test
	void mysqlAndMariadbUrlsTakeWhicheverDriverIsPresent() {
		R2dbcTranslator onlyMariadb = new R2dbcTranslator(new FilteredClassLoader("io.asyncer"));
		assertThat(onlyMariadb.translate("mysql+asyncmy://paig@db/app", null, null).driver()).isEqualTo("mariadb");
		R2dbcTranslator onlyAsyncer = new R2dbcTranslator(new FilteredClassLoader("org.mariadb.r2dbc"));
		assertThat(onlyAsyncer.translate("mariadb://paig@db/app", null, null).driver()).isEqualTo("mysql");
	}

	@Test
	void mysqlParametersBecomeEachDriversOptions() {
		String url = "mysql+aiomysql://paig@db/app?ssl_mode=verify-identity&ssl_ca=/ca.pem&ssl_cert=/c.pem"
				+ "&ssl_key=/k.pem&connect_timeout=5&charset=utf8mb4&autocommit=true&tinyInt1isBit=false";
		R2dbcSettings asyncer = this.translator.translate(url, null, null);
		assertThat(asyncer.driver()).isEqualTo("mysql");
		assertThat(asyncer.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(asyncer.options()).containsEntry("sslMode", "VERIFY_IDENTITY")
			.containsEntry("sslCa", "/ca.pem")
			.containsEntry("sslCert", "/c.pem")
			.containsEntry("sslKey", "/k.pem")
			.containsEntry("tinyInt1isBit", "false")
			.doesNotContainKeys("charset", "autocommit");
		R2dbcSettings mariadb = this.translator.translate(url.replace("mysql+aiomysql", "mariadb"), null, null);
		assertThat(mariadb.driver()).isEqualTo("mariadb");
		assertThat(mariadb.options()).containsEntry("sslMode", "verify-full")
			.containsEntry("serverSslCert", "/ca.pem")
			.containsEntry("clientSslCert", "/c.pem")
			.containsEntry("clientSslKey", "/k.pem");
	}

	@Test
	void mysqlParametersWithoutAnR2dbcEquivalentAreRefused() {
		assertThatExceptionOfType(InvalidDatabaseUrlException.class)
			.isThrownBy(() -> this.translator.translate("mariadb://paig@db/app?ssl_mode=preferred", null, null))
			.withMessageContaining("PREFERRED has no equivalent in r2dbc-mariadb");
		assertThatExceptionOfType(InvalidDatabaseUrlException.class)
			.isThrownBy(() -> this.translator.translate("mysql://paig@db/app?read_timeout=5", null, null))
			.withMessageContaining("'read_timeout' has no equivalent in io.asyncer r2dbc-mysql");
		assertThatExceptionOfType(InvalidDatabaseUrlException.class)
			.isThrownBy(() -> this.translator.translate("mysql://paig@db/app?charset=latin1", null, null))
			.withMessageContaining("always talks utf8mb4");
	}

	@Test
	void databaseUsernameAndPasswordWin() {
		R2dbcSettings settings = this.translator.translate("postgresql://url:urlpw@db/app", "user", "pw");
		assertThat(settings.username()).isEqualTo("user");
		assertThat(settings.password()).isEqualTo("pw");
		assertThat(settings.toString()).doesNotContain("urlpw").doesNotContain("pw@").contains("as 'user'");
	}

	@Test
	void sqliteIsRefusedWithTheChoicesThereAre() {
		assertThatExceptionOfType(InvalidDatabaseUrlException.class)
			.isThrownBy(() -> this.translator.translate("sqlite+aiosqlite:///db/database.db", null, null))
			.satisfies((ex) -> assertThat(ex.getProblem()).contains("SQLite has no maintained R2DBC driver"))
			.satisfies((ex) -> assertThat(ex.getAction()).contains("point database.url at PostgreSQL")
				.contains("make the application JDBC-based")
				.contains("spring.r2dbc.url"));
	}

	@Test
	void aJdbcUrlIsRefusedWithoutShowingItsPassword() {
		assertThatExceptionOfType(InvalidDatabaseUrlException.class)
			.isThrownBy(() -> this.translator.translate("jdbc:postgresql://u:secret@db/app", null, null))
			.withMessageContaining("a 'jdbc:' URL cannot serve an R2DBC application")
			.withMessageNotContaining("secret");
	}

	@Test
	void aMissingDriverIsNamed() {
		R2dbcTranslator none = new R2dbcTranslator(
				new FilteredClassLoader("io.r2dbc.postgresql", "org.mariadb.r2dbc", "io.asyncer"));
		assertThatExceptionOfType(InvalidDatabaseUrlException.class)
			.isThrownBy(() -> none.translate("postgresql://paig@db/app", null, null))
			.withMessageContaining("org.postgresql:r2dbc-postgresql");
		assertThatExceptionOfType(InvalidDatabaseUrlException.class)
			.isThrownBy(() -> none.translate("mysql://paig@db/app", null, null))
			.withMessageContaining("org.mariadb:r2dbc-mariadb or io.asyncer:r2dbc-mysql");
	}

}
