package io.paig.db.actuate.health;

import java.util.Map;

import io.paig.db.migration.LockHolder;
import io.paig.db.migration.MigrationState;
import io.paig.db.migration.MigrationStatus;
import io.paig.db.migration.Revision;
import io.paig.db.migration.runner.MigrationRunner;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of migrations: by default UP at head, OUT_OF_SERVICE while revisions are pending
 * or a run is in progress, DOWN when this instance's last run failed. It belongs in the
 * readiness group (an instance whose schema is behind gets no traffic), not in liveness
 * (a long migration is no reason to restart).
 *
 * @author paig-db authors
 */
public class MigrationsHealthIndicator extends AbstractHealthIndicator {

	private final MigrationRunner runner;

	private final Map<MigrationState, Status> mapping;

	/**
	 * Create an indicator.
	 * @param runner the runner
	 * @param mapping the health status of each migration state
	 */
	public MigrationsHealthIndicator(MigrationRunner runner, Map<MigrationState, Status> mapping) {
		super("Migrations health check failed");
		this.runner = runner;
		this.mapping = mapping;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		String upToDate = this.runner.isRunning() ? null : this.runner.upToDateRevision();
		if (upToDate != null) {
			// a readiness probe every few seconds: one query, no parse, while nothing
			// changed
			builder.status(this.mapping.getOrDefault(MigrationState.UP_TO_DATE, Status.UNKNOWN))
				.withDetail("state", MigrationState.UP_TO_DATE)
				.withDetail("current", upToDate)
				.withDetail("head", upToDate)
				.withDetail("pending", 0);
			return;
		}
		MigrationStatus status = this.runner.status();
		LockHolder lock = this.runner.lockHolder();
		MigrationState state = this.runner.state(status, lock);
		builder.status(this.mapping.getOrDefault(state, Status.UNKNOWN))
			.withDetail("state", state)
			.withDetail("current", Revision.idOf(status.getCurrent()))
			.withDetail("head", Revision.idOf(status.getHistory().getHead()))
			.withDetail("pending", status.getPendingRevisions().size());
	}

}
