package io.paig.sample.api;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import io.paig.db.test.FreshDatabase;
import io.paig.sample.user.UserRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The sample's REST endpoints over real HTTP on PAIG's schema as the revisions build it:
 * create, read, update and delete of users, groups and members, AI applications with
 * their configuration and policies, tags (the rows the revisions insert included) and
 * access audits; run against each database by a subclass. What the endpoints cannot show
 * (stored labels, JSON text, cascades, password hashes) is read with SQL or a repository.
 * <p>
 * Each class gets a fresh database at head, cloned from a template that PAIG's revisions
 * built once ({@code @FreshDatabase}), on the server the subclass's {@code database.url}
 * names. The context is closed after each class: the clone is dropped with it, and a
 * cached context would keep a pool trying to reach it.
 *
 * @author paig-db authors
 */
@DirtiesContext
@FreshDatabase
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
abstract class AbstractSampleApiTests {

	private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserRepository users;

	@Test
	void readsTheTagsTheRevisionsInsert() {
		List<Map<String, Object>> seeded = list("/api/tags").stream()
			.filter((tag) -> "SYSTEM_DEFINED".equals(tag.get("type")))
			.toList();
		assertThat(seeded).hasSize(30);
		assertThat(seeded).extracting((tag) -> tag.get("id"))
			.containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 30).boxed().toList());
		assertThat(seeded).allSatisfy((tag) -> {
			assertThat(tag).containsEntry("status", 1);
			assertThat(tag.get("createTime")).isNotNull();
			assertThat(tag.get("updateTime")).isEqualTo(tag.get("createTime"));
		});
		assertThat(seeded).extracting((tag) -> tag.get("name")).contains("EMAIL_ADDRESS", "PERSON", "TOXIC");
		Map<String, Object> toxic = get("/api/tags/30");
		assertThat(toxic).containsEntry("name", "TOXIC").containsEntry("type", "SYSTEM_DEFINED");
		assertThat(utc(toxic.get("createTime"))).isBefore(LocalDateTime.now(ZoneOffset.UTC).plusMinutes(1));
	}

	@Test
	void createsReadsUpdatesAndDeletesTags() {
		Map<String, Object> created = post("/api/tags", Map.of("name", "PROJECT_X", "description", "Project X"));
		assertThat(created).containsEntry("type", "USER_DEFINED").containsEntry("status", 1);
		assertThat((Integer) created.get("id")).isGreaterThan(30);
		String path = "/api/tags/" + created.get("id");
		assertThat(get(path)).containsEntry("name", "PROJECT_X").containsEntry("description", "Project X");
		assertThat(this.jdbc.queryForObject("SELECT type FROM tag WHERE id = ?", String.class, created.get("id")))
			.isEqualTo("USER_DEFINED");
		Map<String, Object> updated = put(path, Map.of("name", "PROJECT_Y", "type", "SYSTEM_DEFINED"));
		assertThat(updated).containsEntry("name", "PROJECT_Y").containsEntry("type", "SYSTEM_DEFINED");
		assertThat(this.jdbc.queryForObject("SELECT type FROM tag WHERE id = ?", String.class, created.get("id")))
			.isEqualTo("SYSTEM_DEFINED");
		assertThat(delete(path)).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(status(HttpMethod.GET, path, null)).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void createsReadsUpdatesAndDeletesApplicationsWithConfigAndPolicies() {
		LocalDateTime before = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
		Map<String, Object> created = post("/api/ai-applications",
				Map.of("name", "chatbot", "description", "Support bot", "vectorDbs", List.of("docs", "faq")));
		assertThat(created).containsEntry("name", "chatbot").containsEntry("status", 1);
		assertThat((String) created.get("applicationKey")).isNotBlank();
		assertThat(utc(created.get("createTime"))).isBetween(before, LocalDateTime.now(ZoneOffset.UTC));
		assertThat(created.get("updateTime")).isEqualTo(created.get("createTime"));
		String path = "/api/ai-applications/" + created.get("id");
		assertThat(get(path)).containsEntry("vectorDbs", List.of("docs", "faq"))
			.containsEntry("applicationKey", created.get("applicationKey"))
			.containsEntry("createTime", created.get("createTime"));
		Map<String, Object> updated = put(path, Map.of("name", "helpdesk", "guardrails", List.of("pii")));
		assertThat(updated).containsEntry("name", "helpdesk")
			.containsEntry("guardrails", List.of("pii"))
			.containsEntry("applicationKey", created.get("applicationKey"));
		assertThat(utc(updated.get("updateTime"))).isAfterOrEqualTo(utc(created.get("createTime")));

		Map<String, Object> config = put(path + "/config",
				Map.of("allowedUsers", List.of("alice", "bob"), "deniedGroups", List.of("contractors")));
		assertThat(config).containsEntry("applicationId", created.get("id"))
			.containsEntry("allowedUsers", List.of("alice", "bob"));
		assertThat(get(path + "/config")).containsEntry("id", config.get("id"))
			.containsEntry("deniedGroups", List.of("contractors"));
		assertThat(this.jdbc.queryForObject("SELECT allowed_users FROM ai_application_config WHERE id = ?",
				String.class, config.get("id")))
			.isEqualTo("alice,bob");

		Map<String, Object> policy = post(path + "/policies", Map.of("description", "No PII", "prompt", "DENY", "reply",
				"REDACT", "tags", List.of("EMAIL", "PERSON"), "groups", List.of("support")));
		assertThat(policy).containsEntry("applicationId", created.get("id"))
			.containsEntry("prompt", "DENY")
			.containsEntry("enrichedPrompt", null);
		String policyPath = path + "/policies/" + policy.get("id");
		Map<String, Object> changed = put(policyPath,
				Map.of("description", "No PII", "prompt", "ALLOW", "reply", "REDACT", "enrichedPrompt", "DENY"));
		assertThat(changed).containsEntry("prompt", "ALLOW").containsEntry("enrichedPrompt", "DENY");
		Map<String, Object> row = this.jdbc.queryForMap(
				"SELECT prompt, reply, enriched_prompt, tags FROM ai_application_policy WHERE id = ?",
				policy.get("id"));
		assertThat(row.values()).extracting(String::valueOf).containsExactly("ALLOW", "REDACT", "DENY", "null");
		assertThat(list(path + "/policies")).extracting((p) -> p.get("id")).containsExactly(policy.get("id"));
		assertThat(delete(policyPath)).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(status(HttpMethod.GET, policyPath, null)).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(delete(path)).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(status(HttpMethod.GET, path, null)).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void deletingAnApplicationDeletesItsConfigAndPolicies() {
		Map<String, Object> application = post("/api/ai-applications", Map.of("name", "doomed"));
		Object id = application.get("id");
		String path = "/api/ai-applications/" + id;
		put(path + "/config", Map.of("allowedUsers", List.of("alice")));
		post(path + "/policies", Map.of("description", "first", "prompt", "ALLOW"));
		post(path + "/policies", Map.of("description", "second", "reply", "DENY"));
		Map<String, Object> other = post("/api/ai-applications", Map.of("name", "survivor"));
		post("/api/ai-applications/" + other.get("id") + "/policies", Map.of("description", "kept"));
		assertThat(rows("ai_application_policy", id)).isEqualTo(2);
		assertThat(rows("ai_application_config", id)).isEqualTo(1);

		assertThat(delete(path)).isEqualTo(HttpStatus.NO_CONTENT);

		assertThat(rows("ai_application_policy", id)).isZero();
		assertThat(rows("ai_application_config", id)).isZero();
		assertThat(rows("ai_application_policy", other.get("id"))).isEqualTo(1);
		assertThat(status(HttpMethod.GET, path + "/policies", null)).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void createsReadsUpdatesAndDeletesUsersAndGroupsWithMembers() {
		String password = "Pw-" + System.nanoTime();
		ResponseEntity<String> created = this.rest.postForEntity("/api/users",
				Map.of("username", "alice", "firstName", "Alice", "password", password), String.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(created.getBody()).doesNotContain(password).doesNotContain("\"password\"");
		Map<String, Object> alice = get("/api/users/" + id(created.getBody()));
		assertThat(alice).containsEntry("username", "alice")
			.containsEntry("tenantOwner", false)
			.containsEntry("createTime", alice.get("updateTime"))
			.doesNotContainKeys("password", "sessionToken");
		assertThat(this.users.findById((Integer) alice.get("id")).orElseThrow().getPassword())
			.startsWith("pbkdf2_sha256$")
			.doesNotContain(password);
		ResponseEntity<Map<String, Object>> taken = exchange(HttpMethod.POST, "/api/users",
				Map.of("username", "alice", "firstName", "Other"));
		assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(taken.getBody()).containsEntry("detail", "The username 'alice' is taken: choose another one.");
		String userPath = "/api/users/" + alice.get("id");
		Map<String, Object> updated = put(userPath,
				Map.of("username", "alice", "firstName", "Alice", "lastName", "Liddell", "tenantOwner", true));
		assertThat(updated).containsEntry("lastName", "Liddell").containsEntry("tenantOwner", true);
		assertThat(this.users.findById((Integer) alice.get("id")).orElseThrow().getPassword())
			.as("a PUT without a password keeps the stored one")
			.startsWith("pbkdf2_sha256$");

		Map<String, Object> group = post("/api/groups", Map.of("name", "support", "description", "First line"));
		String groupPath = "/api/groups/" + group.get("id");
		assertThat(put(groupPath, Map.of("name", "support", "description", "Second line"))).containsEntry("description",
				"Second line");
		Map<String, Object> member = post(groupPath + "/members", Map.of("userId", alice.get("id")));
		assertThat(member).containsEntry("groupId", group.get("id")).containsEntry("userId", alice.get("id"));
		assertThat(status(HttpMethod.POST, groupPath + "/members", Map.of("userId", alice.get("id"))))
			.as("idx_group_user keeps one membership per group and user")
			.isEqualTo(HttpStatus.CONFLICT);
		assertThat(list(groupPath + "/members")).extracting((m) -> m.get("userId")).containsExactly(alice.get("id"));

		assertThat(delete(userPath)).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(list(groupPath + "/members")).isEmpty();
		assertThat(status(HttpMethod.GET, userPath, null)).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(delete(groupPath)).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(status(HttpMethod.GET, groupPath, null)).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void accessAuditsKeepTheirJsonAndDoubleColumns() {
		Map<String, Object> context = Map.of("shield", Map.of("version", "1.2", "nested", List.of(1, 2)), "flag", true);
		List<Map<String, Object>> messages = List.of(Map.of("role", "user", "text", "hi"),
				Map.of("role", "assistant", "text", "hello"));
		Map<String, Object> audit = post("/api/access-audits",
				Map.of("appName", "chatbot", "userId", "alice", "eventTime", 1712345678.123456, "context", context,
						"messages", messages, "paigPolicyIds", List.of(3, 5), "traits", List.of("EMAIL"),
						"maskedTraits", Map.of("EMAIL", "<<EMAIL>>"), "noOfTokens", 12));
		String path = "/api/access-audits/" + audit.get("id");
		Map<String, Object> read = get(path);
		assertThat(read).containsEntry("context", context)
			.containsEntry("messages", messages)
			.containsEntry("paigPolicyIds", List.of(3, 5))
			.containsEntry("traits", List.of("EMAIL"))
			.containsEntry("maskedTraits", Map.of("EMAIL", "<<EMAIL>>"))
			.containsEntry("noOfTokens", 12)
			.containsEntry("logTime", null);
		assertThat((Double) read.get("eventTime")).isCloseTo(1712345678.123456, within(1e-6));
		String stored = this.jdbc.queryForObject("SELECT paig_policy_ids FROM access_audits WHERE id = ?", String.class,
				audit.get("id"));
		assertThat(stored.replace(" ", "")).isEqualTo("[3,5]");
		assertThat(list("/api/access-audits").get(0)).containsEntry("id", audit.get("id"));
		assertThat(delete(path)).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(status(HttpMethod.GET, path, null)).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void badInputIsAClientErrorThatNamesTheProblem() {
		ResponseEntity<Map<String, Object>> missing = exchange(HttpMethod.POST, "/api/ai-applications",
				Map.of("description", "no name"));
		assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) missing.getBody().get("detail")).contains("'name' is missing");
		ResponseEntity<Map<String, Object>> unknown = exchange(HttpMethod.GET, "/api/ai-applications/999999", null);
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(unknown.getBody()).containsEntry("detail", "There is no AI application with id 999999.");
		Map<String, Object> application = post("/api/ai-applications", Map.of("name", "strict"));
		String path = "/api/ai-applications/" + application.get("id");
		ResponseEntity<Map<String, Object>> noDescription = exchange(HttpMethod.POST, path + "/policies",
				Map.of("prompt", "DENY"));
		assertThat(noDescription.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) noDescription.getBody().get("detail")).contains("'description' is missing");
		ResponseEntity<Map<String, Object>> comma = exchange(HttpMethod.PUT, path + "/config",
				Map.of("allowedUsers", List.of("a,b")));
		assertThat(comma.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) comma.getBody().get("detail")).contains("'a,b'").contains("without commas");
		Map<String, Object> group = post("/api/groups", Map.of("name", "lonely"));
		assertThat(status(HttpMethod.POST, "/api/groups/" + group.get("id") + "/members", Map.of("userId", 999999)))
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	private int rows(String table, Object applicationId) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE application_id = ?", Integer.class,
				applicationId);
	}

	private static LocalDateTime utc(Object time) {
		return LocalDateTime.parse((String) time);
	}

	private static Object id(String body) {
		Matcher matcher = Pattern.compile("\"id\":(\\d+)").matcher(body);
		assertThat(matcher.find()).as(body).isTrue();
		return matcher.group(1);
	}

	private Map<String, Object> get(String path) {
		return expect(HttpMethod.GET, path, null, HttpStatus.OK);
	}

	private Map<String, Object> post(String path, Object body) {
		return expect(HttpMethod.POST, path, body, HttpStatus.CREATED);
	}

	private Map<String, Object> put(String path, Object body) {
		return expect(HttpMethod.PUT, path, body, HttpStatus.OK);
	}

	private HttpStatus delete(String path) {
		return status(HttpMethod.DELETE, path, null);
	}

	private List<Map<String, Object>> list(String path) {
		ResponseEntity<List<Map<String, Object>>> response = this.rest.exchange(path, HttpMethod.GET, null, LIST);
		assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	private Map<String, Object> expect(HttpMethod method, String path, Object body, HttpStatus expected) {
		ResponseEntity<Map<String, Object>> response = exchange(method, path, body);
		assertThat(response.getStatusCode()).as(method + " " + path + ": " + response.getBody()).isEqualTo(expected);
		return response.getBody();
	}

	private HttpStatus status(HttpMethod method, String path, Object body) {
		return HttpStatus
			.valueOf(this.rest.exchange(path, method, (body != null) ? new HttpEntity<>(body) : null, String.class)
				.getStatusCode()
				.value());
	}

	private ResponseEntity<Map<String, Object>> exchange(HttpMethod method, String path, Object body) {
		return this.rest.exchange(path, method, (body != null) ? new HttpEntity<>(body) : null, OBJECT);
	}

}
