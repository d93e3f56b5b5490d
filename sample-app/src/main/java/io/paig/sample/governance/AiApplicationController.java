package io.paig.sample.governance;

import java.util.List;
import java.util.UUID;

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
 * Reads and writes AI applications over HTTP at {@code /api/ai-applications}. Deleting
 * one deletes its configuration and policies: the database does it (ON DELETE CASCADE).
 *
 * @author paig-db authors
 */
@RestController
@RequestMapping("/api/ai-applications")
class AiApplicationController {

	private final AiApplicationRepository applications;

	AiApplicationController(AiApplicationRepository applications) {
		this.applications = applications;
	}

	@GetMapping
	List<AiApplication> list() {
		return this.applications.findAll();
	}

	@GetMapping("/{id}")
	AiApplication get(@PathVariable int id) {
		return this.applications.findById(id).orElseThrow(() -> Requests.notFound("AI application", id));
	}

	@PostMapping
	ResponseEntity<AiApplication> create(@RequestBody AiApplication application) {
		Requests.required(application.getName(), "name");
		if (application.getApplicationKey() == null || application.getApplicationKey().isBlank()) {
			application.setApplicationKey(UUID.randomUUID().toString());
		}
		return ResponseEntity.status(HttpStatus.CREATED).body(this.applications.save(application));
	}

	@PutMapping("/{id}")
	AiApplication update(@PathVariable int id, @RequestBody AiApplication changes) {
		AiApplication application = get(id);
		application.setName(Requests.required(changes.getName(), "name"));
		application.setDescription(changes.getDescription());
		application.setVectorDbs(changes.getVectorDbs());
		application.setGuardrailDetails(changes.getGuardrailDetails());
		application.setGuardrails(changes.getGuardrails());
		application.setStatus(changes.getStatus());
		if (changes.getApplicationKey() != null && !changes.getApplicationKey().isBlank()) {
			application.setApplicationKey(changes.getApplicationKey());
		}
		return this.applications.save(application);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable int id) {
		this.applications.delete(get(id));
		return ResponseEntity.noContent().build();
	}

}
