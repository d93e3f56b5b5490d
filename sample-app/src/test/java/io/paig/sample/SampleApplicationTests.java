package io.paig.sample;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app on its default SQLite database, over real HTTP.
 *
 * @author paig-db
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "database.url=sqlite:///sample-tests/database.db")
@AutoConfigureTestRestTemplate
class SampleApplicationTests {

	@Autowired
	private TestRestTemplate rest;

	@Test
	void storesAndReadsAiApplicationsOverHttp() {
		ResponseEntity<AiApplication> created = this.rest.postForEntity("/api/ai-applications",
				Map.of("name", "chatbot", "description", "Support bot"), AiApplication.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(created.getBody().getId()).isNotNull();
		AiApplication read = this.rest.getForObject("/api/ai-applications/" + created.getBody().getId(),
				AiApplication.class);
		assertThat(read.getName()).isEqualTo("chatbot");
		assertThat(read.getCreateTime()).isNotNull();
	}

	@Test
	void healthIsUp() {
		assertThat(this.rest.getForObject("/actuator/health", String.class)).contains("\"status\":\"UP\"");
	}

}
