package io.paig.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.paig.db.migration.runner.LockHolding;
import io.paig.db.migration.runner.MigrationRunner;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/migrations}, health and metrics of the sample app over real HTTP, as
 * its history grows, fails and is migrated by another instance; run against each database
 * by a subclass. The changelog is a copy of the sample's in a folder the tests add
 * revisions to.
 * <p>
 * The context is closed after each class: the class's database is dropped with it, and a
 * cached context would keep a pool trying to reach it.
 *
 * @author paig-db authors
 */
@DirtiesContext
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"database.migration.endpoint.write-enabled=true",
		"management.endpoints.web.exposure.include=health,liquibase,metrics,migrations,prometheus,env,configprops",
		"management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always" })
@AutoConfigureTestRestTemplate
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class AbstractSampleMigrationsTests {

	/** PAIG's 19 revisions, oldest first. */
	static final List<String> REVISIONS = SampleRevisions.IDS;

	static final String BASE = SampleRevisions.BASE;

	static final String HEAD = SampleRevisions.HEAD;

	/**
	 * A revision the tests add after head; its id shares all but its last character with
	 * head's.
	 */
	static final String ADDED = "1900f97ae686";

	static final String BROKEN = "1900f97ae687";

	@Autowired
	TestRestTemplate rest;

	@Autowired
	MigrationRunner runner;

	@Autowired
	DataSource dataSource;

	/**
	 * A copy of the sample's changelog in a folder of its own.
	 * @param folder the folder
	 * @return the location to give database.migration.changelog
	 */
	static String copyChangelog(Path folder) {
		String location = "file:" + folder.resolve("db.changelog-master.yaml");
		if (Files.exists(folder.resolve("db.changelog-master.yaml"))) {
			// read again (by /actuator/env, say): the copy, and the revisions the tests
			// added to it, stay
			return location;
		}
		try {
			Path source = Path.of(System.getProperty("basedir", "."), "src/main/resources/db/changelog");
			try (var files = Files.walk(source)) {
				for (Path file : files.filter(Files::isRegularFile).toList()) {
					Path target = folder.resolve(source.relativize(file).toString());
					Files.createDirectories(target.getParent());
					Files.copy(file, target);
				}
			}
			return location;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The changelog folder of this test class.
	 * @return the folder
	 */
	abstract Path changelogFolder();

	/**
	 * The password in this class's database URL, which must appear nowhere; {@code null}
	 * when it has none.
	 * @return the password
	 */
	abstract String password();

	void addRevision(String id, String parent, String message, String changeSets) throws IOException {
		Path folder = changelogFolder();
		String file = "revisions/" + id + ".yaml";
		Files.writeString(folder.resolve(file), "revision:\n  id: " + id + "\n  parent: " + parent + "\n  message: "
				+ message + "\ndatabaseChangeLog:\n" + changeSets);
		Path master = folder.resolve("db.changelog-master.yaml");
		Files.writeString(master, Files.readString(master) + "  - include:\n      file: " + file
				+ "\n      relativeToChangelogFile: true\n");
	}

	Map<String, Object> migrations() {
		ResponseEntity<Map<String, Object>> response = this.rest.exchange("/actuator/migrations",
				org.springframework.http.HttpMethod.GET, null, new ParameterizedTypeReference<>() {
				});
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	static List<String> newestFirst() {
		List<String> revisions = new ArrayList<>(REVISIONS);
		Collections.reverse(revisions);
		return revisions;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> list(Object value) {
		return (List<Map<String, Object>>) value;
	}

	@Test
	@Order(1)
	void documentTellsWhereTheDatabaseStandsAtHead() {
		Map<String, Object> document = migrations();
		assertThat(document.get("status")).isEqualTo("UP_TO_DATE");
		assertThat(map(document.get("current"))).containsEntry("id", HEAD)
			.containsEntry("message", "Added config_history_id colun in eval model");
		assertThat(map(document.get("head"))).containsEntry("id", HEAD);
		assertThat(list(document.get("pending"))).isEmpty();
		// newest first, as 'db history' lists them
		List<Map<String, Object>> applied = list(document.get("applied"));
		assertThat(applied).extracting((revision) -> revision.get("id")).containsExactlyElementsOf(newestFirst());
		assertThat(applied).allSatisfy((revision) -> assertThat(revision).containsEntry("applied", true));
		Map<String, Object> base = applied.get(applied.size() - 1);
		assertThat(base).containsEntry("message", "Initial migrations");
		Map<String, Object> first = list(base.get("changeSets")).get(0);
		assertThat(first).containsEntry("id", BASE + "-1")
			.containsEntry("author", "paig-db")
			.containsEntry("execType", "EXECUTED")
			.containsEntry("order", 1)
			.containsKeys("checksum", "deploymentId", "executedAt", "file");
		List<Map<String, Object>> headChangeSets = list(applied.get(0).get("changeSets"));
		assertThat(headChangeSets.get(headChangeSets.size() - 1)).containsEntry("tag", HEAD);
		assertThat(map(document.get("lastRun"))).containsEntry("outcome", "APPLIED")
			.containsEntry("from", "base")
			.containsEntry("to", HEAD)
			.containsEntry("revisions", REVISIONS);
		assertThat(map(document.get("lock"))).containsEntry("held", false);
		assertThat(map(document.get("database")).get("product")).isNotNull();
	}

	@Test
	@Order(1)
	void anotherInstanceMigratingKeepsAnInstanceAtItsHeadReady() throws Exception {
		// a rolling update: the new version migrates while this one, whose revisions are
		// all applied, serves
		try (Connection other = this.dataSource.getConnection()) {
			try (var held = LockHolding.hold(other, this.runner)) {
				Map<String, Object> document = migrations();
				assertThat(document.get("status")).isEqualTo("UP_TO_DATE");
				assertThat(map(document.get("lock"))).containsEntry("held", true);
				assertThat(this.rest.getForEntity("/actuator/health/readiness", String.class).getStatusCode())
					.isEqualTo(HttpStatus.OK);
			}
		}
	}

	@Test
	@Order(2)
	void oneRevisionByPrefixAndUnknownOnesAre404() {
		ResponseEntity<Map<String, Object>> revision = this.rest.exchange(
				"/actuator/migrations/" + HEAD.substring(0, 4), org.springframework.http.HttpMethod.GET, null,
				new ParameterizedTypeReference<>() {
				});
		assertThat(revision.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(revision.getBody()).containsEntry("id", HEAD).containsEntry("reversible", true);
		assertThat(this.rest.getForEntity("/actuator/migrations/ffffffff", String.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	@Order(3)
	void newRevisionIsPendingAndTheInstanceLeavesReadiness() throws Exception {
		addRevision(ADDED, HEAD, "add owner", """
				  - changeSet:
				      id: add-owner
				      author: paig-db
				      changes:
				        - addColumn:
				            tableName: ai_application
				            columns:
				              - column: { name: owner, type: varchar(100) }
				""");
		ResponseEntity<String> ambiguous = this.rest.getForEntity("/actuator/migrations/" + HEAD.substring(0, 11),
				String.class);
		assertThat(ambiguous.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(ambiguous.getBody()).contains(HEAD).contains(ADDED);
		Map<String, Object> document = migrations();
		assertThat(document.get("status")).isEqualTo("PENDING");
		assertThat(list(document.get("pending"))).extracting((revision) -> revision.get("id")).containsExactly(ADDED);
		assertThat(list(list(document.get("pending")).get(0).get("changeSets")).get(0)).containsEntry("executedAt",
				null);
		ResponseEntity<String> readiness = this.rest.getForEntity("/actuator/health/readiness", String.class);
		assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		// Only the migrations contributor can take readiness out of service here: it is a
		// member of the group.
		assertThat(readiness.getBody()).contains("OUT_OF_SERVICE");
		assertThat(this.rest.getForEntity("/actuator/health/liveness", String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(this.rest.getForObject("/actuator/metrics/paig.db.migration.pending", String.class))
			.contains("\"value\":1.0");
	}

	@Test
	@Order(4)
	void upgradeOverHttpAppliesItAndReadinessReturns() {
		ResponseEntity<Map<String, Object>> run = this.rest.exchange("/actuator/migrations/upgrade",
				org.springframework.http.HttpMethod.POST,
				new org.springframework.http.HttpEntity<>(Map.of("target", "head")),
				new ParameterizedTypeReference<>() {
				});
		assertThat(run.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(run.getBody()).containsEntry("outcome", "APPLIED").containsEntry("revisions", List.of(ADDED));
		assertThat(migrations().get("status")).isEqualTo("UP_TO_DATE");
		assertThat(this.rest.getForEntity("/actuator/health/readiness", String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(this.rest.getForObject("/actuator/metrics/paig.db.migration.runs", String.class)).contains("COUNT");
		assertThat(this.rest.getForObject("/actuator/prometheus", String.class))
			.contains("paig_db_migration_runs_seconds_count{outcome=\"applied\"")
			.contains("paig_db_migration_revisions_seconds_count{outcome=\"applied\",revision=\"" + ADDED + "\"}");
	}

	@Test
	@Order(5)
	void failedRunIsReportedAndHealthGoesDown() throws Exception {
		addRevision(BROKEN, ADDED, "broken", """
				  - changeSet:
				      id: broken
				      author: paig-db
				      changes:
				        - sql: { sql: "insert into no_such_table values (1)" }
				""");
		ResponseEntity<Map<String, Object>> run = this.rest.exchange("/actuator/migrations/upgrade",
				org.springframework.http.HttpMethod.POST, new org.springframework.http.HttpEntity<>(Map.of()),
				new ParameterizedTypeReference<>() {
				});
		assertThat(run.getStatusCode().value()).isEqualTo(409);
		assertThat((String) run.getBody().get("problem")).contains(BROKEN + " 'broken' failed in changeset 'broken'");
		Map<String, Object> document = migrations();
		assertThat(document.get("status")).isEqualTo("FAILED");
		assertThat(map(document.get("lastRun"))).containsEntry("outcome", "FAILED");
		assertThat((String) map(document.get("lastRun")).get("error")).containsIgnoringCase("no_such_table");
		ResponseEntity<Map<String, Object>> health = this.rest.exchange("/actuator/health",
				org.springframework.http.HttpMethod.GET, null, new ParameterizedTypeReference<>() {
				});
		Map<String, Object> migrations = map(map(health.getBody().get("components")).get("migrations"));
		assertThat(migrations).containsEntry("status", "DOWN");
		assertThat(map(migrations.get("details"))).containsEntry("state", "FAILED").containsEntry("pending", 1);
	}

	@Test
	@Order(6)
	void downgradeOverHttpRevertsTheNewestRevision() {
		ResponseEntity<Map<String, Object>> run = this.rest.exchange("/actuator/migrations/downgrade",
				org.springframework.http.HttpMethod.POST,
				new org.springframework.http.HttpEntity<>(Map.of("target", "-1")), new ParameterizedTypeReference<>() {
				});
		assertThat(run.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(run.getBody()).containsEntry("outcome", "REVERTED").containsEntry("revisions", List.of(ADDED));
		assertThat(map(migrations().get("current"))).containsEntry("id", HEAD);
	}

	@Test
	@Order(7)
	void lockHeldByAnotherConnectionWhileRevisionsArePendingShowsAsRunning() throws Exception {
		try (Connection other = this.dataSource.getConnection()) {
			try (var held = LockHolding.hold(other, this.runner)) {
				Map<String, Object> document = migrations();
				assertThat(document.get("status")).isEqualTo("RUNNING");
				assertThat(map(document.get("lock"))).containsEntry("held", true);
				assertThat((String) map(document.get("lock")).get("holder")).isNotBlank();
			}
		}
		assertThat(map(migrations().get("lock"))).containsEntry("held", false);
	}

	@Test
	@Order(8)
	void noPasswordInAnyBodyOrLogLine(CapturedOutput output) {
		String password = password();
		Assumptions.assumeTrue(password != null, "this database's URL carries no password to look for");
		for (String path : List.of("/actuator/migrations", "/actuator/migrations/" + HEAD, "/actuator/liquibase",
				"/actuator/health", "/actuator/health/readiness", "/actuator/metrics/paig.db.migration.runs",
				"/actuator/prometheus", "/actuator/env", "/actuator/env/database.password", "/actuator/configprops")) {
			ResponseEntity<String> response = this.rest.getForEntity(path, String.class);
			// health answers 503 while a revision the tests added is pending
			assertThat(response.getStatusCode()).as(path)
				.isIn(path.startsWith("/actuator/health") ? List.of(HttpStatus.OK, HttpStatus.SERVICE_UNAVAILABLE)
						: List.of(HttpStatus.OK));
			assertThat(response.getBody()).as(path).doesNotContain(password);
		}
		assertThat(String.valueOf(map(migrations().get("database")).get("url"))).contains("****");
		assertThat(output.toString()).doesNotContain(password);
		// env and configprops do show values here: what hides the password is paig-db
		assertThat(this.rest.getForObject("/actuator/env/database.migration.changelog", String.class))
			.contains("db.changelog-master.yaml");
	}

}
