package io.paig.sample.governance;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.paig.sample.persistence.BaseEntity;
import io.paig.sample.persistence.CommaSeparatedListConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/**
 * What an AI application does with prompts and replies for some users, groups, roles and
 * tags, table {@code ai_application_policy}; deleted with its application (ON DELETE
 * CASCADE). The three permission columns share PostgreSQL's enum type
 * {@code permissiontype}.
 *
 * @author paig-db authors
 */
@Entity
@Table(name = "ai_application_policy",
		indexes = { @Index(name = "ix_ai_application_policy_create_time", columnList = "create_time"),
				@Index(name = "ix_ai_application_policy_id", columnList = "id"),
				@Index(name = "ix_ai_application_policy_update_time", columnList = "update_time") })
public class AiApplicationPolicy extends BaseEntity {

	@Column(name = "name", length = 255)
	private String name;

	@Column(name = "description", nullable = false, length = 4000)
	private String description;

	@Column(name = "users", length = 1024)
	@Convert(converter = CommaSeparatedListConverter.class)
	private List<String> users;

	@Column(name = "\"groups\"", length = 1024)
	@Convert(converter = CommaSeparatedListConverter.class)
	private List<String> groups;

	@Column(name = "roles", length = 1024)
	@Convert(converter = CommaSeparatedListConverter.class)
	private List<String> roles;

	@Column(name = "tags", length = 1024)
	@Convert(converter = CommaSeparatedListConverter.class)
	private List<String> tags;

	@Column(name = "prompt")
	@Enumerated(EnumType.STRING)
	private PermissionType prompt;

	@Column(name = "reply")
	@Enumerated(EnumType.STRING)
	private PermissionType reply;

	@Column(name = "enriched_prompt")
	@Enumerated(EnumType.STRING)
	private PermissionType enrichedPrompt;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "application_id", nullable = false,
			foreignKey = @ForeignKey(name = "fk_ai_application_policy_application_id"))
	@OnDelete(action = OnDeleteAction.CASCADE)
	@JsonIgnore
	private AiApplication application;

	/**
	 * The id of the application this policy belongs to.
	 * @return the id
	 */
	public Integer getApplicationId() {
		return (this.application != null) ? this.application.getId() : null;
	}

	/**
	 * Set the application this policy belongs to.
	 * @param application the application
	 */
	public void setApplication(AiApplication application) {
		this.application = application;
	}

	/**
	 * The policy's name.
	 * @return the name, or {@code null}
	 */
	public String getName() {
		return this.name;
	}

	/**
	 * Set the policy's name.
	 * @param name the name
	 */
	public void setName(String name) {
		this.name = name;
	}

	/**
	 * What the policy is for.
	 * @return the description
	 */
	public String getDescription() {
		return this.description;
	}

	/**
	 * Set the description.
	 * @param description the description
	 */
	public void setDescription(String description) {
		this.description = description;
	}

	/**
	 * The users the policy applies to.
	 * @return the user names, or {@code null}
	 */
	public List<String> getUsers() {
		return this.users;
	}

	/**
	 * Set the users.
	 * @param users the user names
	 */
	public void setUsers(List<String> users) {
		this.users = users;
	}

	/**
	 * The groups the policy applies to.
	 * @return the group names, or {@code null}
	 */
	public List<String> getGroups() {
		return this.groups;
	}

	/**
	 * Set the groups.
	 * @param groups the group names
	 */
	public void setGroups(List<String> groups) {
		this.groups = groups;
	}

	/**
	 * The roles the policy applies to.
	 * @return the role names, or {@code null}
	 */
	public List<String> getRoles() {
		return this.roles;
	}

	/**
	 * Set the roles.
	 * @param roles the role names
	 */
	public void setRoles(List<String> roles) {
		this.roles = roles;
	}

	/**
	 * The tags the policy acts on.
	 * @return the tag names, or {@code null}
	 */
	public List<String> getTags() {
		return this.tags;
	}

	/**
	 * Set the tags.
	 * @param tags the tag names
	 */
	public void setTags(List<String> tags) {
		this.tags = tags;
	}

	/**
	 * What happens to a prompt.
	 * @return the permission, or {@code null}
	 */
	public PermissionType getPrompt() {
		return this.prompt;
	}

	/**
	 * Set what happens to a prompt.
	 * @param prompt the permission
	 */
	public void setPrompt(PermissionType prompt) {
		this.prompt = prompt;
	}

	/**
	 * What happens to a reply.
	 * @return the permission, or {@code null}
	 */
	public PermissionType getReply() {
		return this.reply;
	}

	/**
	 * Set what happens to a reply.
	 * @param reply the permission
	 */
	public void setReply(PermissionType reply) {
		this.reply = reply;
	}

	/**
	 * What happens to an enriched prompt.
	 * @return the permission, or {@code null}
	 */
	public PermissionType getEnrichedPrompt() {
		return this.enrichedPrompt;
	}

	/**
	 * Set what happens to an enriched prompt.
	 * @param enrichedPrompt the permission
	 */
	public void setEnrichedPrompt(PermissionType enrichedPrompt) {
		this.enrichedPrompt = enrichedPrompt;
	}

}
