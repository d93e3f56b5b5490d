package io.paig.db.actuate.endpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.paig.db.url.HiddenTexts;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Keeps the database's passwords out of Spring Boot's {@code /actuator/env} and
 * {@code /actuator/configprops} (and so out of Spring Boot Admin's views of them) when an
 * application has them show values ({@code management.endpoint.env.show-values=always}),
 * which otherwise shows every value as it is:
 * <ul>
 * <li>{@code database.password}, {@code database.migration.password} and the passwords of
 * the Spring Boot keys paig-db stands beside ({@code spring.liquibase.password},
 * {@code spring.datasource.password}, {@code spring.r2dbc.password}) are hidden whole, in
 * every spelling Spring Boot binds ({@code DATABASE_PASSWORD},
 * {@code database.migration.pass-word}, ...);</li>
 * <li>the URLs of the same ({@code database.url}, {@code database.migration.url},
 * {@code spring.liquibase.url}, ...) are shown with their passwords masked, as paig-db
 * logs them;</li>
 * <li>wherever else the passwords in use stand, in any property of any source (the
 * command line in {@code sun.java.command}, {@code SPRING_APPLICATION_JSON}, a property a
 * placeholder reads, the pool's own {@code password}), they are masked too.</li>
 * </ul>
 * It comes after the application's own sanitizing functions: one of those that hides a
 * value decides.
 *
 * @author paig-db authors
 */
public final class DatabaseSecretsSanitizingFunction implements SanitizingFunction, Ordered {

	private static final Set<String> PASSWORD_KEYS = Set.of("database.password", "database.migration.password",
			"spring.liquibase.password", "spring.datasource.password", "spring.r2dbc.password");

	private static final Set<String> URL_KEYS = Set.of("database.url", "database.migration.url", "spring.liquibase.url",
			"spring.datasource.url", "spring.r2dbc.url");

	// each URL with the password given apart from it
	private static final List<String> IN_USE = List.of("database.url", "database.password", "database.migration.url",
			"database.migration.password", "spring.liquibase.url", "spring.liquibase.password", "spring.datasource.url",
			"spring.datasource.password", "spring.r2dbc.url", "spring.r2dbc.password");

	private final Environment environment;

	private volatile InUse inUse = new InUse(List.of(), HiddenTexts.NONE);

	/**
	 * Create a function.
	 * @param environment where the database's URLs and passwords in use are read
	 */
	public DatabaseSecretsSanitizingFunction(Environment environment) {
		this.environment = environment;
	}

	@Override
	public SanitizableData apply(SanitizableData data) {
		Object value = data.getValue();
		String key = uniform(data.getKey());
		if (PASSWORD_KEYS.contains(key)) {
			// whatever its type: YAML reads 'password: 123456' as a number
			return data.withValue(SanitizableData.SANITIZED_VALUE);
		}
		if (!(value instanceof CharSequence || value instanceof Number)) {
			return data;
		}
		String text = value.toString();
		String shown = URL_KEYS.contains(key) ? HiddenTexts.of(text, null).hideIn(text) : text;
		shown = inUse().hideIn(shown);
		return shown.equals(text) ? data : data.withValue(shown);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	// A key as Spring Boot binds it, whatever its spelling: lower case, '_' and '[' read
	// as '.', dashes, quotes and ']' dropped.
	private static String uniform(String key) {
		StringBuilder uniform = new StringBuilder(key.length());
		for (char c : key.strip().toLowerCase(Locale.ROOT).toCharArray()) {
			if (c == '_' || c == '[') {
				uniform.append('.');
			}
			else if (c != '-' && c != ']' && c != '"' && c != '\'') {
				uniform.append(c);
			}
		}
		return uniform.toString();
	}

	private HiddenTexts inUse() {
		List<@Nullable String> values = new ArrayList<>(IN_USE.size());
		for (String key : IN_USE) {
			values.add(property(key));
		}
		InUse known = this.inUse;
		if (!known.values().equals(values)) {
			HiddenTexts texts = HiddenTexts.NONE;
			for (int i = 0; i < values.size(); i += 2) {
				texts = texts.and(HiddenTexts.of(values.get(i), values.get(i + 1)));
			}
			known = new InUse(values, texts);
			this.inUse = known;
		}
		return known.texts();
	}

	private @Nullable String property(String key) {
		try {
			return this.environment.getProperty(key);
		}
		catch (RuntimeException ex) {
			// a placeholder that does not resolve: there is no value in use to hide
			return null;
		}
	}

	/**
	 * The URLs and passwords in use when the texts to hide were last worked out.
	 */
	private record InUse(List<@Nullable String> values, HiddenTexts texts) {

	}

}
