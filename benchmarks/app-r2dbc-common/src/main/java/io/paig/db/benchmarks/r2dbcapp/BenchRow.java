package io.paig.db.benchmarks.r2dbcapp;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of the workload's first table.
 *
 * @param id the key
 * @param name the name
 * @param note the note
 * @author paig-db authors
 */
@Table("bench_t00001")
public record BenchRow(@Id Integer id, String name, String note) {

}
