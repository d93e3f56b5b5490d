package io.paig.sample.user;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonProperty.Access;
import io.paig.sample.persistence.BaseEntity;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * A PAIG user, table {@code "user"} (a reserved word, so quoted). Its password is
 * written, hashed, and never read back: it appears in no response body.
 *
 * @author paig-db authors
 */
@Entity
@Table(name = "\"user\"",
		indexes = { @Index(name = "ix_user_id", columnList = "id"),
				@Index(name = "ix_user_username", columnList = "username", unique = true) })
@AttributeOverride(name = "createTime", column = @Column(name = "create_time"))
@AttributeOverride(name = "updateTime", column = @Column(name = "update_time"))
public class User extends BaseEntity {

	@Column(name = "username", nullable = false, length = 255)
	private String username;

	@Column(name = "first_name", nullable = false, length = 255)
	private String firstName;

	@Column(name = "last_name", length = 255)
	private String lastName;

	@Column(name = "email", length = 255)
	private String email;

	@Column(name = "is_tenant_owner", nullable = false, columnDefinition = "boolean")
	private boolean tenantOwner;

	@Column(name = "password", length = 255)
	@JsonProperty(access = Access.WRITE_ONLY)
	private String password;

	@Column(name = "session_token", length = 255)
	@JsonProperty(access = Access.WRITE_ONLY)
	private String sessionToken;

	/**
	 * The login name, unique.
	 * @return the username
	 */
	public String getUsername() {
		return this.username;
	}

	/**
	 * Set the login name.
	 * @param username the username
	 */
	public void setUsername(String username) {
		this.username = username;
	}

	/**
	 * The first name.
	 * @return the first name
	 */
	public String getFirstName() {
		return this.firstName;
	}

	/**
	 * Set the first name.
	 * @param firstName the first name
	 */
	public void setFirstName(String firstName) {
		this.firstName = firstName;
	}

	/**
	 * The last name.
	 * @return the last name, or {@code null}
	 */
	public String getLastName() {
		return this.lastName;
	}

	/**
	 * Set the last name.
	 * @param lastName the last name
	 */
	public void setLastName(String lastName) {
		this.lastName = lastName;
	}

	/**
	 * The e-mail address.
	 * @return the address, or {@code null}
	 */
	public String getEmail() {
		return this.email;
	}

	/**
	 * Set the e-mail address.
	 * @param email the address
	 */
	public void setEmail(String email) {
		this.email = email;
	}

	/**
	 * Whether the user owns the tenant (column {@code is_tenant_owner}).
	 * @return whether the user owns the tenant
	 */
	public boolean isTenantOwner() {
		return this.tenantOwner;
	}

	/**
	 * Set whether the user owns the tenant.
	 * @param tenantOwner whether the user owns the tenant
	 */
	public void setTenantOwner(boolean tenantOwner) {
		this.tenantOwner = tenantOwner;
	}

	/**
	 * The stored password hash; never serialized.
	 * @return the hash, or {@code null}
	 */
	public String getPassword() {
		return this.password;
	}

	/**
	 * Set the password; the controller hashes it before it is stored.
	 * @param password the password or its hash
	 */
	public void setPassword(String password) {
		this.password = password;
	}

	/**
	 * The session token; never serialized.
	 * @return the token, or {@code null}
	 */
	public String getSessionToken() {
		return this.sessionToken;
	}

	/**
	 * Set the session token.
	 * @param sessionToken the token
	 */
	public void setSessionToken(String sessionToken) {
		this.sessionToken = sessionToken;
	}

}
