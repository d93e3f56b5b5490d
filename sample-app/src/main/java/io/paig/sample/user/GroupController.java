package io.paig.sample.user;

import java.util.List;
import java.util.Map;

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
 * Reads and writes groups and their members over HTTP at {@code /api/groups} and
 * {@code /api/groups/{id}/members}.
 *
 * @author paig-db authors
 */
@RestController
@RequestMapping("/api/groups")
class GroupController {

	private final GroupRepository groups;

	private final UserRepository users;

	private final GroupMemberRepository members;

	GroupController(GroupRepository groups, UserRepository users, GroupMemberRepository members) {
		this.groups = groups;
		this.users = users;
		this.members = members;
	}

	@GetMapping
	List<Group> list() {
		return this.groups.findAll();
	}

	@GetMapping("/{id}")
	Group get(@PathVariable int id) {
		return this.groups.findById(id).orElseThrow(() -> Requests.notFound("group", id));
	}

	@PostMapping
	ResponseEntity<Group> create(@RequestBody Group group) {
		unique(Requests.required(group.getName(), "name"), -1);
		return ResponseEntity.status(HttpStatus.CREATED).body(this.groups.save(group));
	}

	@PutMapping("/{id}")
	Group update(@PathVariable int id, @RequestBody Group changes) {
		Group group = get(id);
		group.setName(unique(Requests.required(changes.getName(), "name"), id));
		group.setDescription(changes.getDescription());
		group.setStatus(changes.getStatus());
		return this.groups.save(group);
	}

	private String unique(String name, int id) {
		if (this.groups.existsByNameAndIdNot(name, id)) {
			throw Requests.conflict("The group name '" + name + "' is taken: choose another one.");
		}
		return name;
	}

	@DeleteMapping("/{id}")
	@Transactional
	ResponseEntity<Void> delete(@PathVariable int id) {
		Group group = get(id);
		// group_member's foreign keys have no ON DELETE: the memberships go first
		this.members.deleteByGroupId(group.getId());
		this.groups.delete(group);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/members")
	List<GroupMember> members(@PathVariable int id) {
		return this.members.findByGroupId(get(id).getId());
	}

	@PostMapping("/{id}/members")
	ResponseEntity<GroupMember> addMember(@PathVariable int id, @RequestBody Map<String, Integer> body) {
		Group group = get(id);
		Integer userId = Requests.required(body.get("userId"), "userId");
		User user = this.users.findById(userId).orElseThrow(() -> Requests.notFound("user", userId));
		if (this.members.findByGroupIdAndUserId(group.getId(), userId).isPresent()) {
			throw Requests.conflict("User " + userId + " is a member of group " + id + " already.");
		}
		return ResponseEntity.status(HttpStatus.CREATED).body(this.members.save(new GroupMember(group, user)));
	}

	@DeleteMapping("/{id}/members/{userId}")
	ResponseEntity<Void> removeMember(@PathVariable int id, @PathVariable int userId) {
		GroupMember member = this.members.findByGroupIdAndUserId(id, userId)
			.orElseThrow(() -> Requests.notFound("membership of user " + userId + " in a group", id));
		this.members.delete(member);
		return ResponseEntity.noContent().build();
	}

}
