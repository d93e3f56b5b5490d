package io.paig.db.autoconfigure;

import java.beans.PropertyDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import io.paig.db.autoconfigure.DatabaseProperties.Migration;
import io.paig.db.migration.MigrationException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.UnboundElementsSourceFilter;
import org.springframework.core.env.Environment;

/**
 * The keys under {@code database.migration} that paig-db does not have, such as
 * {@code database.migration.changlog} for {@code database.migration.changelog}: Spring
 * Boot's binding would leave them unread, and the application would migrate another
 * changelog, or with other settings, than the ones it names. Start-up stops instead,
 * naming each key and the one it most likely means. Found with Spring Boot's own
 * {@link NoUnboundElementsBindHandler}, as {@code ignoreUnknownFields = false} finds
 * them, in the spellings the binder reads ({@code lock-timeout}, {@code lockTimeout});
 * like it, it leaves environment variables and system properties alone, which other
 * programs share. Keys directly under {@code database} are left alone too: the prefix is
 * a common one, and an application may keep keys of its own there.
 *
 * @author paig-db authors
 */
final class UnknownMigrationKeys {

	private static final String PREFIX = "database.migration";

	private UnknownMigrationKeys() {
	}

	/**
	 * Stop when a key under {@code database.migration} is not one of paig-db's.
	 * @param environment the environment
	 * @throws MigrationException naming each unknown key and what it may mean
	 */
	static void check(Environment environment) {
		try {
			Binder.get(environment)
				.bind(PREFIX, Bindable.ofInstance(new Migration()),
						new NoUnboundElementsBindHandler(BindHandler.DEFAULT, new UnboundElementsSourceFilter()));
		}
		catch (BindException ex) {
			UnboundConfigurationPropertiesException unbound = unbound(ex);
			if (unbound == null) {
				// a value of the wrong type: the application's own binding reports it
				return;
			}
			Set<String> known = known(Migration.class, PREFIX);
			List<String> lines = new ArrayList<>();
			for (var property : new TreeSet<>(unbound.getUnboundProperties())) {
				String name = property.getName().toString();
				String meant = closest(name, known);
				lines.add("  - " + name + ((meant != null) ? ": did you mean " + meant + "?" : ""));
			}
			throw new MigrationException(
					"Keys under database.migration that paig-db does not have are set, so start-up stops rather "
							+ "than migrate without them:\n" + String.join("\n", lines),
					"Rename or remove these keys. docs/configuration.md lists every database.migration.* key.");
		}
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

	private static String squash(String key) {
		return key.replace("-", "").toLowerCase(Locale.ROOT);
	}

	// Levenshtein distance
	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
