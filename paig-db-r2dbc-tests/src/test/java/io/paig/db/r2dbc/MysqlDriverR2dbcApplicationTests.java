package io.paig.db.r2dbc;

import java.sql.Connection;
import java.util.List;

import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reactive application on io.asyncer's R2DBC MySQL driver (a {@code mysql://} URL,
 * with MariaDB's driver on the class path too), against MariaDB.
 *
 * @author paig-db authors
 */
class MysqlDriverR2dbcApplicationTests extends AbstractR2dbcApplicationTests {

	@RegisterExtension
	static final TestDatabase database = TestDatabase.mysql();

	@Override
	TestDatabase database() {
		return database;
	}

	@Override
	String databaseUrl() {
		return database.url("mysql+aiomysql");
	}

	@Override
	String expectedDriver() {
		return "mysql";
	}

	@Override
	String sessionIdQuery() {
		return "select connection_id()";
	}

	@Override
	List<Long> otherSessions(Connection connection) throws Exception {
		return MariadbR2dbcApplicationTests.processList(connection, database.name());
	}

}
