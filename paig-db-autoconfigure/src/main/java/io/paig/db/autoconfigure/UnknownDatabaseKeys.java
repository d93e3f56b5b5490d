package io.paig.db.autoconfigure;

import java.beans.PropertyDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

import io.paig.db.autoconfigure.DatabaseProperties.Command;
import io.paig.db.autoconfigure.DatabaseProperties.Migration;
import io.paig.db.autoconfigure.DatabaseProperties.Sqlite;
import io.paig.db.migration.MigrationException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.context.properties.source.UnboundElementsSourceFilter;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

/**
 * Keys under {@code database} that paig-db does not have, such as
 * {@code database.migration.changlog} for {@code database.migration.changelog}: Spring
 * Boot's binding would leave them unread, and the application would migrate another
 * changelog, or another database, than the one it names.
 * <p>
 * Under paig-db's own {@code database.migration}, {@code database.sqlite} and
 * {@code database.command}, every unknown key stops start-up, naming each key and the one
 * it most likely means. They are found with Spring Boot's own
 * {@link NoUnboundElementsBindHandler}, as {@code ignoreUnknownFields = false} finds
 * them, in the spellings the binder reads ({@code lock-timeout}, {@code lockTimeout}).
 * <p>
 * Directly under {@code database}, a common prefix where an application may keep keys of
 * its own, only misspellings of paig-db's keys are looked for: a key meant as
 * {@code database.url} ({@code database.ulr}, {@code database.uri},
 * {@code database.jdbc-url}) stops start-up while {@code database.url} is unset, because
 * the application would otherwise run on the default SQLite file; a misspelt
 * {@code database.username} or {@code database.password} is logged as a warning while the
 * real key is unset.
 * <p>
 * Like Spring Boot's check, both leave environment variables and system properties alone,
 * which other programs share; only an environment variable named like a misspelt
 * {@code DATABASE_URL} ({@code DATABASE_URI}) is warned of while the URL is unset. No
 * value is ever shown, only key names.
 *
 * @author paig-db authors
 */
final class UnknownDatabaseKeys {

	private static final Log logger = LogFactory.getLog(UnknownDatabaseKeys.class);

	private static final String PREFIX = "database";

	/** The URL the application runs on while {@code database.url} is unset. */
	private static final String DEFAULT_URL = new DatabaseProperties().getUrl();

	/** paig-db's own namespaces under {@code database}, each with its properties. */
	private static final Map<String, Supplier<Object>> OWN = ownNamespaces();

	/** Names an application writes for the database URL, in squashed form. */
	private static final Set<String> URL_NAMES = Set.of("uri", "jdbcurl", "jdbcuri", "dburl", "dburi", "databaseurl",
			"databaseuri", "connectionurl", "connectionuri", "connectionstring", "dsn", "sqlalchemyurl",
			"sqlalchemydatabaseurl", "sqlalchemydatabaseuri");

	private UnknownDatabaseKeys() {
	}

	private static Map<String, Supplier<Object>> ownNamespaces() {
		Map<String, Supplier<Object>> own = new LinkedHashMap<>();
		own.put(PREFIX + ".migration", Migration::new);
		own.put(PREFIX + ".sqlite", Sqlite::new);
		own.put(PREFIX + ".command", Command::new);
		return own;
	}

	/**
	 * Stop when a key under {@code database.migration}, {@code database.sqlite} or
	 * {@code database.command} is not one of paig-db's.
	 * @param environment the environment
	 * @throws MigrationException naming each unknown key and what it may mean
	 */
	static void check(Environment environment) {
		Binder binder = Binder.get(environment);
		List<String> lines = new ArrayList<>();
		OWN.forEach((prefix, properties) -> {
			Object instance = properties.get();
			try {
				binder.bind(prefix, Bindable.ofInstance(instance),
						new NoUnboundElementsBindHandler(BindHandler.DEFAULT, new UnboundElementsSourceFilter()));
			}
			catch (BindException ex) {
				UnboundConfigurationPropertiesException unbound = unbound(ex);
				if (unbound == null) {
					// a value of the wrong type: the application's own binding reports it
					return;
				}
				Set<String> known = known(instance.getClass(), prefix);
				for (var property : new TreeSet<>(unbound.getUnboundProperties())) {
					String name = property.getName().toString();
					String meant = closest(name, known);
					lines.add("  - " + name + ((meant != null) ? ": did you mean " + meant + "?" : ""));
				}
			}
		});
		lines.addAll(misspeltNamespaces(environment));
		if (!lines.isEmpty()) {
			throw new MigrationException(
					"Keys under database that paig-db does not have are set, so start-up stops rather than run "
							+ "without them:\n" + String.join("\n", lines),
					"Rename or remove these keys. docs/configuration.md lists every database.* key.");
		}
	}

