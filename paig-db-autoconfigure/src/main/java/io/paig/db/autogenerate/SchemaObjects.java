package io.paig.db.autogenerate;

import java.util.Locale;

import liquibase.structure.DatabaseObject;
import liquibase.structure.core.Column;
import liquibase.structure.core.ForeignKey;
import liquibase.structure.core.Index;
import liquibase.structure.core.PrimaryKey;
import liquibase.structure.core.UniqueConstraint;
import org.jspecify.annotations.Nullable;

/**
 * What Liquibase's schema objects belong to, for the comparisons that leave some tables
 * out.
 *
 * @author paig-db authors
 */
public final class SchemaObjects {

	private SchemaObjects() {
	}

	/**
	 * The table a schema object belongs to: a column's, an index's, a key's; a table's
	 * own name.
	 * @param object the object
	 * @return the table name in lower case, or {@code null} for objects of no table
	 * (schemas, catalogs)
	 */
	public static @Nullable String tableOf(DatabaseObject object) {
		DatabaseObject relation = object;
		if (object instanceof Column column) {
			relation = column.getRelation();
		}
		else if (object instanceof Index index) {
			relation = index.getRelation();
		}
		else if (object instanceof ForeignKey foreignKey) {
			relation = foreignKey.getForeignKeyTable();
		}
		else if (object instanceof UniqueConstraint unique) {
			relation = unique.getRelation();
		}
		else if (object instanceof PrimaryKey primaryKey) {
			relation = primaryKey.getTable();
		}
		else if (object instanceof liquibase.structure.core.Schema
				|| object instanceof liquibase.structure.core.Catalog) {
			return null;
		}
		return (relation != null && relation.getName() != null) ? relation.getName().toLowerCase(Locale.ROOT) : null;
	}

}
