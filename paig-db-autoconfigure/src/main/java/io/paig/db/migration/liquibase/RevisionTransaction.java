package io.paig.db.migration.liquibase;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Makes a revision one transaction on databases with transactional DDL (PostgreSQL,
 * SQLite): Liquibase commits after every changeset, and this connection holds those
 * commits (and the rollbacks Liquibase issues between changesets) back until the
 * revision's last changeset is recorded. A revision that fails then leaves nothing
 * behind, not even its first changesets.
 * <p>
 * On every database it also drops the transaction calls that cannot do anything:
 * Liquibase sets auto-commit, commits three times and rolls back once for each changeset,
 * and each is a round trip to the server (on MySQL and MariaDB, whose DDL is not
 * transactional, about a third of an apply's time). A commit or rollback with no
 * statement run since the last one, and a switch of auto-commit to the value it has, are
 * answered here. Statements are wrapped to tell when one runs. Where DDL commits itself,
 * a changeset's changes and its history row are committed together, once.
 *
 * @author paig-db authors
 */
public final class RevisionTransaction implements InvocationHandler {

	private static final Log logger = LogFactory.getLog(RevisionTransaction.class);

	private final Connection target;

	private boolean open;

	/**
	 * Whether commits (not rollbacks) are held back: a changeset runs where DDL commits
	 * itself.
	 */
	private boolean commitsHeld;

	/** Whether a statement ran since the last commit or rollback. */
	private boolean dirty = true;

	private @Nullable Connection proxy;

	private RevisionTransaction(Connection target) {
		this.target = target;
	}

	/**
	 * Wrap a connection.
	 * @param target the real connection
	 * @return the handle and the connection to give Liquibase
	 */
	public static RevisionTransaction wrap(Connection target) {
		return new RevisionTransaction(target);
	}

	Connection connection() {
		if (this.proxy == null) {
			this.proxy = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
					new Class<?>[] { Connection.class }, this);
		}
		return this.proxy;
	}

	/** From now on, hold commits back. */
	void begin() {
		this.open = true;
	}

	/**
	 * Let commits through again; the next one Liquibase makes commits the whole revision.
	 */
	public void end() {
		this.open = false;
		this.commitsHeld = false;
	}

	/**
	 * From now on, hold commits back but let rollbacks through, until
	 * {@link #releaseCommits()}: where DDL commits itself, a changeset and its history
	 * row then need one commit, not two (Liquibase commits after the changes and again
	 * after the row), and a changeset that fails is still rolled back alone.
	 */
	void holdCommits() {
		this.commitsHeld = true;
	}

	/**
	 * Let commits through again; the next one Liquibase makes commits the changeset and
	 * its history row.
	 */
	void releaseCommits() {
		this.commitsHeld = false;
	}

	/**
	 * Undo the whole revision after a failure. A failure to roll back is logged, not
	 * thrown: the revision's own failure is what gets reported, and the connection is
	 * closed next anyway.
	 */
	void rollback() {
		this.open = false;
		this.commitsHeld = false;
		this.dirty = false;
		try {
			if (!this.target.getAutoCommit()) {
				this.target.rollback();
			}
		}
		catch (SQLException ex) {
			logger.warn("Could not roll back the failed revision: " + ex.getMessage());
		}
	}

	/**
	 * Whether a commit or rollback now would be answered here: held back mid-revision, or
	 * with nothing to end. Either way no transaction ends, and nothing the server keeps
	 * per session changes.
	 * @return {@code true} when a commit or rollback would not reach the server
	 */
	boolean answersTransactionEnd() {
		return this.open || !this.dirty;
	}

	@Override
	public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
		String name = method.getName();
		boolean noArguments = args == null || args.length == 0;
		if (noArguments && (name.equals("commit") || name.equals("rollback"))) {
			if (answersTransactionEnd() || (this.commitsHeld && name.equals("commit"))) {
				return null;
			}
			Object result = call(this.target, method, args);
			this.dirty = false;
			return result;
		}
		if (name.equals("setAutoCommit") && args != null && args.length == 1 && args[0] instanceof Boolean value) {
			// drivers keep the mode they last set: asking costs no round trip
			if (value == this.target.getAutoCommit()) {
				return null;
			}
			Object result = call(this.target, method, args);
			// switching on commits; switching off starts from nothing
			this.dirty = false;
			return result;
		}
		Object result = call(this.target, method, args);
		if (result instanceof Statement statement
				&& (name.equals("createStatement") || name.equals("prepareStatement") || name.equals("prepareCall"))) {
			return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { method.getReturnType() },
					new Executions(statement));
		}
		return result;
	}

	private static @Nullable Object call(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

	/**
	 * A statement of the connection: notes that something ran before it runs.
	 */
	private final class Executions implements InvocationHandler {

		private final Statement target;

		Executions(Statement target) {
			this.target = target;
		}

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			String name = method.getName();
			if (name.startsWith("execute")) {
				RevisionTransaction.this.dirty = true;
			}
			else if (name.equals("getConnection") && (args == null || args.length == 0)) {
				return connection();
			}
			return call(this.target, method, args);
		}

	}

}
