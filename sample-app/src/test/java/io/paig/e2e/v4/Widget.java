package io.paig.e2e.v4;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The entity as in v3, its name now optional (a nullability change SQLite cannot make in
 * place).
 *
 * @author paig-db authors
 */
@Entity
@Table(name = "widget")
public class Widget {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Integer id;

	@Column(length = 100)
	private String name;

	@Column(length = 30)
	private String color;

}
