package io.paig.db.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives a {@link MigrationTest} without a database of its own a SQLite file in a
 * temporary folder, so that the checks never touch the database the application's own
 * configuration names.
 *
 * @author paig-db authors
 */
class MigrationTestDatabase implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		boolean migrationTest = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
			.isPresent(MigrationTest.class);
		return migrationTest ? new TemporarySqlite() : null;
	}

	private static final class TemporarySqlite implements ContextCustomizer {

		private static final String INLINED = "Inlined Test Properties";

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
			// The application's own database.url (its application.yaml, say) may name a
			// database with data in
			// it: the checks downgrade to base. Only a database.url the test itself gives
			// (inlined or dynamic
			// test properties, above this source) or a @ServiceConnection is used;
			// otherwise a temporary file.
			ConfigurableEnvironment environment = context.getEnvironment();
			try {
				Path folder = Files.createTempDirectory("paig-db-migration-test");
				folder.toFile().deleteOnExit();
				MapPropertySource temporary = new MapPropertySource("paigDbMigrationTest",
						Map.of("database.url", "sqlite:///" + folder.resolve("migrations.db").toAbsolutePath()));
				if (environment.getPropertySources().contains(INLINED)) {
					environment.getPropertySources().addAfter(INLINED, temporary);
				}
				else {
					environment.getPropertySources().addFirst(temporary);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof TemporarySqlite;
		}

		@Override
		public int hashCode() {
			return TemporarySqlite.class.hashCode();
		}

	}

}
