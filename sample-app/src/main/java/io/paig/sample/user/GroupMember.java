package io.paig.sample.user;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.paig.sample.persistence.BaseEntity;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A user's membership of a group, table {@code group_member}: one row per group and user
 * ({@code idx_group_user}). Its foreign keys have no ON DELETE: a user or group with
 * members is deleted after its memberships.
 *
 * @author paig-db authors
 */
@Entity
@Table(name = "group_member",
		indexes = { @Index(name = "idx_group_user", columnList = "group_id, user_id", unique = true),
				@Index(name = "ix_group_member_group_id", columnList = "group_id"),
				@Index(name = "ix_group_member_id", columnList = "id"),
				@Index(name = "ix_group_member_user_id", columnList = "user_id") })
@AttributeOverride(name = "createTime", column = @Column(name = "create_time"))
@AttributeOverride(name = "updateTime", column = @Column(name = "update_time"))
public class GroupMember extends BaseEntity {

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "group_id", nullable = false)
	@JsonIgnore
	private Group group;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "user_id", nullable = false)
	@JsonIgnore
	private User user;

	protected GroupMember() {
	}

	/**
	 * A membership of the user in the group.
	 * @param group the group
	 * @param user the user
	 */
	public GroupMember(Group group, User user) {
		this.group = group;
		this.user = user;
	}

	/**
	 * The group's id.
	 * @return the id
	 */
	public Integer getGroupId() {
		return this.group.getId();
	}

	/**
	 * The user's id.
	 * @return the id
	 */
	public Integer getUserId() {
		return this.user.getId();
	}

}
