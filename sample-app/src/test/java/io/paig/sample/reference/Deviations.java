package io.paig.sample.reference;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.paig.sample.reference.Schema.Column;
import io.paig.sample.reference.Schema.Table;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the sample deliberately differs from what PAIG's revisions leave behind, because
 * PAIG's result is a bug: each one named, and checked to be in the reference before it is
 * applied, so that a regenerated reference without the artefact fails here instead of
 * silently passing.
 *
 * @author paig-db authors
 */
final class Deviations {

	private Deviations() {
	}

	/**
	 * The PostgreSQL head reference with PAIG's artefacts replaced by the correct form.
	 * <ul>
	 * <li>{@code ea2679878e00} rebuilds {@code eval_target} through a temporary table
	 * ({@code batch_alter_table(recreate='always')}) to make {@code application_id}
	 * nullable, which it already is. On PostgreSQL that leaves {@code eval_target.id}
	 * drawing from {@code _alembic_tmp_eval_target_id_seq}, and no
	 * {@code eval_target_id_seq}. The sample does not rebuild the table: {@code id} keeps
	 * its own {@code eval_target_id_seq}, as every other table.</li>
	 * </ul>
	 * @param reference the PostgreSQL head reference
	 * @return the reference the sample is held to
	 */
	static Schema postgresqlHead(Schema reference) {
		String artefact = "nextval('_alembic_tmp_eval_target_id_seq'::regclass)";
		Table evalTarget = reference.tables().get("eval_target");
		Column id = evalTarget.columns()
			.stream()
			.filter((column) -> column.name().equals("id"))
			.findFirst()
			.orElseThrow();
		assertThat(id.defaultValue()).as("PAIG's artefact in the reference: eval_target.id default")
			.isEqualTo(artefact);
		assertThat(reference.sequences()).as("PAIG's artefact in the reference: sequences")
			.contains("_alembic_tmp_eval_target_id_seq")
			.doesNotContain("eval_target_id_seq");
		List<Column> columns = new ArrayList<>();
		for (Column column : evalTarget.columns()) {
			columns.add((column == id) ? new Column("id", id.type(), id.nullable(),
					"nextval('eval_target_id_seq'::regclass)", id.primaryKey()) : column);
		}
		Map<String, Table> tables = new LinkedHashMap<>(reference.tables());
		tables.put("eval_target", new Table("eval_target", columns, evalTarget.primaryKey(), evalTarget.indexes(),
				evalTarget.uniqueConstraints(), evalTarget.foreignKeys()));
		Set<String> sequences = new HashSet<>(reference.sequences());
		sequences.remove("_alembic_tmp_eval_target_id_seq");
		sequences.add("eval_target_id_seq");
		return new Schema(tables, reference.enums(), sequences);
	}

}
