package io.paig.db.benchmarks.r2dbcapp;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

/**
 * The rows of the workload's first table, through R2DBC.
 *
 * @author paig-db authors
 */
public interface BenchRowRepository extends ReactiveCrudRepository<BenchRow, Integer> {

}
