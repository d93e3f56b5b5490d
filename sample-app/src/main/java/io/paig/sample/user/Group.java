package io.paig.sample.user;

import io.paig.sample.persistence.BaseEntity;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * A group of users, table {@code "group"} (a reserved word, so quoted).
 *
 * @author paig-db authors
 */
@Entity
@Table(name = "\"group\"",
		indexes = { @Index(name = "ix_group_id", columnList = "id"),
				@Index(name = "ix_group_name", columnList = "name", unique = true) })
@AttributeOverride(name = "createTime", column = @Column(name = "create_time"))
@AttributeOverride(name = "updateTime", column = @Column(name = "update_time"))
public class Group extends BaseEntity {

	@Column(name = "name", nullable = false, length = 255)
	private String name;

	@Column(name = "description", columnDefinition = "text")
	private String description;

	/**
	 * The group's name, unique.
	 * @return the name
	 */
	public String getName() {
		return this.name;
	}

	/**
	 * Set the group's name.
	 * @param name the name
	 */
	public void setName(String name) {
		this.name = name;
	}

	/**
	 * What the group is for.
	 * @return the description, or {@code null}
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

}