	// Keys under a namespace one letter from one of paig-db's
	// (database.migrations.changelog)
	private static List<String> misspeltNamespaces(Environment environment) {
		List<String> lines = new ArrayList<>();
		for (ConfigurationPropertyName name : keysUnderDatabase(environment)) {
			if (name.getNumberOfElements() < 3) {
				continue;
			}
			String element = squash(name.getElement(1, Form.ORIGINAL));
			OWN.forEach((prefix, properties) -> {
				String namespace = prefix.substring(PREFIX.length() + 1);
				if (distance(element, namespace) == 1) {
					String rest = name.subName(2).toString();
					String meant = closest(prefix + "." + rest, known(properties.get().getClass(), prefix));
					lines.add("  - " + original(name) + ": did you mean "
							+ ((meant != null) ? meant : prefix + "." + rest) + "?");
				}
			});
		}
		return lines;
	}

	/**
	 * Look directly under {@code database} for misspellings of paig-db's keys: stop when
	 * {@code database.url} is unset and a key meant as it is set, and warn of a misspelt
	 * {@code database.username} or {@code database.password} while the real key is unset.
	 * Called where {@code database.url} becomes the application's connection.
	 * @param environment the environment
	 * @throws MigrationException naming each key meant as {@code database.url}
	 */
	static void checkConnectionKeys(Environment environment) {
		Binder binder = Binder.get(environment);
		Map<String, String> misspelt = new TreeMap<>();
		for (ConfigurationPropertyName name : directKeys(environment)) {
			String meant = meant(name);
			if (meant != null && !binder.bind(meant, String.class).isBound()) {
				misspelt.put(original(name), meant);
			}
		}
		List<String> urls = new ArrayList<>();
		misspelt.forEach((key, meant) -> {
			if (meant.equals(PREFIX + ".url")) {
				urls.add(key);
			}
			else {
				logger.warn(
						key + " is set, but paig-db has no such key and does not read it: did you mean " + meant + "?");
			}
		});
		if (urls.isEmpty() && !binder.bind(PREFIX + ".url", String.class).isBound()) {
			// an environment variable may be another program's: a warning, not a stop
			for (String variable : urlLikeVariables(environment)) {
				logger.warn("The environment variable " + variable + " is set, but database.url is not: paig-db reads "
						+ "DATABASE_URL, so the application runs on the default database, " + DEFAULT_URL + ".");
			}
		}
		if (!urls.isEmpty()) {
			throw new MigrationException(
					"database.url is not set, but " + String.join(" and ", urls) + ((urls.size() > 1) ? " are" : " is")
							+ ". paig-db reads only database.url, so the application would run on the default "
							+ "database, " + DEFAULT_URL + ".",
					"Rename " + String.join(" and ", urls) + " to database.url (the environment variable "
							+ "DATABASE_URL sets it too). docs/configuration.md lists every database.* key.");
		}
	}

