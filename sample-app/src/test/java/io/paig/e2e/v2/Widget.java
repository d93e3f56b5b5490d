package io.paig.e2e.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The entity with a field added: autogenerate must write an addColumn revision for it.
 *
 * @author paig-db authors
 */
@Entity
@Table(name = "widget")
public class Widget {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Integer id;

	@Column(nullable = false, length = 100)
	private String name;

	@Column(length = 30)
	private String color;

}
