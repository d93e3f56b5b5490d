package io.paig.sample;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnDefault;

/**
 * An AI application governed by PAIG.
 *
 * @author paig-db
 */
@Entity
@Table(name = "ai_application", indexes = @Index(name = "ix_ai_application_name", columnList = "name"))
public class AiApplication {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Integer id;

	@Column(nullable = false, length = 255)
	private String name;

	@Column(length = 4000)
	private String description;

	@Column(nullable = false)
	@ColumnDefault("1")
	private int status = 1;

	@Column(name = "create_time", nullable = false)
	private LocalDateTime createTime;

	@Column(name = "update_time", nullable = false)
	private LocalDateTime updateTime;

	@PrePersist
	void created() {
		this.createTime = LocalDateTime.now(java.time.ZoneOffset.UTC);
		this.updateTime = this.createTime;
	}

	@PreUpdate
	void updated() {
		this.updateTime = LocalDateTime.now(java.time.ZoneOffset.UTC);
	}

	public Integer getId() {
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

	public LocalDateTime getCreateTime() {
		return this.createTime;
	}

	public LocalDateTime getUpdateTime() {
		return this.updateTime;
	}

}
