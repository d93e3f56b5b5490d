package io.paig.db.r2dbc.app;

import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A bean that reads the database while the context is made, as an application's cache
 * warmer does: with {@code items.count-at-start=true}, it counts the items in its
 * constructor, blocking the thread that makes the beans.
 *
 * @author paig-db authors
 */
@Component
@ConditionalOnProperty("items.count-at-start")
public class ItemsAtStart {

	private final long count;

	/**
	 * Count the items.
	 * @param repository the items
	 */
	public ItemsAtStart(ItemRepository repository) {
		Long counted = repository.count().block();
		this.count = (counted != null) ? counted : -1;
		LogFactory.getLog(ItemsAtStart.class).info("Items while the context was made: " + this.count);
	}

	/**
	 * How many items there were when the bean was made.
	 * @return the count
	 */
	public long count() {
		return this.count;
	}

}
