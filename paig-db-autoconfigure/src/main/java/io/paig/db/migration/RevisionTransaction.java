package io.paig.db.migration;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Makes a revision one transaction on databases with transactional DDL (PostgreSQL, SQLite): Liquibase
 * commits after every changeset, and this connection holds those commits (and the rollbacks Liquibase
 * issues between changesets) back until the revision's last changeset is recorded. A revision that fails
 * then leaves nothing behind, not even its first changesets.
 *
 * @author paig-db
 */
final class RevisionTransaction implements InvocationHandler {

	private static final Log logger = LogFactory.getLog(RevisionTransaction.class);

	private final Connection target;

	private boolean open;

	private RevisionTransaction(Connection target) {
		this.target = target;
	}

	/**
	 * Wrap a connection.
	 * @param target the real connection
	 * @return the handle and the connection to give Liquibase
	 */
	static RevisionTransaction wrap(Connection target) {
		return new RevisionTransaction(target);
	}

	Connection connection() {
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
				this);
	}

	/** From now on, hold commits back. */
	void begin() {
		this.open = true;
	}

	/**
	 * Let commits through again; the next one Liquibase makes commits the whole revision.
	 */
	void end() {
		this.open = false;
	}

	/**
	 * Undo the whole revision after a failure. A failure to roll back is logged, not thrown: the
	 * revision's own failure is what gets reported, and the connection is closed next anyway.
	 */
	void rollback() {
		this.open = false;
		try {
			if (!this.target.getAutoCommit()) {
				this.target.rollback();
			}
		}
		catch (SQLException ex) {
			logger.warn("Could not roll back the failed revision: " + ex.getMessage());
		}
	}

	@Override
	public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
		if (this.open && (args == null || args.length == 0)
				&& (method.getName().equals("commit") || method.getName().equals("rollback"))) {
			return null;
		}
		try {
			return method.invoke(this.target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

}
