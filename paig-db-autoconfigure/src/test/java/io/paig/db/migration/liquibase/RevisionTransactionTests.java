package io.paig.db.migration.liquibase;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RevisionTransaction}, on a SQLite file: the transaction calls that
 * reach the database are counted, and what was committed is read from a second
 * connection.
 *
 * @author paig-db authors
 */
class RevisionTransactionTests {

	@TempDir
	Path folder;

	private Connection raw;

	private final List<String> sent = new ArrayList<>();

	@BeforeEach
	void open() throws SQLException {
		this.raw = DriverManager.getConnection(url());
		try (Statement statement = this.raw.createStatement()) {
			statement.execute("CREATE TABLE t (v INTEGER)");
		}
	}

	@AfterEach
	void close() throws SQLException {
		this.raw.close();
	}

	@Test
	void commitOrRollbackWithNothingRunSinceTheLastOneIsNotSent() throws SQLException {
		Connection connection = RevisionTransaction.wrap(counted(this.raw)).connection();
		connection.setAutoCommit(false);
		insert(connection, 1);
		connection.commit();
		connection.commit();
		connection.rollback();
		assertThat(this.sent).containsExactly("setAutoCommit", "commit");
		insert(connection, 2);
		connection.rollback();
		assertThat(this.sent).containsExactly("setAutoCommit", "commit", "rollback");
		assertThat(committed()).containsExactly(1);
	}

	@Test
	void switchOfAutoCommitToTheModeItHasIsNotSent() throws SQLException {
		Connection connection = RevisionTransaction.wrap(counted(this.raw)).connection();
		connection.setAutoCommit(true);
		connection.setAutoCommit(false);
		connection.setAutoCommit(false);
		assertThat(this.sent).containsExactly("setAutoCommit");
	}

	@Test
	void statementPreparedBeforeACommitAndRunAfterItIsCommittedByTheNextOne() throws SQLException {
		Connection connection = RevisionTransaction.wrap(counted(this.raw)).connection();
		connection.setAutoCommit(false);
		insert(connection, 1);
		try (PreparedStatement later = connection.prepareStatement("INSERT INTO t (v) VALUES (?)")) {
			connection.commit();
			later.setInt(1, 2);
			later.executeUpdate();
			assertThat(later.getConnection()).isSameAs(connection);
		}
		connection.commit();
		assertThat(committed()).containsExactly(1, 2);
	}

	@Test
	void commitsOfAnOpenRevisionAreHeldBackUntilItsEnd() throws SQLException {
		RevisionTransaction transaction = RevisionTransaction.wrap(counted(this.raw));
		Connection connection = transaction.connection();
		connection.setAutoCommit(false);
		transaction.begin();
		insert(connection, 1);
		connection.commit();
		connection.rollback();
		insert(connection, 2);
		connection.commit();
		assertThat(committed()).isEmpty();
		transaction.end();
		connection.commit();
		assertThat(committed()).containsExactly(1, 2);
	}

	@Test
	void heldCommitsWaitForTheReleaseWhileRollbacksGoThrough() throws SQLException {
		RevisionTransaction transaction = RevisionTransaction.wrap(counted(this.raw));
		Connection connection = transaction.connection();
		connection.setAutoCommit(false);
		transaction.holdCommits();
		insert(connection, 1);
		connection.commit();
		assertThat(committed()).isEmpty();
		insert(connection, 2);
		transaction.releaseCommits();
		connection.commit();
		assertThat(committed()).containsExactly(1, 2);
		transaction.holdCommits();
		insert(connection, 3);
		connection.rollback();
		connection.commit();
		transaction.releaseCommits();
		connection.commit();
		assertThat(committed()).containsExactly(1, 2);
		assertThat(this.sent).containsExactly("setAutoCommit", "commit", "rollback");
	}

	@Test
	void failedRevisionIsRolledBackWhole() throws SQLException {
		RevisionTransaction transaction = RevisionTransaction.wrap(counted(this.raw));
		Connection connection = transaction.connection();
		connection.setAutoCommit(false);
		transaction.begin();
		insert(connection, 1);
		connection.commit();
		transaction.rollback();
		// the next work commits alone: the failed revision's row was rolled back, not
		// left pending
		insert(connection, 2);
		connection.commit();
		assertThat(committed()).containsExactly(2);
	}

	private void insert(Connection connection, int value) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.executeUpdate("INSERT INTO t (v) VALUES (" + value + ")");
		}
	}

	private List<Integer> committed() throws SQLException {
		List<Integer> values = new ArrayList<>();
		try (Connection other = DriverManager.getConnection(url());
				Statement statement = other.createStatement();
				ResultSet rows = statement.executeQuery("SELECT v FROM t ORDER BY v")) {
			while (rows.next()) {
				values.add(rows.getInt(1));
			}
		}
		return values;
	}

	private String url() {
		return "jdbc:sqlite:" + this.folder.resolve("test.db");
	}

	/**
	 * The real connection, noting each transaction call that reaches it.
	 */
	private Connection counted(Connection target) {
		return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
				(proxy, method, args) -> {
					String name = method.getName();
					if (name.equals("commit") || name.equals("rollback") || name.equals("setAutoCommit")) {
						this.sent.add(name);
					}
					try {
						return method.invoke(target, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getTargetException();
					}
				});
	}

}
