package io.paig.db.benchmarks.app;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of the workload's first table.
 *
 * @author paig-db authors
 */
@Entity
@Table(name = "bench_t00001")
public class BenchItem {

	@Id
	private Integer id;

	@Column(nullable = false, length = 100)
	private String name;

	@Column(length = 255)
	private String note;

	public Integer getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public String getNote() {
		return this.note;
	}

}
