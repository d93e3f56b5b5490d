package io.paig.db.aot;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Keeps the changelogs of a {@code database.migration.changelog} outside
 * {@code db/changelog/} in an ahead-of-time build: the folder of the master changelog, as
 * the build's environment sets it, with everything below it. The default location is
 * covered by {@link PaigDbRuntimeHints}. A {@code file:} location is read from the file
 * system and needs no hint. Changelogs the master includes from outside its folder are
 * not found this way; name them in hints of the application's own.
 * <p>
 * Registered in {@code META-INF/spring/aot.factories}.
 *
 * @author paig-db authors
 */
class ChangelogLocationAotProcessor implements BeanFactoryInitializationAotProcessor {

	static final String PROPERTY = "database.migration.changelog";

	@Override
	public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
			ConfigurableListableBeanFactory beanFactory) {
		if (!beanFactory.containsBean(ConfigurableApplicationContext.ENVIRONMENT_BEAN_NAME)) {
			return null;
		}
		Environment environment = beanFactory.getBean(ConfigurableApplicationContext.ENVIRONMENT_BEAN_NAME,
				Environment.class);
		String location = (environment instanceof ConfigurableEnvironment configurable)
				? Binder.get(configurable).bind(PROPERTY, String.class).orElse(null)
				: environment.getProperty(PROPERTY);
		String pattern = (location != null) ? pattern(location) : null;
		if (pattern == null || pattern.equals(PaigDbRuntimeHints.CHANGELOG_PATTERN)) {
			return null;
		}
		return (generationContext, code) -> generationContext.getRuntimeHints().resources().registerPattern(pattern);
	}

	/**
	 * The resource pattern that covers a changelog location's folder.
	 * @param location the location
	 * @return the pattern, or {@code null} when the location is not on the class path
	 */
	static @Nullable String pattern(String location) {
		String path = location.strip();
		if (path.startsWith(ResourcePatternResolver.CLASSPATH_ALL_URL_PREFIX)) {
			path = path.substring(ResourcePatternResolver.CLASSPATH_ALL_URL_PREFIX.length());
		}
		else if (path.startsWith(ResourceLoader.CLASSPATH_URL_PREFIX)) {
			path = path.substring(ResourceLoader.CLASSPATH_URL_PREFIX.length());
		}
		else if (path.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
			// file:, http:, ...: not a class path resource
			return null;
		}
		while (path.startsWith("/")) {
			path = path.substring(1);
		}
		if (path.isEmpty()) {
			return null;
		}
		int slash = path.lastIndexOf('/');
		return (slash > 0) ? path.substring(0, slash) + "/**" : path;
	}

}
