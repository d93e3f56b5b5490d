package io.paig.db.migration.fastcheck;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import io.paig.db.jdbc.JdbcSupport;
import io.paig.db.migration.AppliedChangeSet;
import io.paig.db.migration.MigrationSettings;
import io.paig.db.migration.liquibase.ChangelogTable;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ResourceLoader;

/**
 * The up-to-date check of a start that finds nothing changed: one query for the
 * fingerprints recorded against the history table as it is now, and a replay of the
 * changelog's lookups to stamp its files (or, when their stamps changed, to hash them),
 * no parse and no Liquibase class. Anything it cannot prove (no record, another history,
 * a changed file, an error) leaves the answer to the full check.
 *
 * @author paig-db authors
 */
public final class FastCheck {

	private static final Log logger = LogFactory.getLog(FastCheck.class);

	private final DataSource dataSource;

	private final MigrationSettings settings;

	private final ResourceLoader resourceLoader;

	public FastCheck(DataSource dataSource, MigrationSettings settings, ResourceLoader resourceLoader) {
		this.dataSource = dataSource;
		this.settings = settings;
		this.resourceLoader = resourceLoader;
	}

	/**
	 * Look at the database and the changelog's files.
	 * @return what could be told without parsing
	 */
	public Look look() {
		if (!this.settings.fastCheck()) {
			return Look.UNKNOWN;
		}
		try (Connection connection = this.dataSource.getConnection()) {
			return look(connection);
		}
		catch (SQLException ex) {
			logger.debug("No fast check: " + ex.getMessage());
			return Look.UNKNOWN;
		}
	}

	/**
	 * Look at the database and the changelog's files, on a connection the caller goes on
	 * using: it is left with no transaction open.
	 * @param connection the connection
	 * @return what could be told without parsing
	 */
	public Look look(Connection connection) {
		if (!this.settings.fastCheck()) {
			return Look.UNKNOWN;
		}
		Instant started = Instant.now();
		try {
			List<FingerprintTable.Candidate> candidates;
			try {
				candidates = new FingerprintTable(this.settings).candidates(connection);
			}
			catch (SQLException ex) {
				JdbcSupport.rollbackQuietly(connection);
				logger.debug("No fast check: " + ex.getMessage());
				boolean history = new ChangelogTable(this.settings.changelogTable(), this.settings.changelogTable(),
						this.settings.historySchema())
					.exists(connection);
				return history ? Look.UNKNOWN : Look.NO_HISTORY;
			}
			for (FingerprintTable.Candidate candidate : candidates.subList(0, Math.min(candidates.size(), 3))) {
				ChangelogFingerprint files = ChangelogFingerprint.of(this.settings, candidate.manifest(),
						this.resourceLoader);
				String stamp = files.stamp(started);
				if (stamp != null && stamp.equals(candidate.stamp())) {
					return new Look(candidate.revision(), false);
				}
				if (files.hash().equals(candidate.fingerprint())) {
					if (stamp != null) {
						// the same files, touched or copied since: the next start need
						// not read them again
						new FingerprintTable(this.settings).restamp(connection, candidate.fingerprint(), stamp);
					}
					return new Look(candidate.revision(), false);
				}
			}
			logger.debug("No fast check: the changelog changed since it was last found up to date");
		}
		catch (SQLException | IOException | RuntimeException ex) {
			logger.debug("No fast check: " + ex.getMessage());
		}
		finally {
			JdbcSupport.rollbackQuietly(connection);
		}
		return Look.UNKNOWN;
	}

	/**
	 * Record the changelog's fingerprint as up to date against the history rows a full
	 * check found at head. A failure (no right to create a table, say) only costs the
	 * next start its speed.
	 * @param recorder the lookups of the full check's parse
	 * @param head the revision the database is at
	 * @param rows the history rows the check read
	 * @param connection the connection, which the caller goes on using; its auto-commit
	 * mode is restored
	 */
	public void record(ChangelogFingerprint.Recorder recorder, String head, List<AppliedChangeSet> rows,
			Connection connection) {
		try {
			boolean autoCommit = connection.getAutoCommit();
			try {
				connection.setAutoCommit(true);
				List<String> manifest = recorder.manifest();
				ChangelogFingerprint files = ChangelogFingerprint.of(this.settings, manifest, this.resourceLoader);
				// the stamp before the hash: a file changed in between is then seen by
				// the next start's stamp
				String stamp = files.stamp(recorder.started());
				new FingerprintTable(this.settings).record(connection, files.hash(), stamp, head, manifest, rows);
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException | IOException | RuntimeException ex) {
			logger.debug("Could not record the changelog's fingerprint (the next start parses the changelog again): "
					+ ex.getMessage());
		}
	}

	/**
	 * What the fast check saw.
	 *
	 * @param head the head, when it proved the database up to date
	 * @param noHistory whether there is no history table at all (nothing was ever
	 * applied, so the unlocked full check can be skipped)
	 */
	public record Look(@Nullable String head, boolean noHistory) {

		/** Nothing proven: the full check runs. */
		public static final Look UNKNOWN = new Look(null, false);

		static final Look NO_HISTORY = new Look(null, true);

	}

}
