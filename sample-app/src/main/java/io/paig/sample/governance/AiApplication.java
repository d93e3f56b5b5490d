package io.paig.sample.governance;

import java.util.List;

import io.paig.sample.persistence.BaseEntity;
import io.paig.sample.persistence.CommaSeparatedListConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * An AI application governed by PAIG, table {@code ai_application}. Its configuration and
 * policies refer to it with ON DELETE CASCADE: deleting it deletes them.
 *
 * @author paig-db authors
 */
@Entity
@Table(name = "ai_application",
		indexes = { @Index(name = "ix_ai_application_create_time", columnList = "create_time"),
				@Index(name = "ix_ai_application_id", columnList = "id"),
				@Index(name = "ix_ai_application_update_time", columnList = "update_time") })
public class AiApplication extends BaseEntity {

	@Column(name = "name", nullable = false, length = 255)
	private String name;

	@Column(name = "description", length = 4000)
	private String description;

	@Column(name = "vector_dbs", length = 255)
	@Convert(converter = CommaSeparatedListConverter.class)
	private List<String> vectorDbs;

	@Column(name = "application_key", nullable = false, length = 255)
	private String applicationKey;

	@Column(name = "guardrail_details", length = 255)
	private String guardrailDetails;

	@Column(name = "guardrails", length = 255)
	@Convert(converter = CommaSeparatedListConverter.class)
	private List<String> guardrails;

	/**
	 * The application's name.
	 * @return the name
	 */
	public String getName() {
		return this.name;
	}

	/**
	 * Set the application's name.
	 * @param name the name
	 */
	public void setName(String name) {
		this.name = name;
	}

	/**
	 * What the application does.
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

	/**
	 * The names of the vector databases the application uses (a comma-separated column).
	 * @return the names, or {@code null}
	 */
	public List<String> getVectorDbs() {
		return this.vectorDbs;
	}

	/**
	 * Set the vector databases.
	 * @param vectorDbs the names
	 */
	public void setVectorDbs(List<String> vectorDbs) {
		this.vectorDbs = vectorDbs;
	}

	/**
	 * The key PAIG's shield knows the application by.
	 * @return the key
	 */
	public String getApplicationKey() {
		return this.applicationKey;
	}

	/**
	 * Set the application key.
	 * @param applicationKey the key
	 */
	public void setApplicationKey(String applicationKey) {
		this.applicationKey = applicationKey;
	}

	/**
	 * The guardrail details, as PAIG keeps them.
	 * @return the details, or {@code null}
	 */
	public String getGuardrailDetails() {
		return this.guardrailDetails;
	}

	/**
	 * Set the guardrail details.
	 * @param guardrailDetails the details
	 */
	public void setGuardrailDetails(String guardrailDetails) {
		this.guardrailDetails = guardrailDetails;
	}

	/**
	 * The names of the guardrails applied (a comma-separated column).
	 * @return the names, or {@code null}
	 */
	public List<String> getGuardrails() {
		return this.guardrails;
	}

	/**
	 * Set the guardrails.
	 * @param guardrails the names
	 */
	public void setGuardrails(List<String> guardrails) {
		this.guardrails = guardrails;
	}

}
