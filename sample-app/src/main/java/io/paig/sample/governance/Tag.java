package io.paig.sample.governance;

import io.paig.sample.persistence.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * A tag that policies name, such as {@code EMAIL} or {@code TOXIC}; PAIG's revisions
 * insert 30 {@link TagType#SYSTEM_DEFINED} ones.
 *
 * @author paig-db authors
 */
@Entity
@Table(name = "tag",
		indexes = { @Index(name = "ix_tag_create_time", columnList = "create_time"),
				@Index(name = "ix_tag_id", columnList = "id"),
				@Index(name = "ix_tag_update_time", columnList = "update_time") })
public class Tag extends BaseEntity {

	@Column(name = "name", nullable = false, length = 255)
	private String name;

	@Column(name = "type", nullable = false)
	@Enumerated(EnumType.STRING)
	private TagType type = TagType.USER_DEFINED;

	@Column(name = "description", length = 4000)
	private String description;

	/**
	 * The tag's name.
	 * @return the name
	 */
	public String getName() {
		return this.name;
	}

	/**
	 * Set the tag's name.
	 * @param name the name
	 */
	public void setName(String name) {
		this.name = name;
	}

	/**
	 * Who made the tag.
	 * @return the type
	 */
	public TagType getType() {
		return this.type;
	}

	/**
	 * Set who made the tag.
	 * @param type the type
	 */
	public void setType(TagType type) {
		this.type = type;
	}

	/**
	 * What the tag marks.
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
