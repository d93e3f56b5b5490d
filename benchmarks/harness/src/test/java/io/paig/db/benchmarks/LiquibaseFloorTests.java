package io.paig.db.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LiquibaseFloor}, on SQLite.
 *
 * @author paig-db authors
 */
class LiquibaseFloorTests {

	@TempDir
	Path temp;

	@Test
	void runsEachStatementWithTheHistoryRowLiquibaseWouldRecordForItsChangeSet() throws Exception {
		Workload workload = Workload.generate(this.temp.resolve("workload"), 8);
		Server server = Server.sqlite(Files.createDirectories(this.temp.resolve("databases")));
		server.create("floor");
		Migrations.apply(Tool.LIQUIBASE_FLOOR, server.dataSource("floor"),
				workload.classLoader(getClass().getClassLoader()), workload.statements());
		List<String> rows = new ArrayList<>();
		try (Connection connection = server.connect("floor");
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT ID, FILENAME, ORDEREXECUTED, MD5SUM FROM "
						+ Migrations.HISTORY_TABLE + " ORDER BY ORDEREXECUTED")) {
			while (result.next()) {
				rows.add(result.getString(1) + " " + result.getString(2) + " " + result.getInt(3) + " "
						+ result.getString(4).startsWith("9:"));
			}
			assertThat(count(statement, "SELECT COUNT(*) FROM bench_t00002 WHERE note = 'first row'")).isOne();
		}
		assertThat(rows).hasSize(8)
			.startsWith("be0000000001-1 db/changelog/revisions/be0000000001_bench_t00001.yaml 1 true")
			.endsWith("be0000000002-4 db/changelog/revisions/be0000000002_bench_t00002.yaml 8 true");
	}

	private static long count(Statement statement, String sql) throws Exception {
		try (ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

}
