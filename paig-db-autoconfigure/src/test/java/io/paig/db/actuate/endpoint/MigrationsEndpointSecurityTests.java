package io.paig.db.actuate.endpoint;

import java.nio.file.Path;

import io.paig.db.testsupport.Changelogs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The write operations of {@code /actuator/migrations} secured with Spring Security as
 * docs/actuator.md shows ("Protecting the write operations"): reading stays open, an
 * upgrade or downgrade needs the {@code DB_ADMIN} role, and a downgrade to base still
 * needs its confirmation.
 *
 * @author paig-db authors
 */
@SpringBootTest(properties = { "management.endpoints.web.exposure.include=migrations",
		"database.migration.endpoint.write-enabled=true" })
@AutoConfigureMockMvc
class MigrationsEndpointSecurityTests {

	@TempDir
	static Path temp;

	@Autowired
	private MockMvc mvc;

	@BeforeAll
	static void changelog() {
		new Changelogs(temp.resolve("changelog")).revision("aaaa00000001", "create users", """
				  - changeSet:
				      id: users
				      author: test
				      changes:
				        - createTable:
				            tableName: users
				            columns:
				              - column: { name: id, type: int }
				""").revision("aaaa00000002", "create tags", """
				  - changeSet:
				      id: tags
				      author: test
				      changes:
				        - createTable:
				            tableName: tags
				            columns:
				              - column: { name: id, type: int }
				""");
	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("database.url", () -> "sqlite:///" + temp.resolve("paig.db"));
		registry.add("database.migration.changelog",
				() -> "file:" + temp.resolve("changelog/db.changelog-master.yaml"));
	}

	@Test
	void readingNeedsNoRole() throws Exception {
		this.mvc.perform(get("/actuator/migrations"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP_TO_DATE"));
	}

	@Test
	void writingWithoutCredentialsIsUnauthorized() throws Exception {
		this.mvc
			.perform(post("/actuator/migrations/downgrade").contentType(MediaType.APPLICATION_JSON)
				.content("{\"target\":\"-1\"}"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void writingWithoutTheRoleIsForbidden() throws Exception {
		this.mvc
			.perform(post("/actuator/migrations/downgrade").with(httpBasic("ops", "ops-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"target\":\"-1\"}"))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/actuator/migrations")).andExpect(jsonPath("$.status").value("UP_TO_DATE"));
	}

	@Test
	void theRoleMayUpgradeButADowngradeToBaseStillNeedsItsConfirmation() throws Exception {
		this.mvc
			.perform(post("/actuator/migrations/upgrade").with(httpBasic("admin", "admin-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isOk());
		this.mvc
			.perform(post("/actuator/migrations/downgrade").with(httpBasic("admin", "admin-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"target\":\"-2\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.problem").value(containsString("reaches base")));
		this.mvc.perform(get("/actuator/migrations")).andExpect(jsonPath("$.status").value("UP_TO_DATE"));
	}

	/**
	 * The application: paig-db's auto-configuration with the security configuration of
	 * docs/actuator.md, and two users.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class SecuredApplication {

		@Bean
		SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
			http.securityMatcher(EndpointRequest.toAnyEndpoint())
				.authorizeHttpRequests((requests) -> requests
					.requestMatchers(EndpointRequest.to("migrations").withHttpMethod(HttpMethod.POST))
					.hasRole("DB_ADMIN")
					.requestMatchers(EndpointRequest.to("migrations", "health").withHttpMethod(HttpMethod.GET))
					.permitAll()
					.anyRequest()
					.authenticated())
				.csrf((csrf) -> csrf.ignoringRequestMatchers(EndpointRequest.to("migrations")))
				.httpBasic(Customizer.withDefaults());
			return http.build();
		}

		@Bean
		UserDetailsService users() {
			return new InMemoryUserDetailsManager(
					User.withUsername("ops").password("{noop}ops-secret").roles("OPS").build(),
					User.withUsername("admin").password("{noop}admin-secret").roles("DB_ADMIN").build());
		}

	}

}
