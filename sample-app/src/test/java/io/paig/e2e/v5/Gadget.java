package io.paig.e2e.v5;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The entity of v3 without its index and its foreign key: {@code widget_id} is a plain
 * column. Autogenerate drops the index and the key, and their rollbacks create them
 * again.
 *
 * @author paig-db authors
 */
@Entity
@Table(name = "gadget")
public class Gadget {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Integer id;

	@Column(length = 50)
	private String label;

	@Column(name = "widget_id")
	private Integer widgetId;

}
