package io.paig.sample.user;

import java.util.List;

import io.paig.sample.web.Requests;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads and writes users over HTTP at {@code /api/users}. Passwords are hashed before
 * they are stored and never returned.
 *
 * @author paig-db authors
 */
@RestController
@RequestMapping("/api/users")
class UserController {

	private final UserRepository users;

	private final GroupMemberRepository members;

	UserController(UserRepository users, GroupMemberRepository members) {
		this.users = users;
		this.members = members;
	}

	@GetMapping
	List<User> list() {
		return this.users.findAll();
	}

	@GetMapping("/{id}")
	User get(@PathVariable int id) {
		return this.users.findById(id).orElseThrow(() -> Requests.notFound("user", id));
	}

	@PostMapping
	ResponseEntity<User> create(@RequestBody User user) {
		Requests.required(user.getUsername(), "username");
		Requests.required(user.getFirstName(), "firstName");
		unique(user.getUsername(), -1);
		user.setPassword(PasswordHasher.hash(user.getPassword()));
		return ResponseEntity.status(HttpStatus.CREATED).body(this.users.save(user));
	}

	@PutMapping("/{id}")
	User update(@PathVariable int id, @RequestBody User changes) {
		User user = get(id);
		user.setUsername(unique(Requests.required(changes.getUsername(), "username"), id));
		user.setFirstName(Requests.required(changes.getFirstName(), "firstName"));
		user.setLastName(changes.getLastName());
		user.setEmail(changes.getEmail());
		user.setTenantOwner(changes.isTenantOwner());
		user.setStatus(changes.getStatus());
		if (changes.getPassword() != null) {
			user.setPassword(PasswordHasher.hash(changes.getPassword()));
		}
		return this.users.save(user);
	}

	private String unique(String username, int id) {
		if (this.users.existsByUsernameAndIdNot(username, id)) {
			throw Requests.conflict("The username '" + username + "' is taken: choose another one.");
		}
		return username;
	}

	@DeleteMapping("/{id}")
	@Transactional
	ResponseEntity<Void> delete(@PathVariable int id) {
		User user = get(id);
		// group_member's foreign keys have no ON DELETE: the memberships go first
		this.members.deleteByUserId(user.getId());
		this.users.delete(user);
		return ResponseEntity.noContent().build();
	}

}
