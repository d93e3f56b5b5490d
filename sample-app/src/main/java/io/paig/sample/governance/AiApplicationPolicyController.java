package io.paig.sample.governance;

import java.util.List;

import io.paig.sample.web.Requests;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads and writes an AI application's policies over HTTP at
 * {@code /api/ai-applications/{id}/policies}.
 *
 * @author paig-db authors
 */
@RestController
@RequestMapping("/api/ai-applications/{applicationId}/policies")
class AiApplicationPolicyController {

	private final AiApplicationRepository applications;

	private final AiApplicationPolicyRepository policies;

	AiApplicationPolicyController(AiApplicationRepository applications, AiApplicationPolicyRepository policies) {
		this.applications = applications;
		this.policies = policies;
	}

	@GetMapping
	List<AiApplicationPolicy> list(@PathVariable int applicationId) {
		return this.policies.findByApplicationId(application(applicationId).getId());
	}

	@GetMapping("/{id}")
	AiApplicationPolicy get(@PathVariable int applicationId, @PathVariable int id) {
		return this.policies.findByIdAndApplicationId(id, applicationId)
			.orElseThrow(() -> Requests.notFound("policy of AI application " + applicationId, id));
	}

	@PostMapping
	ResponseEntity<AiApplicationPolicy> create(@PathVariable int applicationId,
			@RequestBody AiApplicationPolicy policy) {
		Requests.required(policy.getDescription(), "description");
		policy.setApplication(application(applicationId));
		return ResponseEntity.status(HttpStatus.CREATED).body(this.policies.save(policy));
	}

	@PutMapping("/{id}")
	AiApplicationPolicy update(@PathVariable int applicationId, @PathVariable int id,
			@RequestBody AiApplicationPolicy changes) {
		AiApplicationPolicy policy = get(applicationId, id);
		policy.setName(changes.getName());
		policy.setDescription(Requests.required(changes.getDescription(), "description"));
		policy.setUsers(changes.getUsers());
		policy.setGroups(changes.getGroups());
		policy.setRoles(changes.getRoles());
		policy.setTags(changes.getTags());
		policy.setPrompt(changes.getPrompt());
		policy.setReply(changes.getReply());
		policy.setEnrichedPrompt(changes.getEnrichedPrompt());
		policy.setStatus(changes.getStatus());
		return this.policies.save(policy);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable int applicationId, @PathVariable int id) {
		this.policies.delete(get(applicationId, id));
		return ResponseEntity.noContent().build();
	}

	private AiApplication application(int id) {
		return this.applications.findById(id).orElseThrow(() -> Requests.notFound("AI application", id));
	}

}
