package io.paig.admin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.jayway.jsonpath.JsonPath;
import io.paig.db.migration.runner.MigrationRunner;
import io.paig.sample.SampleApplication;
import io.paig.sample.SampleRevisions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app registered with a real Spring Boot Admin server: the server's "Database
 * Migrations" view reads {@code /actuator/liquibase}, which paig-db keeps in Spring
 * Boot's shape, and its Environment view, showing values, holds no database password.
 * Both run on loopback, on random ports, in this JVM.
 *
 * @author paig-db authors
 */
class SpringBootAdminTests {

	private static final Duration REGISTRATION_TIMEOUT = Duration.ofSeconds(20);

	private static final String PASSWORD = "AdminView-S3cret-7";

	/**
	 * The {@code Accept} header of Spring Boot Admin's UI for actuator requests. With
	 * plain {@code application/json} alone the application answers in that type, and the
	 * server takes the response for a Spring Boot 1 endpoint that it must convert.
	 */
	private static final String ACTUATOR_TYPES = "application/vnd.spring-boot.actuator.v3+json,"
			+ "application/vnd.spring-boot.actuator.v2+json,application/vnd.spring-boot.actuator.v1+json,"
			+ "application/json";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@TempDir
	Path temp;

	@Test
	void adminServerReadsTheSamplesChangeSetsThroughActuatorLiquibaseAndNoPasswordInItsEnvironment() throws Exception {
		try (ConfigurableApplicationContext admin = AdminServerApplication.start("--server.port=0")) {
			String adminUrl = "http://127.0.0.1:" + port(admin);
			try (ConfigurableApplicationContext sample = new SpringApplicationBuilder(SampleApplication.class).run(
					"--server.port=0", "--server.address=127.0.0.1",
					"--database.url=sqlite:///" + this.temp.resolve("db/database.db"),
					"--spring.boot.admin.client.url=" + adminUrl,
					// the URL the server calls back on: the loopback address the sample
					// listens on
					"--spring.boot.admin.client.instance.service-host-type=IP",
					// the Environment view showing values, and a password (which SQLite
					// ignores) in the environment
					"--management.endpoints.web.exposure.include=health,info,liquibase,migrations,env",
					"--management.endpoint.env.show-values=always", "--database.password=" + PASSWORD)) {
				String id = awaitUpWithLiquibase(adminUrl, "paig-db-sample");
				String proxied = get(adminUrl + "/instances/" + id + "/actuator/liquibase", ACTUATOR_TYPES);
				List<Map<String, Object>> changeSets = JsonPath.read(proxied,
						"$.contexts['paig-db-sample'].liquibaseBeans.migrationRunner.changeSets");
				MigrationRunner runner = sample.getBean(MigrationRunner.class);
				// every row of the sample's history table, in order
				assertThat(changeSets).hasSize(runner.status().getApplied().size()).hasSizeGreaterThan(19);
				assertThat(changeSets).extracting((changeSet) -> changeSet.get("id"))
					.containsExactlyElementsOf(runner.status().getApplied().stream().map((row) -> row.id()).toList());
				// each of the 19 revisions tags its last changeset
				assertThat(changeSets.stream().map((changeSet) -> changeSet.get("tag")).filter(Objects::nonNull))
					.containsExactlyElementsOf(SampleRevisions.IDS);
				Map<String, Object> first = changeSets.get(0);
				assertThat(first).containsEntry("id", SampleRevisions.BASE + "-1")
					.containsEntry("author", "paig-db")
					.containsEntry("execType", "EXECUTED")
					.containsEntry("orderExecuted", 1)
					.containsKeys("changeLog", "checksum", "dateExecuted", "deploymentId", "description", "contexts",
							"labels");
				// what the server shows is what the sample serves
				String direct = get("http://127.0.0.1:" + port(sample) + "/actuator/liquibase", ACTUATOR_TYPES);
				JsonMapper json = JsonMapper.builder().build();
				assertThat(json.readTree(proxied)).isEqualTo(json.readTree(direct));
				// the server's Environment view shows values, but not the password
				String environment = get(adminUrl + "/instances/" + id + "/actuator/env", ACTUATOR_TYPES);
				assertThat(environment).doesNotContain(PASSWORD)
					.contains("\"database.password\":{\"value\":\"******\"}");
				assertThat(JsonPath.<List<Object>>read(environment, "$..['spring.application.name'].value"))
					.contains("paig-db-sample");
			}
		}
	}

	/**
	 * Wait until the server lists the application as {@code UP} with the
	 * {@code liquibase} endpoint, which is when its UI shows the Database Migrations
	 * view.
	 * @param adminUrl the server
	 * @param name the application name
	 * @return the instance id
	 * @throws Exception on a failed request or when the time is up
	 */
	private String awaitUpWithLiquibase(String adminUrl, String name) throws Exception {
		long deadline = System.nanoTime() + REGISTRATION_TIMEOUT.toNanos();
		String instances = "[]";
		while (System.nanoTime() < deadline) {
			instances = get(adminUrl + "/instances", "application/json");
			List<String> ready = JsonPath.read(instances, "$[?(@.registration.name == '" + name
					+ "' && @.statusInfo.status == 'UP' && 'liquibase' in @.endpoints[*].id)].id");
			if (!ready.isEmpty()) {
				return ready.get(0);
			}
			Thread.sleep(200);
		}
		throw new AssertionError("Spring Boot Admin did not list " + name + " as UP with its liquibase endpoint within "
				+ REGISTRATION_TIMEOUT + ": " + instances);
	}

	private String get(String url, String accept) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Accept", accept)
			.timeout(Duration.ofSeconds(10))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("GET %s: %s", url, response.body()).isEqualTo(200);
		return response.body();
	}

	private static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

}
