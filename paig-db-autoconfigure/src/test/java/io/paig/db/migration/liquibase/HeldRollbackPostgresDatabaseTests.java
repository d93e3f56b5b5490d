package io.paig.db.migration.liquibase;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.paig.db.testsupport.TestDatabase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HeldRollbackPostgresDatabase}, on PostgreSQL: the SQL that reaches the
 * server is recorded.
 *
 * @author paig-db authors
 */
class HeldRollbackPostgresDatabaseTests {

	@RegisterExtension
	static final TestDatabase postgresql = TestDatabase.postgresql();

	private final List<String> sent = new ArrayList<>();

	private Connection raw;

	@BeforeEach
	void open() throws SQLException {
		this.raw = postgresql.connection();
	}

	@AfterEach
	void close() throws SQLException {
		this.raw.close();
	}

	@Test
	void takesThePlaceOfPlainPostgresqlOnAWrappedConnection() throws Exception {
		RevisionTransaction transaction = RevisionTransaction.wrap(this.raw);
		assertThat(database(transaction)).isInstanceOf(HeldRollbackPostgresDatabase.class);
	}

	@Test
	void rollbackThatEndsNoTransactionSendsNothing() throws Exception {
		RevisionTransaction transaction = RevisionTransaction.wrap(recorded(this.raw));
		Connection connection = transaction.connection();
		Database database = database(transaction);
		run(connection, "SELECT 1");
		database.commit();
		this.sent.clear();
		database.rollback();
		transaction.begin();
		run(connection, "CREATE TABLE held (v INT)");
		database.rollback();
		assertThat(this.sent).containsExactly("CREATE TABLE held (v INT)");
	}

	@Test
	void rollbackThatEndsATransactionStillRestoresTheSearchPath() throws Exception {
		RevisionTransaction transaction = RevisionTransaction.wrap(recorded(this.raw));
		Database database = database(transaction);
		run(transaction.connection(), "SELECT 1");
		this.sent.clear();
		database.rollback();
		assertThat(this.sent).containsSubsequence("rollback", "SHOW SEARCH_PATH");
	}

	@Test
	void closingRestoresTheAutoCommitModeTheConnectionHad() throws Exception {
		assertThat(this.raw.getAutoCommit()).isTrue();
		Database database = database(RevisionTransaction.wrap(this.raw));
		assertThat(database).isInstanceOf(HeldRollbackPostgresDatabase.class);
		assertThat(this.raw.getAutoCommit()).isFalse();
		database.close();
		assertThat(this.raw.getAutoCommit()).isTrue();
	}

	private static Database database(RevisionTransaction transaction) throws Exception {
		Connection connection = transaction.connection();
		boolean autoCommit = connection.getAutoCommit();
		// the connection stays open when the database closes, as LiquibaseSession's does
		Database found = DatabaseFactory.getInstance()
			.findCorrectDatabaseImplementation(new JdbcConnection(connection) {

				@Override
				public void close() {
				}

			});
		return HeldRollbackPostgresDatabase.of(found, transaction, autoCommit);
	}

	private static void run(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/**
	 * The connection, noting each statement's SQL and each commit and rollback that reach
	 * it.
	 */
	private Connection recorded(Connection target) {
		return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
				(proxy, method, args) -> {
					String name = method.getName();
					if (name.equals("commit") || name.equals("rollback")) {
						this.sent.add(name);
					}
					if (name.equals("prepareStatement") || name.equals("prepareCall")) {
						this.sent.add(String.valueOf(args[0]).strip());
					}
					Object result = invoke(target, method, args);
					if (result instanceof Statement statement && name.equals("createStatement")) {
						return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Statement.class },
								(statementProxy, statementMethod, statementArgs) -> {
									if (statementMethod.getName().toLowerCase(Locale.ROOT).startsWith("execute")
											&& statementArgs != null && statementArgs.length > 0) {
										this.sent.add(String.valueOf(statementArgs[0]).strip());
									}
									return invoke(statement, statementMethod, statementArgs);
								});
					}
					return result;
				});
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

}
