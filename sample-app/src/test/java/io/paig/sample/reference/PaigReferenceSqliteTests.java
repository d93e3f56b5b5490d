package io.paig.sample.reference;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/**
 * The sample's revisions against PAIG's on SQLite: {@code schema-sqlite.json} and
 * {@code schema-sqlite-middle.json}, without deviations.
 *
 * @author paig-db authors
 */
class PaigReferenceSqliteTests extends AbstractPaigReferenceTests {

	@TempDir
	static Path temp;

	@Override
	String url() {
		return "sqlite:///" + temp.resolve("database.db");
	}

	@Override
	CatalogReader catalog() {
		return new CatalogReader.Sqlite();
	}

	@Override
	Schema expectedHead(ReferenceFiles reference) {
		return reference.schema("schema-sqlite.json").withoutForeignKeyNames();
	}

	@Override
	Schema expectedMiddle(ReferenceFiles reference) {
		return reference.schema("schema-sqlite-middle.json").withoutForeignKeyNames();
	}

	@Override
	String seedRowsFile() {
		return "seed-rows-sqlite.json";
	}

	@Override
	String quote(String table) {
		return "\"" + table + "\"";
	}

}
