package io.paig.e2e.v5;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The entity of v3 without its {@code NOT NULL} field {@code name}: autogenerate drops
 * the column, and its rollback adds it back as it was.
 *
 * @author paig-db authors
 */
@Entity
@Table(name = "widget")
public class Widget {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Integer id;

	@Column(length = 30)
	private String color;

}
