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
 * Reads and writes tags over HTTP at {@code /api/tags}, the ones PAIG's revisions insert
 * included. New tags are {@link TagType#USER_DEFINED} unless the body says otherwise.
 *
 * @author paig-db authors
 */
@RestController
@RequestMapping("/api/tags")
class TagController {

	private final TagRepository tags;

	TagController(TagRepository tags) {
		this.tags = tags;
	}

	@GetMapping
	List<Tag> list() {
		return this.tags.findAll();
	}

	@GetMapping("/{id}")
	Tag get(@PathVariable int id) {
		return this.tags.findById(id).orElseThrow(() -> Requests.notFound("tag", id));
	}

	@PostMapping
	ResponseEntity<Tag> create(@RequestBody Tag tag) {
		Requests.required(tag.getName(), "name");
		Requests.required(tag.getType(), "type");
		return ResponseEntity.status(HttpStatus.CREATED).body(this.tags.save(tag));
	}

	@PutMapping("/{id}")
	Tag update(@PathVariable int id, @RequestBody Tag changes) {
		Tag tag = get(id);
		tag.setName(Requests.required(changes.getName(), "name"));
		tag.setType(Requests.required(changes.getType(), "type"));
		tag.setDescription(changes.getDescription());
		tag.setStatus(changes.getStatus());
		return this.tags.save(tag);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable int id) {
		this.tags.delete(get(id));
		return ResponseEntity.noContent().build();
	}

}
