package io.paig.sample.governance;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.paig.sample.persistence.BaseEntity;
import io.paig.sample.persistence.CommaSeparatedListConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/**
 * Who may and may not use an AI application, table {@code ai_application_config}: one row
 * per application, deleted with it (ON DELETE CASCADE).
 *
 * @author paig-db authors
 */
@Entity
@Table(name = "ai_application_config",
		indexes = { @Index(name = "ix_ai_application_config_create_time", columnList = "create_time"),
				@Index(name = "ix_ai_application_config_id", columnList = "id"),
				@Index(name = "ix_ai_application_config_update_time", columnList = "update_time") })
public class AiApplicationConfig extends BaseEntity {

	@Column(name = "allowed_users", length = 255)
	@Convert(converter = CommaSeparatedListConverter.class)
	private List<String> allowedUsers;

	@Column(name = "allowed_groups", length = 255)
	@Convert(converter = CommaSeparatedListConverter.class)
	private List<String> allowedGroups;

	@Column(name = "allowed_roles", length = 255)
	@Convert(converter = CommaSeparatedListConverter.class)
	private List<String> allowedRoles;

	@Column(name = "denied_users", length = 255)
	@Convert(converter = CommaSeparatedListConverter.class)
	private List<String> deniedUsers;

	@Column(name = "denied_groups", length = 255)
	@Convert(converter = CommaSeparatedListConverter.class)
	private List<String> deniedGroups;

	@Column(name = "denied_roles", length = 255)
	@Convert(converter = CommaSeparatedListConverter.class)
	private List<String> deniedRoles;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "application_id", nullable = false,
			foreignKey = @ForeignKey(name = "fk_ai_application_config_application_id"))
	@OnDelete(action = OnDeleteAction.CASCADE)
	@JsonIgnore
	private AiApplication application;

	/**
	 * The id of the application this configures.
	 * @return the id
	 */
	public Integer getApplicationId() {
		return (this.application != null) ? this.application.getId() : null;
	}

	/**
	 * Set the application this configures.
	 * @param application the application
	 */
	public void setApplication(AiApplication application) {
		this.application = application;
	}

	/**
	 * Users allowed to use the application.
	 * @return the user names, or {@code null}
	 */
	public List<String> getAllowedUsers() {
		return this.allowedUsers;
	}

	/**
	 * Set the users allowed.
	 * @param allowedUsers the user names
	 */
	public void setAllowedUsers(List<String> allowedUsers) {
		this.allowedUsers = allowedUsers;
	}

	/**
	 * Groups allowed to use the application.
	 * @return the group names, or {@code null}
	 */
	public List<String> getAllowedGroups() {
		return this.allowedGroups;
	}

	/**
	 * Set the groups allowed.
	 * @param allowedGroups the group names
	 */
	public void setAllowedGroups(List<String> allowedGroups) {
		this.allowedGroups = allowedGroups;
	}

	/**
	 * Roles allowed to use the application.
	 * @return the role names, or {@code null}
	 */
	public List<String> getAllowedRoles() {
		return this.allowedRoles;
	}

	/**
	 * Set the roles allowed.
	 * @param allowedRoles the role names
	 */
	public void setAllowedRoles(List<String> allowedRoles) {
		this.allowedRoles = allowedRoles;
	}

	/**
	 * Users denied the application.
	 * @return the user names, or {@code null}
	 */
	public List<String> getDeniedUsers() {
		return this.deniedUsers;
	}

	/**
	 * Set the users denied.
	 * @param deniedUsers the user names
	 */
	public void setDeniedUsers(List<String> deniedUsers) {
		this.deniedUsers = deniedUsers;
	}

	/**
	 * Groups denied the application.
	 * @return the group names, or {@code null}
	 */
	public List<String> getDeniedGroups() {
		return this.deniedGroups;
	}

	/**
	 * Set the groups denied.
	 * @param deniedGroups the group names
	 */
	public void setDeniedGroups(List<String> deniedGroups) {
		this.deniedGroups = deniedGroups;
	}

	/**
	 * Roles denied the application.
	 * @return the role names, or {@code null}
	 */
	public List<String> getDeniedRoles() {
		return this.deniedRoles;
	}

	/**
	 * Set the roles denied.
	 * @param deniedRoles the role names
	 */
	public void setDeniedRoles(List<String> deniedRoles) {
		this.deniedRoles = deniedRoles;
	}

}
