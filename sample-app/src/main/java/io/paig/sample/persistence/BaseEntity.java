package io.paig.sample.persistence;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonProperty.Access;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import org.hibernate.annotations.FractionalSeconds;

/**
 * The columns every PAIG table shares (PAIG's {@code BaseSQLModel}): an {@code id}
 * counted up by the database, a {@code status} (1 for active) and
 * {@code create_time}/{@code update_time}, set in UTC when a row is inserted and updated.
 * Tables where the times may be null override them with {@code @AttributeOverride}.
 * <p>
 * The times are whole seconds ({@code @FractionalSeconds(0)}): PAIG's {@code DateTime}
 * columns are {@code DATETIME} on MySQL/MariaDB, which keeps no fraction, and
 * {@code timestamp} on PostgreSQL, whose default precision Hibernate cannot be told to
 * leave unsaid on one database only. Seconds match MariaDB's schema exactly, and
 * PostgreSQL's columns hold them as they are.
 *
 * @author paig-db authors
 */
@MappedSuperclass
public abstract class BaseEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	@JsonProperty(access = Access.READ_ONLY)
	private Integer id;

	@Column(name = "status", nullable = false)
	private int status = 1;

	@Column(name = "create_time", nullable = false)
	@FractionalSeconds(0)
	@JsonProperty(access = Access.READ_ONLY)
	private LocalDateTime createTime;

	@Column(name = "update_time", nullable = false)
	@FractionalSeconds(0)
	@JsonProperty(access = Access.READ_ONLY)
	private LocalDateTime updateTime;

	@PrePersist
	void created() {
		this.createTime = now();
		this.updateTime = this.createTime;
	}

	@PreUpdate
	void updated() {
		this.updateTime = now();
	}

	private static LocalDateTime now() {
		// whole seconds, what MariaDB's DATETIME keeps: what is returned is what was
		// stored, on every database
		return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
	}

	/**
	 * The identifier given by the database.
	 * @return the id, {@code null} before the row is inserted
	 */
	public Integer getId() {
		return this.id;
	}

	/**
	 * The status: 1 for active, as PAIG writes it.
	 * @return the status
	 */
	public int getStatus() {
		return this.status;
	}

	/**
	 * Set the status.
	 * @param status the status
	 */
	public void setStatus(int status) {
		this.status = status;
	}

	/**
	 * When the row was inserted, in UTC.
	 * @return the time
	 */
	public LocalDateTime getCreateTime() {
		return this.createTime;
	}

	/**
	 * When the row was last updated, in UTC.
	 * @return the time
	 */
	public LocalDateTime getUpdateTime() {
		return this.updateTime;
	}

}
