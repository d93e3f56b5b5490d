package io.paig.sample.e2e;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code db} commands end to end on MariaDB.
 *
 * @author paig-db
 */
class DbCommandsMariaDbEndToEndTests extends AbstractDbCommandsEndToEndTests {

	@RegisterExtension
	static final TestDatabase database = TestDatabase.mysql();

	@Override
	String url() {
		return database.url();
	}

	@Override
	void reset() throws Exception {
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
