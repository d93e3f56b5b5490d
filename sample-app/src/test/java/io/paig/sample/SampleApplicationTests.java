package io.paig.sample;

import java.nio.file.Path;
import java.util.Map;

import io.paig.db.migration.MigrationRun;
import io.paig.db.migration.Revision;
import io.paig.db.migration.runner.MigrationRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app on its default SQLite database, over real HTTP.
 *
 * @author paig-db authors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class SampleApplicationTests {

	@TempDir
	static Path temp;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("database.url", () -> "sqlite:///" + temp.resolve("db/database.db"));
	}

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private MigrationRunner runner;

	@Test
	void readsTheTagsTheRevisionsInsertOverHttp() {
		ResponseEntity<String> tags = this.rest.getForEntity("/api/tags", String.class);
		assertThat(tags.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(tags.getBody()).contains("\"name\":\"TOXIC\"").contains("\"type\":\"SYSTEM_DEFINED\"");
	}

	@Test
	void schemaComesFromTheRevisionsNotFromHibernate() {
		MigrationRun run = this.runner.getLastRun();
		assertThat(run.applied()).extracting(Revision::id).containsExactlyElementsOf(SampleRevisions.IDS);
		assertThat(this.runner.status().isUpToDate()).isTrue();
	}

	@Test
	void writeOperationsAreNotMappedByDefault() {
		MigrationRun before = this.runner.getLastRun();
		ResponseEntity<String> upgrade = this.rest.postForEntity("/actuator/migrations/upgrade", Map.of(),
				String.class);
		ResponseEntity<String> downgrade = this.rest.postForEntity("/actuator/migrations/downgrade",
				Map.of("target", "base"), String.class);
		assertThat(upgrade.getStatusCode().is2xxSuccessful()).isFalse();
		assertThat(downgrade.getStatusCode().is2xxSuccessful()).isFalse();
		assertThat(this.runner.getLastRun()).isSameAs(before);
		assertThat(this.runner.status().getCurrent().id()).isEqualTo(SampleRevisions.HEAD);
	}

	@Test
	void healthIsUp() {
		assertThat(this.rest.getForObject("/actuator/health", String.class)).contains("\"status\":\"UP\"");
	}

}
