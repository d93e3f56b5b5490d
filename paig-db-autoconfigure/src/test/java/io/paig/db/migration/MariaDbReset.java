package io.paig.db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.paig.db.testsupport.TestDatabase;

/**
 * Empties a MariaDB test database between tests.
 *
 * @author paig-db
 */
final class MariaDbReset {

	private MariaDbReset() {
	}

	static void dropAllTables(TestDatabase database) throws Exception {
		try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
			List<String> tables = new ArrayList<>();
			try (ResultSet result = statement.executeQuery("SHOW TABLES")) {
				while (result.next()) {
					tables.add(result.getString(1));
				}
			}
			statement.execute("SET FOREIGN_KEY_CHECKS = 0");
			for (String table : tables) {
				statement.execute("DROP TABLE `" + table + "`");
			}
		}
	}

}
