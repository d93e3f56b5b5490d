package io.paig.db.actuate.endpoint;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import javax.sql.DataSource;

import io.paig.db.actuate.endpoint.LiquibaseHistoryEndpoint.ChangeSetDescriptor;
import io.paig.db.actuate.endpoint.LiquibaseHistoryEndpoint.LiquibaseBeansDescriptor;
import io.paig.db.autoconfigure.PaigDatabaseAutoConfiguration;
import io.paig.db.autoconfigure.PaigLiquibaseEndpointAutoConfiguration;
import io.paig.db.autoconfigure.PaigMigrationAutoConfiguration;
import io.paig.db.migration.runner.MigrationRunner;
import io.paig.db.testsupport.Changelogs;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.autoconfigure.endpoint.jackson.JacksonEndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.jackson.EndpointJsonMapper;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.liquibase.actuate.endpoint.LiquibaseEndpoint;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LiquibaseHistoryEndpoint} on one kind of database: the document is
 * Spring Boot's {@link LiquibaseEndpoint}'s, field for field, read from the history table
 * the runner wrote.
 *
 * @author paig-db authors
 */
abstract class AbstractLiquibaseHistoryEndpointTests {

	static final String NOTES = """
			  - changeSet:
			      id: create-notes
			      author: paig
			      context: dev
			      labels: ops, audit
			      comment: the notes table
			      changes:
			        - createTable:
			            tableName: note
			            columns:
			              - column: { name: id, type: bigint, constraints: { primaryKey: true } }
			              - column: { name: text, type: varchar(200) }
			  - changeSet:
			      id: seed-notes
			      author: paig
			      changes:
			        - insert:
			            tableName: note
			            columns:
			              - column: { name: id, valueNumeric: 1 }
			              - column: { name: text, value: first }
			""";

	static final String TAGS = """
			  - changeSet:
			      id: add-tag
			      author: someone-else
			      changes:
			        - addColumn:
			            tableName: note
			            columns:
			              - column: { name: tag, type: varchar(40) }
			""";

	@TempDir
	Path temp;

