package io.paig.db.r2dbc.app;

import reactor.core.publisher.Flux;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists the rows over HTTP.
 *
 * @author paig-db authors
 */
@RestController
class ItemController {

	private final ItemRepository repository;

	ItemController(ItemRepository repository) {
		this.repository = repository;
	}

	@GetMapping("/items")
	Flux<Item> items() {
		return this.repository.findAll();
	}

}
