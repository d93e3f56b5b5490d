package io.paig.db.migration.liquibase;

import java.sql.Connection;
import java.sql.SQLException;

import liquibase.database.Database;
import liquibase.database.core.PostgresDatabase;
import liquibase.exception.DatabaseException;

/**
 * PostgreSQL as Liquibase knows it, for a connection that a {@link RevisionTransaction}
 * wraps. Liquibase rolls back once for every changeset (after its preconditions, whether
 * it has any or not), and on PostgreSQL every rollback is followed by
 * {@code SHOW SEARCH_PATH}, to restore a search path the rollback may have undone: a
 * second round trip per changeset. When the wrapper holds the rollback back
 * (mid-revision) or has nothing to roll back, no transaction ends and the search path
 * cannot change, so neither call is made.
 *
 * @author paig-db authors
 */
final class HeldRollbackPostgresDatabase extends PostgresDatabase {

	private final RevisionTransaction transaction;

	HeldRollbackPostgresDatabase(RevisionTransaction transaction) {
		this.transaction = transaction;
	}

	/**
	 * The database to use on a connection a {@link RevisionTransaction} wraps: the one
	 * Liquibase found, or, when that is plain PostgreSQL, this one in its place.
	 * @param found what Liquibase's {@code DatabaseFactory} chose, already connected to
	 * the wrapped connection
	 * @param transaction the wrapper
	 * @param autoCommit the connection's auto-commit mode before Liquibase connected
	 * @return the database to use
	 * @throws DatabaseException when the connection cannot be handed over
	 */
	static Database of(Database found, RevisionTransaction transaction, boolean autoCommit) throws DatabaseException {
		if (found.getClass() != PostgresDatabase.class) {
			return found;
		}
		try {
			// Liquibase notes the mode it found when it connects, to restore it when it
			// closes: give this
			// database the connection as the one it replaces found it.
			Connection connection = transaction.connection();
			if (connection.getAutoCommit() != autoCommit) {
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new DatabaseException(ex);
		}
		HeldRollbackPostgresDatabase database = new HeldRollbackPostgresDatabase(transaction);
		database.setConnection(found.getConnection());
		return database;
	}

	@Override
	public void rollback() throws DatabaseException {
		if (this.transaction.answersTransactionEnd()) {
			return;
		}
		super.rollback();
	}

}