	/**
	 * The {@code database.url} of the database under test.
	 * @return the URL
	 */
	abstract String databaseUrl();

	ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PaigDatabaseAutoConfiguration.class,
					DataSourceAutoConfiguration.class, PaigMigrationAutoConfiguration.class,
					PaigLiquibaseEndpointAutoConfiguration.class, JacksonEndpointAutoConfiguration.class))
			.withPropertyValues("database.url=" + databaseUrl(), "management.endpoints.web.exposure.include=liquibase");
	}

	Changelogs twoRevisions() {
		return new Changelogs(this.temp.resolve("changelog")).revision("0a0a0a0a0a01", "create notes", NOTES)
			.revision("0a0a0a0a0a02", "add tag", TAGS);
	}

	@Test
	void listsTheRunnersChangeSetsUnderItsBeanName() {
		runner().withPropertyValues("database.migration.changelog=" + twoRevisions().location()).run((context) -> {
			LiquibaseBeansDescriptor document = context.getBean(LiquibaseHistoryEndpoint.class).liquibaseBeans();
			assertThat(document.contexts()).containsOnlyKeys(context.getId());
			assertThat(document.contexts().get(context.getId()).parentId()).isNull();
			assertThat(document.contexts().get(context.getId()).liquibaseBeans()).containsOnlyKeys("migrationRunner");
			List<ChangeSetDescriptor> changeSets = document.contexts()
				.get(context.getId())
				.liquibaseBeans()
				.get("migrationRunner")
				.changeSets();
			assertThat(changeSets).extracting(ChangeSetDescriptor::id)
				.containsExactly("create-notes", "seed-notes", "add-tag");
			ChangeSetDescriptor createNotes = changeSets.get(0);
			assertThat(createNotes.author()).isEqualTo("paig");
			assertThat(createNotes.changeLog()).endsWith("revisions/0a0a0a0a0a01_create_notes.yaml");
			assertThat(createNotes.comments()).isEqualTo("the notes table");
			assertThat(createNotes.contexts()).containsExactly("dev");
			assertThat(createNotes.labels()).containsExactlyInAnyOrder("ops", "audit");
			assertThat(createNotes.dateExecuted()).isNotNull();
			assertThat(createNotes.deploymentId()).isNotBlank();
			assertThat(createNotes.description()).isEqualTo("createTable tableName=note");
			assertThat(createNotes.execType()).isEqualTo("EXECUTED");
			assertThat(createNotes.checksum()).startsWith("9:");
			assertThat(changeSets).extracting(ChangeSetDescriptor::orderExecuted).containsExactly(1, 2, 3);
			// paig-db tags each revision's last changeset with the revision's id
			assertThat(changeSets).extracting(ChangeSetDescriptor::tag)
				.containsExactly(null, "0a0a0a0a0a01", "0a0a0a0a0a02");
			assertThat(changeSets.get(1).contexts()).isEmpty();
			assertThat(changeSets.get(1).labels()).isEmpty();
		});
	}

	@Test
	void writesWhatSpringBootsEndpointWritesForTheSameHistoryTable() {
		runner().withPropertyValues("database.migration.changelog=" + twoRevisions().location()).run((context) -> {
			JsonMapper mapper = context.getBean(EndpointJsonMapper.class).get();
			JsonNode ours = mapper.valueToTree(context.getBean(LiquibaseHistoryEndpoint.class).liquibaseBeans());
			JsonNode boots = mapper.valueToTree(springBootsDocument(context, springLiquibase(context)));
			assertThat(ours.at("/contexts/" + context.getId() + "/liquibaseBeans/migrationRunner/changeSets"))
				.hasSize(3);
			assertThat(ours).isEqualTo(boots);
		});
	}

	@Test
	void hasSpringBootsFieldsAtEveryLevelNullOrNot() {
		runner().withPropertyValues("database.migration.changelog=" + twoRevisions().location()).run((context) -> {
			// a mapper that keeps nulls: every field is there, whatever its value
			JsonMapper mapper = JsonMapper.builder().build();
			JsonNode ours = mapper.valueToTree(context.getBean(LiquibaseHistoryEndpoint.class).liquibaseBeans());
			JsonNode boots = mapper.valueToTree(springBootsDocument(context, springLiquibase(context)));
			assertThat(fieldPaths(ours, "")).isEqualTo(fieldPaths(boots, ""))
				.contains("/contexts/*/parentId", "/contexts/*/liquibaseBeans/*/changeSets/*/author",
						"/contexts/*/liquibaseBeans/*/changeSets/*/changeLog",
						"/contexts/*/liquibaseBeans/*/changeSets/*/comments",
						"/contexts/*/liquibaseBeans/*/changeSets/*/contexts",
						"/contexts/*/liquibaseBeans/*/changeSets/*/dateExecuted",
						"/contexts/*/liquibaseBeans/*/changeSets/*/deploymentId",
						"/contexts/*/liquibaseBeans/*/changeSets/*/description",
						"/contexts/*/liquibaseBeans/*/changeSets/*/execType",
						"/contexts/*/liquibaseBeans/*/changeSets/*/id",
						"/contexts/*/liquibaseBeans/*/changeSets/*/labels",
						"/contexts/*/liquibaseBeans/*/changeSets/*/checksum",
						"/contexts/*/liquibaseBeans/*/changeSets/*/orderExecuted",
						"/contexts/*/liquibaseBeans/*/changeSets/*/tag");
			JsonNode first = ours.at("/contexts/" + context.getId() + "/liquibaseBeans/migrationRunner/changeSets/0");
			assertThat(first.get("contexts").isArray()).isTrue();
			assertThat(first.get("labels").isArray()).isTrue();
			assertThat(first.get("orderExecuted").isInt()).isTrue();
			assertThat(first.get("dateExecuted").isString()).isTrue();
			assertThat(first.get("tag").isNull()).isTrue();
		});
	}

	@Test
	void readsAHistoryTableOfAnotherName() {
		runner()
			.withPropertyValues("database.migration.changelog=" + twoRevisions().location(),
					"database.migration.changelog-table=PAIG_CHANGELOG",
					"database.migration.changelog-lock-table=PAIG_CHANGELOG_LOCK")
			.run((context) -> {
				JsonMapper mapper = context.getBean(EndpointJsonMapper.class).get();
				LiquibaseBeansDescriptor document = context.getBean(LiquibaseHistoryEndpoint.class).liquibaseBeans();
				assertThat(
						document.contexts().get(context.getId()).liquibaseBeans().get("migrationRunner").changeSets())
					.hasSize(3);
				SpringLiquibase liquibase = springLiquibase(context);
				liquibase.setDatabaseChangeLogTable("PAIG_CHANGELOG");
				liquibase.setDatabaseChangeLogLockTable("PAIG_CHANGELOG_LOCK");
				assertThat((JsonNode) mapper.valueToTree(document))
					.isEqualTo(mapper.valueToTree(springBootsDocument(context, liquibase)));
			});
	}

	@Test
	void isEmptyBeforeTheFirstRunAndCreatesNothing() {
		runner()
			.withPropertyValues("database.migration.changelog=" + twoRevisions().location(),
					"database.migration.on-startup=none")
			.run((context) -> {
				LiquibaseBeansDescriptor document = context.getBean(LiquibaseHistoryEndpoint.class).liquibaseBeans();
				assertThat(
						document.contexts().get(context.getId()).liquibaseBeans().get("migrationRunner").changeSets())
					.isEmpty();
				assertThat(context.getBean(MigrationRunner.class).status().getApplied()).isEmpty();
				assertThat(historyTableExists(context.getBean(DataSource.class))).isFalse();
			});
	}

	@Test
	void showsRevisionsAppliedAfterStartUp() {
		Changelogs changelogs = new Changelogs(this.temp.resolve("changelog")).revision("0a0a0a0a0a01", "create notes",
				NOTES);
		runner().withPropertyValues("database.migration.changelog=" + changelogs.location()).run((context) -> {
			LiquibaseHistoryEndpoint endpoint = context.getBean(LiquibaseHistoryEndpoint.class);
			assertThat(changeSets(endpoint, context)).hasSize(2);
			changelogs.revision("0a0a0a0a0a02", "add tag", TAGS);
			context.getBean(MigrationRunner.class).upgrade();
			assertThat(changeSets(endpoint, context)).extracting(ChangeSetDescriptor::id).endsWith("add-tag");
		});
	}

	static List<ChangeSetDescriptor> changeSets(LiquibaseHistoryEndpoint endpoint,
			AssertableApplicationContext context) {
		return endpoint.liquibaseBeans()
			.contexts()
			.get(context.getId())
			.liquibaseBeans()
			.get("migrationRunner")
			.changeSets();
	}

	abstract boolean historyTableExists(DataSource dataSource) throws Exception;

	/**
	 * A {@link SpringLiquibase} on the runner's DataSource and history table, as Spring
	 * Boot would configure one; never run.
	 * @param context the context
	 * @return the bean
	 */
	SpringLiquibase springLiquibase(AssertableApplicationContext context) {
		SpringLiquibase liquibase = new SpringLiquibase();
		liquibase.setDataSource(context.getBean(MigrationRunner.class).getDataSource());
		return liquibase;
	}

	/**
	 * What Spring Boot's endpoint answers for a context like the one under test: same id,
	 * and the {@link SpringLiquibase} under the runner's bean name.
	 * @param context the context under test
	 * @param liquibase the bean
	 * @return Spring Boot's document
	 */
	static LiquibaseEndpoint.LiquibaseBeansDescriptor springBootsDocument(AssertableApplicationContext context,
			SpringLiquibase liquibase) {
		try (GenericApplicationContext boot = new GenericApplicationContext()) {
			boot.setId(context.getId());
			// a registered singleton is not initialized: nothing runs
			boot.getBeanFactory().registerSingleton("migrationRunner", liquibase);
			boot.refresh();
			return new LiquibaseEndpoint(boot).liquibaseBeans();
		}
	}

	/**
	 * The paths of every field in a document, with {@code *} for map keys and array
	 * indexes.
	 * @param node the document
	 * @param path the path to it
	 * @return the paths
	 */
	static TreeSet<String> fieldPaths(JsonNode node, String path) {
		TreeSet<String> paths = new TreeSet<>();
		if (node.isArray()) {
			node.values().forEach((element) -> paths.addAll(fieldPaths(element, path + "/*")));
		}
		else if (node.isObject()) {
			// the keys of these two are names (context ids, bean names), not fields
			boolean map = path.equals("/contexts") || path.endsWith("/liquibaseBeans");
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				String child = path + "/" + (map ? "*" : field.getKey());
				paths.add(child);
				paths.addAll(fieldPaths(field.getValue(), child));
			}
		}
		return paths;
	}

}
