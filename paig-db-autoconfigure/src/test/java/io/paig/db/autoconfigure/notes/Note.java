package io.paig.db.autoconfigure.notes;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * An entity whose table only migrations create.
 *
 * @author paig-db authors
 */
@Entity
public class Note {

	@Id
	private Long id;

	private String text;

	protected Note() {
	}

	public Note(Long id, String text) {
		this.id = id;
		this.text = text;
	}

	public Long getId() {
		return this.id;
	}

	public String getText() {
		return this.text;
	}

}
