package io.paig.db.r2dbc.app;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of the migrated {@code items} table.
 *
 * @param id the key
 * @param name the name
 * @author paig-db authors
 */
@Table("items")
public record Item(@Id Integer id, String name) {

}
