package io.paig.sample;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

/**
 * An AI application governed by PAIG.
 *
 * @author paig-db
 */
@Entity
@Table(name = "ai_application")
public class AiApplication {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, length = 255)
	private String name;

	@Column(length = 4000)
	private String description;

	@Column(nullable = false)
	private int status = 1;

	@Column(name = "create_time", nullable = false)
	private Instant createTime;

	@Column(name = "update_time", nullable = false)
	private Instant updateTime;

	@PrePersist
	void created() {
		this.createTime = Instant.now();
		this.updateTime = this.createTime;
	}

	@PreUpdate
	void updated() {
		this.updateTime = Instant.now();
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public int getStatus() {
		return this.status;
	}

	public void setStatus(int status) {
		this.status = status;
	}

	public Instant getCreateTime() {
		return this.createTime;
	}

	public Instant getUpdateTime() {
		return this.updateTime;
	}

}