	// The environment variables named like DATABASE_URL's misspellings (DATABASE_URI).
	private static List<String> urlLikeVariables(Environment environment) {
		List<String> variables = new ArrayList<>();
		if (environment instanceof ConfigurableEnvironment configurable && configurable.getPropertySources()
			.get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME) instanceof EnumerablePropertySource<?> source) {
			for (String variable : source.getPropertyNames()) {
				String upper = variable.toUpperCase(Locale.ROOT);
				String rest = upper.substring(Math.min(upper.length(), "DATABASE_".length()));
				if (upper.startsWith("DATABASE_") && !rest.equals("URL") && isUrlLike(squash(rest))) {
					variables.add(variable);
				}
			}
		}
		variables.sort(null);
		return variables;
	}

	// The names of the keys directly under database, in the sources the checks read.
	private static Set<ConfigurationPropertyName> directKeys(Environment environment) {
		ConfigurationPropertyName prefix = ConfigurationPropertyName.of(PREFIX);
		Set<ConfigurationPropertyName> keys = keysUnderDatabase(environment);
		keys.removeIf((name) -> !prefix.isParentOf(name));
		return keys;
	}

	// The names of the keys under database, in the sources the checks read.
	private static Set<ConfigurationPropertyName> keysUnderDatabase(Environment environment) {
		ConfigurationPropertyName prefix = ConfigurationPropertyName.of(PREFIX);
		UnboundElementsSourceFilter filter = new UnboundElementsSourceFilter();
		Set<ConfigurationPropertyName> keys = new TreeSet<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source instanceof IterableConfigurationPropertySource iterable && filter.apply(source)) {
				iterable.stream().filter(prefix::isAncestorOf).forEach(keys::add);
			}
		}
		return keys;
	}

	// A key as the application wrote it (database.jdbcUrl, not database.jdbcurl; a last
	// element in brackets, database[URL], as such).
	private static String original(ConfigurationPropertyName name) {
		StringBuilder key = new StringBuilder();
		int last = name.getNumberOfElements() - 1;
		for (int i = 0; i <= last; i++) {
			String element = name.getElement(i, Form.ORIGINAL);
			if (i == last && i > 0 && name.isLastElementIndexed()) {
				key.append('[').append(element).append(']');
			}
			else {
				key.append((i > 0) ? "." : "").append(element);
			}
		}
		return key.toString();
	}

	// The key of paig-db's that a key directly under database was meant as, if any.
	private static @Nullable String meant(ConfigurationPropertyName name) {
		String squashed = squash(name.getLastElement(Form.ORIGINAL));
		for (String known : List.of("url", "username", "password")) {
			if (name.equals(ConfigurationPropertyName.of(PREFIX + "." + known))) {
				return null;
			}
		}
		// here even a spelling of url itself is one the binder does not read as it
		if (isUrlLike(squashed)) {
			return PREFIX + ".url";
		}
		for (String known : List.of("username", "password")) {
			if (distance(squashed, known) <= 2) {
				return PREFIX + "." + known;
			}
		}
		return null;
	}

	// A squashed name meant as url: url itself, one letter from it, or another common
	// name for it.
	private static boolean isUrlLike(String squashed) {
		return URL_NAMES.contains(squashed) || distance(squashed, "url") <= 1;
	}

	private static @Nullable UnboundConfigurationPropertiesException unbound(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof UnboundConfigurationPropertiesException unbound) {
				return unbound;
			}
		}
		return null;
	}

	// The keys a properties class has, in the binder's kebab case, nested classes of
	// paig-db's included; a map's or a list's key stands for all of its entries.
	private static Set<String> known(Class<?> type, String prefix) {
		Set<String> keys = new TreeSet<>();
		for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(type)) {
			if (descriptor.getReadMethod() == null || descriptor.getName().equals("class")) {
				continue;
			}
			String key = prefix + "." + DataObjectPropertyName.toDashedForm(descriptor.getName());
			Class<?> propertyType = descriptor.getPropertyType();
			if (propertyType.getName().startsWith("io.paig.db.") && !propertyType.isEnum()) {
				keys.addAll(known(propertyType, key));
			}
			else {
				keys.add(key);
			}
		}
		return keys;
	}

	// The known key an unknown one most likely means: the same once dashes and case are
	// ignored, or at most two letters apart; none for an entry of a map or a list.
	private static @Nullable String closest(String unknown, Set<String> known) {
		String best = null;
		int bestDistance = 3;
		for (String candidate : known) {
			if (unknown.startsWith(candidate + ".") || unknown.startsWith(candidate + "[")) {
				return null;
			}
			int distance = distance(squash(unknown), squash(candidate));
			if (distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		return best;
	}

	// Lower case, without the dashes and underscores that Spring Boot's spellings add.
	private static String squash(String key) {
		return key.replaceAll("[-_]", "").toLowerCase(Locale.ROOT);
	}

	// Edit distance in which two neighbouring letters swapped count as one edit ("ulr").
	private static int distance(String a, String b) {
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
			}
		}
		return d[a.length()][b.length()];
	}

}
