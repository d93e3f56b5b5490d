package io.paig.db.benchmarks.app;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists the rows over HTTP, as the sample app's controller does.
 *
 * @author paig-db authors
 */
@RestController
class BenchItemController {

	private final BenchItemRepository repository;

	BenchItemController(BenchItemRepository repository) {
		this.repository = repository;
	}

	@GetMapping("/api/items")
	List<BenchItem> list() {
		return this.repository.findAll();
	}

}
