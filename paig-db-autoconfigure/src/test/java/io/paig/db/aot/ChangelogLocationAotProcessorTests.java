package io.paig.db.aot;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.javapoet.ClassName;
import org.springframework.test.context.support.TestPropertySourceUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChangelogLocationAotProcessor}.
 *
 * @author paig-db authors
 */
class ChangelogLocationAotProcessorTests {

	@Test
	void aConfiguredClasspathChangelogKeepsItsFolderInTheAotBuild() {
		RuntimeHints hints = processAheadOfTime("database.migration.changelog=classpath:migrations/main.yaml");
		assertThat(RuntimeHintsPredicates.resource().forResource("migrations/main.yaml")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("migrations/revisions/0001_first.yaml"))
			.accepts(hints);
		// the default folder is kept all the same (PaigDbRuntimeHints, through
		// aot.factories)
		assertThat(RuntimeHintsPredicates.resource().forResource("db/changelog/db.changelog-master.yaml"))
			.accepts(hints);
	}

	@Test
	void theLocationIsReadWithSpringsRelaxedBindingFromAnEnvironmentVariable() {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			context.getEnvironment()
				.getPropertySources()
				.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								Map.of("DATABASE_MIGRATION_CHANGELOG", "classpath:/schema/master.xml")));
			RuntimeHints hints = processAheadOfTime(context);
			assertThat(RuntimeHintsPredicates.resource().forResource("schema/master.xml")).accepts(hints);
		}
	}

	@Test
	void withoutAConfiguredLocationOnlyTheDefaultFolderIsKept() {
		RuntimeHints hints = processAheadOfTime();
		assertThat(RuntimeHintsPredicates.resource().forResource("db/changelog/db.changelog-master.yaml"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("migrations/main.yaml")).rejects(hints);
	}

	@Test
	void patternCoversTheMasterChangelogsFolder() {
		assertThat(ChangelogLocationAotProcessor.pattern("classpath:db/changelog/db.changelog-master.yaml"))
			.isEqualTo("db/changelog/**");
		assertThat(ChangelogLocationAotProcessor.pattern("classpath*:/migrations/main.yaml"))
			.isEqualTo("migrations/**");
		assertThat(ChangelogLocationAotProcessor.pattern("migrations/main.yaml")).isEqualTo("migrations/**");
		assertThat(ChangelogLocationAotProcessor.pattern("classpath:changelog.yaml")).isEqualTo("changelog.yaml");
	}

	@Test
	void patternIgnoresLocationsOutsideTheClassPath() {
		assertThat(ChangelogLocationAotProcessor.pattern("file:/etc/app/changelog.yaml")).isNull();
		assertThat(ChangelogLocationAotProcessor.pattern("file:db/changelog.yaml")).isNull();
		assertThat(ChangelogLocationAotProcessor.pattern("https://example.com/changelog.yaml")).isNull();
	}

	private static RuntimeHints processAheadOfTime(String... properties) {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context, properties);
			return processAheadOfTime(context);
		}
	}

	private static RuntimeHints processAheadOfTime(GenericApplicationContext context) {
		DefaultGenerationContext generationContext = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get("com.example", "AotTest")), new InMemoryGeneratedFiles());
		new ApplicationContextAotGenerator().processAheadOfTime(context, generationContext);
		return generationContext.getRuntimeHints();
	}

}
