package io.paig.sample.audit;

import java.util.List;

import io.paig.sample.web.Requests;

import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Writes and reads access audits over HTTP at {@code /api/access-audits}, newest first.
 * An audit is a record of what happened: there is no update.
 *
 * @author paig-db authors
 */
@RestController
@RequestMapping("/api/access-audits")
class AccessAuditController {

	private final AccessAuditRepository audits;

	AccessAuditController(AccessAuditRepository audits) {
		this.audits = audits;
	}

	@GetMapping
	List<AccessAudit> list() {
		return this.audits.findAll(Sort.by(Sort.Direction.DESC, "id"));
	}

	@GetMapping("/{id}")
	AccessAudit get(@PathVariable int id) {
		return this.audits.findById(id).orElseThrow(() -> Requests.notFound("access audit", id));
	}

	@PostMapping
	ResponseEntity<AccessAudit> create(@RequestBody AccessAudit audit) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.audits.save(audit));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable int id) {
		this.audits.delete(get(id));
		return ResponseEntity.noContent().build();
	}

}
