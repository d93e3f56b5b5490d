package io.paig.e2e.v4;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/**
 * The entity as in v3, its foreign key now {@code ON DELETE CASCADE} (a change SQLite
 * cannot make in place).
 *
 * @author paig-db authors
 */
@Entity
@Table(name = "gadget", indexes = @Index(name = "ix_gadget_label", columnList = "label"))
public class Gadget {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Integer id;

	@Column(length = 50)
	private String label;

	@ManyToOne
	@OnDelete(action = OnDeleteAction.CASCADE)
	@JoinColumn(name = "widget_id", foreignKey = @ForeignKey(name = "fk_gadget_widget"))
	private Widget widget;

}
