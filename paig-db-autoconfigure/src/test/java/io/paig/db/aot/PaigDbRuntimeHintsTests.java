package io.paig.db.aot;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.paig.db.actuate.endpoint.MigrationsEndpoint.Ambiguous;
import io.paig.db.actuate.endpoint.MigrationsEndpoint.ChangeSetDescriptor;
import io.paig.db.actuate.endpoint.MigrationsEndpoint.LastRunDescriptor;
import io.paig.db.actuate.endpoint.MigrationsEndpoint.MigrationsDescriptor;
import io.paig.db.actuate.endpoint.MigrationsEndpoint.RevisionDescriptor;
import io.paig.db.actuate.endpoint.MigrationsEndpointWriteExtension.Problem;
import io.paig.db.autogenerate.ScratchSqliteDialect;
import io.paig.db.hibernate.MariaDbDialectResolver;
import io.paig.db.migration.MigrationSettings;
import io.paig.db.migration.sqlite.SqliteAddColumnChange;
import io.paig.db.migration.sqlite.SqliteDropColumnChange;
import liquibase.change.core.AddForeignKeyConstraintChange;
import liquibase.change.core.CreateTableChange;
import liquibase.sqlgenerator.core.AddColumnGenerator;
import org.hibernate.community.dialect.SQLiteDialect;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PaigDbRuntimeHints}.
 *
 * @author paig-db authors
 */
class PaigDbRuntimeHintsTests {

	private final RuntimeHints hints = registered();

	@Test
	void isRegisteredInAotFactories() {
		assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class))
			.anyMatch(PaigDbRuntimeHints.class::isInstance);
		assertThat(AotServices.factories().load(BeanFactoryInitializationAotProcessor.class))
			.anyMatch(ChangelogLocationAotProcessor.class::isInstance);
	}

	@Test
	void keepsTheChangelogsBelowTheDefaultLocationAndBootsOwn() {
		String master = MigrationSettings.DEFAULT_CHANGELOG.substring("classpath:".length());
		assertThat(master).isEqualTo("db/changelog/db.changelog-master.yaml");
		assertThat(RuntimeHintsPredicates.resource().forResource(master)).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/changelog/revisions/3f2a9c1e7b10_create.yaml"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/changelog/changes/001-init.sql"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/other/db.changelog-master.yaml"))
			.rejects(this.hints);
	}

	@Test
	void keepsTheLiquibaseVersionFileTheUpToDateCheckReads() {
		assertThat(RuntimeHintsPredicates.resource()
			.forResource("META-INF/maven/org.liquibase/liquibase-core/pom.properties")).accepts(this.hints);
	}

	@Test
	void everyServicePaigDbProvidesIsCoveredWithItsProvidersConstructors() throws Exception {
		List<Path> serviceFiles = paigDbServiceFiles();
		assertThat(serviceFiles).isNotEmpty();
		for (Path serviceFile : serviceFiles) {
			String service = serviceFile.getFileName().toString();
			assertThat(PaigDbRuntimeHints.SERVICES).as("service %s in PaigDbRuntimeHints.SERVICES", service)
				.contains(service);
			assertThat(RuntimeHintsPredicates.resource().forResource("META-INF/services/" + service))
				.accepts(this.hints);
			for (String provider : Files.readAllLines(serviceFile)) {
				if (provider.isBlank() || provider.startsWith("#")) {
					continue;
				}
				Class<?> type = Class.forName(provider.strip());
				assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(type.getConstructor()))
					.as("constructor of %s", provider)
					.accepts(this.hints);
			}
		}
	}

	@Test
	void paigDbsLiquibaseChangesCanBeReadAsBeans() {
		for (Class<?> change : List.of(SqliteAddColumnChange.class, SqliteDropColumnChange.class)) {
			assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(change, "getTableName"))
				.accepts(this.hints);
			assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(change, "setTableName"))
				.accepts(this.hints);
		}
	}

	@Test
	void liquibasesOwnServiceProvidersAreCovered() throws Exception {
		assertThat(
				RuntimeHintsPredicates.reflection().onConstructorInvocation(AddColumnGenerator.class.getConstructor()))
			.accepts(this.hints);
		// paig-db's SQLite support reads the table of any change through its getters
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(CreateTableChange.class, "getTableName"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(AddForeignKeyConstraintChange.class, "getBaseTableName")).accepts(this.hints);
	}

	@Test
	void theEndpointsJsonTypesCanBeSerialized() {
		for (Class<?> type : List.of(MigrationsDescriptor.class, RevisionDescriptor.class, ChangeSetDescriptor.class,
				LastRunDescriptor.class, Ambiguous.class, Problem.class)) {
			assertThat(RuntimeHintsPredicates.reflection().onType(type)).as(type.getName()).accepts(this.hints);
		}
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(MigrationsDescriptor.class, "status"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Problem.class, "action")).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(ChangeSetDescriptor.class, "executedAt"))
			.accepts(this.hints);
	}

	@Test
	void classesCreatedByNameCanBeCreated() throws Exception {
		for (Class<?> type : List.of(org.postgresql.Driver.class, com.mysql.cj.jdbc.Driver.class, org.sqlite.JDBC.class,
				SQLiteDialect.class, MariaDbDialectResolver.class, ScratchSqliteDialect.class)) {
			assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(type.getConstructor()))
				.as(type.getName())
				.accepts(this.hints);
		}
	}

	private static RuntimeHints registered() {
		RuntimeHints hints = new RuntimeHints();
		new PaigDbRuntimeHints().registerHints(hints, PaigDbRuntimeHintsTests.class.getClassLoader());
		return hints;
	}

	private static List<Path> paigDbServiceFiles() throws IOException, URISyntaxException {
		Path classes = Path.of(PaigDbRuntimeHints.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		try (Stream<Path> files = Files.list(classes.resolve("META-INF/services"))) {
			return files.sorted().toList();
		}
	}

}
