package io.paig.sample.reference;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.io.TempDir;

/**
 * Adopting PAIG's SQLite databases as Alembic left them ({@code middle-sqlite.sql},
 * {@code head-sqlite.sql}).
 *
 * @author paig-db authors
 */
class AlembicAdoptionSqliteTests extends AbstractAlembicAdoptionTests {

	private static final AtomicInteger counter = new AtomicInteger();

	@TempDir
	Path temp;

	private String url;

	@Override
	String url() {
		return this.url;
	}

	@Override
	void reset() {
		this.url = "sqlite:///" + this.temp.resolve("paig-" + counter.incrementAndGet() + ".db");
	}

	@Override
	void loadAlembicDatabase(String revision) throws Exception {
		try (Connection connection = connection()) {
			AlembicDumps.loadSqlite(connection,
					this.reference.file((revision.equals(HEAD) ? "head" : "middle") + "-sqlite.sql"));
		}
	}

	@Override
	CatalogReader catalog() {
		return new CatalogReader.Sqlite();
	}

	@Override
	Schema expectedHead() {
		return this.reference.schema("schema-sqlite.json").withoutForeignKeyNames();
	}

}
