package io.paig.db.benchmarks.r2dbcapp;

import reactor.core.publisher.Flux;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists the rows over HTTP.
 *
 * @author paig-db authors
 */
@RestController
class BenchRowController {

	private final BenchRowRepository repository;

	BenchRowController(BenchRowRepository repository) {
		this.repository = repository;
	}

	@GetMapping("/api/items")
	Flux<BenchRow> list() {
		return this.repository.findAll();
	}

}
