package io.paig.db.benchmarks.app;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The rows of the workload's first table.
 *
 * @author paig-db authors
 */
public interface BenchItemRepository extends JpaRepository<BenchItem, Integer> {

}
