package io.paig.db.test.orphan;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * An entity no revision creates.
 *
 * @author paig-db authors
 */
@Entity
public class Orphan {

	@Id
	private Integer id;

}
