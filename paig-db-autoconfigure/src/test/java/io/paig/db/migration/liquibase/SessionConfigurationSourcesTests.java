package io.paig.db.migration.liquibase;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.paig.db.migration.MigrationSettings;
import liquibase.Scope;
import liquibase.configuration.ConfigurationValueProvider;
import liquibase.configuration.ConfiguredValue;
import liquibase.configuration.LiquibaseConfiguration;
import liquibase.configuration.core.EnvironmentValueProvider;
import liquibase.configuration.core.SystemPropertyValueProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SessionConfigurationSources}: Liquibase's configuration lookups in and
 * out of a {@link LiquibaseSession}.
 *
 * @author paig-db authors
 */
class SessionConfigurationSourcesTests {

	private static final String KEY = "paig.test.session-configuration-sources";

	@TempDir
	Path folder;

	@AfterEach
	void clear() {
		System.clearProperty(KEY);
	}

	@Test
	void aSessionReadsTheSystemPropertiesAsTheyWereWhenItBegan() throws Exception {
		System.setProperty(KEY, "before");
		String seen = session(() -> {
			Object first = lookup(KEY).getValue();
			System.setProperty(KEY, "during");
			return first + "," + lookup(KEY).getValue();
		});
		assertThat(seen).isEqualTo("before,before");
		assertThat(lookup(KEY).getValue()).as("outside the session").isEqualTo("during");
		assertThat(session(() -> lookup(KEY).getValue())).as("the next session").isEqualTo("during");
	}

	@Test
	void outsideASessionEachLookupReadsTheSystemPropertiesAsLiquibaseDoes() throws Exception {
		session(() -> null);
		System.setProperty(KEY, "one");
		assertThat(lookup(KEY).getValue()).isEqualTo("one");
		System.setProperty(KEY, "two");
		assertThat(lookup(KEY).getValue()).isEqualTo("two");
		System.clearProperty(KEY);
		assertThat(lookup(KEY).found()).isFalse();
	}

	@Test
	void answersAsLiquibasesSystemPropertySourceDoes() throws Exception {
		System.setProperty(KEY, "kebab");
		ConfiguredValue<Object> value = session(() -> lookup("paig.test.sessionConfigurationSources"));
		assertThat(value.getValue()).as("Liquibase's key matching").isEqualTo("kebab");
		assertThat(value.getProvidedValue().describe()).isEqualTo("System property '" + KEY + "'");
	}

	@Test
	void answersAsLiquibasesEnvironmentSourceDoes() throws Exception {
		Map.Entry<String, String> variable = System.getenv()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().matches("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+") && !entry.getValue().isEmpty()
					&& System.getProperty(key(entry.getKey())) == null)
			.findFirst()
			.orElseThrow();
		String key = key(variable.getKey());
		ConfiguredValue<Object> outside = lookup(key);
		ConfiguredValue<Object> inside = session(() -> lookup(key));
		assertThat(outside.found()).isTrue();
		assertThat(inside.getValue()).isEqualTo(outside.getValue());
		assertThat(inside.getProvidedValue().describe()).isEqualTo(outside.getProvidedValue().describe())
			.startsWith("Environment variable");
	}

	@Test
	void takesThePlaceOfLiquibasesSourcesOnceAtTheirPrecedence() throws Exception {
		session(() -> null);
		LiquibaseConfiguration configuration = Scope.getCurrentScope().getSingleton(LiquibaseConfiguration.class);
		SessionConfigurationSources.install(configuration);
		List<ConfigurationValueProvider> providers = List.copyOf(configuration.getProviders());
		assertThat(providers.stream().filter(SystemPropertyValueProvider.class::isInstance)).singleElement()
			.isInstanceOf(SessionConfigurationSources.SystemProperties.class)
			.extracting(ConfigurationValueProvider::getPrecedence)
			.isEqualTo(new SystemPropertyValueProvider().getPrecedence());
		assertThat(providers.stream().filter(EnvironmentValueProvider.class::isInstance)).singleElement()
			.isInstanceOf(SessionConfigurationSources.Environment.class)
			.extracting(ConfigurationValueProvider::getPrecedence)
			.isEqualTo(new EnvironmentValueProvider().getPrecedence());
	}

	@Test
	void leavesLiquibasesSourceWhereAnotherSharesItsPrecedence() throws Exception {
		session(() -> null);
		LiquibaseConfiguration configuration = new TestConfiguration();
		SystemPropertyValueProvider systemProperties = new SystemPropertyValueProvider();
		EnvironmentValueProvider environment = new EnvironmentValueProvider();
		ConfigurationValueProvider samePrecedence = new SystemPropertyValueProvider() {

			@Override
			public int getPrecedence() {
				return new EnvironmentValueProvider().getPrecedence();
			}

		};
		configuration.registerProvider(systemProperties);
		configuration.registerProvider(environment);
		configuration.registerProvider(samePrecedence);
		SessionConfigurationSources.install(configuration);
		assertThat(configuration.getProviders()).contains(environment, samePrecedence)
			.doesNotContain(systemProperties)
			.hasSize(3);
	}

	private <T> T session(Work<T> work) throws Exception {
		try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + this.folder.resolve("test.db"))) {
			return LiquibaseSession.run(connection, MigrationSettings.of("classpath:db/changelog/none.yaml"),
					new DefaultResourceLoader(), (session) -> work.run());
		}
	}

	/**
	 * The key Liquibase finds an environment variable under: {@code PAIG_TEST_URL} as
	 * {@code paig.test.url}, as {@code LIQUIBASE_*} variables are found.
	 */
	private static String key(String variable) {
		return variable.toLowerCase(Locale.ROOT).replace('_', '.');
	}

	private static ConfiguredValue<Object> lookup(String key) {
		return Scope.getCurrentScope()
			.getSingleton(LiquibaseConfiguration.class)
			.getCurrentConfiguredValue(null, null, key);
	}

	@FunctionalInterface
	private interface Work<T> {

		T run() throws Exception;

	}

	/**
	 * An empty configuration, apart from Liquibase's root scope.
	 */
	private static final class TestConfiguration extends LiquibaseConfiguration {

	}

}
