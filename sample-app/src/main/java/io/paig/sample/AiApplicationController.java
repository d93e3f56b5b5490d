package io.paig.sample;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads and writes AI applications over HTTP.
 *
 * @author paig-db
 */
@RestController
@RequestMapping("/api/ai-applications")
class AiApplicationController {

	private final AiApplicationRepository repository;

	AiApplicationController(AiApplicationRepository repository) {
		this.repository = repository;
	}

	@GetMapping
	List<AiApplication> list() {
		return this.repository.findAll();
	}

	@GetMapping("/{id}")
	ResponseEntity<AiApplication> get(@PathVariable int id) {
		return ResponseEntity.of(this.repository.findById(id));
	}

	@PostMapping
	ResponseEntity<AiApplication> create(@RequestBody AiApplication application) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.repository.save(application));
	}

}
