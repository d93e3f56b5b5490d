package io.paig.db.r2dbc.app;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

/**
 * The rows of {@code items}, read through R2DBC.
 *
 * @author paig-db authors
 */
public interface ItemRepository extends ReactiveCrudRepository<Item, Integer> {

}
