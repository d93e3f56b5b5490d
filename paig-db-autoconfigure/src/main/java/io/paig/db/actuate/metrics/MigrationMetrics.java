package io.paig.db.actuate.metrics;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.paig.db.migration.MigrationListener;
import io.paig.db.migration.MigrationRun;
import io.paig.db.migration.Revision;
import io.paig.db.migration.runner.MigrationRunner;
import org.jspecify.annotations.Nullable;

/**
 * Micrometer meters for migrations: {@code paig.db.migration.runs} (a timer per run,
 * tagged by outcome), {@code paig.db.migration.revisions} (a timer per revision applied
 * or reverted, tagged by revision and outcome),
 * {@code paig.db.migration.revisions.applied} (a counter, tagged by outcome) and
 * {@code paig.db.migration.pending} (a gauge of the revisions pending when last looked
 * at). A run that ended before the registry was bound, at start-up say, is recorded when
 * it is bound.
 *
 * @author paig-db authors
 */
public class MigrationMetrics implements MeterBinder, MigrationListener {

	private final MigrationRunner runner;

	private static final long PENDING_TTL_NANOS = Duration.ofSeconds(10).toNanos();

	private final AtomicInteger pending = new AtomicInteger(-1);

	private volatile long pendingReadAt;

	private volatile @Nullable MeterRegistry registry;

	private volatile @Nullable MigrationRun recorded;

	/**
	 * Create the meters' source.
	 * @param runner the runner
	 */
	public MigrationMetrics(MigrationRunner runner) {
		this.runner = runner;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registry = registry;
		Gauge.builder("paig.db.migration.pending", this, MigrationMetrics::pendingNow)
			.description("Revisions not yet applied")
			.register(registry);
		MigrationRun last = this.runner.getLastRun();
		if (last != null && last != this.recorded) {
			record(registry, last);
		}
	}

	@Override
	public void runFinished(MigrationRun run) {
		MeterRegistry registry = this.registry;
		if (registry != null) {
			record(registry, run);
		}
		if (run.outcome() != MigrationRun.Outcome.FAILED) {
			this.pending.set(-1);
		}
	}

	private synchronized void record(MeterRegistry registry, MigrationRun run) {
		if (run == this.recorded) {
			return;
		}
		this.recorded = run;
		String outcome = run.outcome().name().toLowerCase(Locale.ROOT);
		Timer.builder("paig.db.migration.runs")
			.description("Migration runs")
			.tag("outcome", outcome)
			.register(registry)
			.record(run.duration());
		for (Revision revision : run.applied()) {
			Duration took = run.durations().get(revision.id());
			Timer.builder("paig.db.migration.revisions")
				.description("Revisions applied or reverted")
				.tag("revision", revision.id())
				.tag("outcome", outcome)
				.register(registry)
				.record((took != null) ? took : Duration.ZERO);
		}
		Counter.builder("paig.db.migration.revisions.applied")
			.description("Revisions applied or reverted")
			.tag("outcome", outcome)
			.register(registry)
			.increment(run.applied().size());
	}

	private double pendingNow() {
		int known = this.pending.get();
		if (known < 0 || System.nanoTime() - this.pendingReadAt > PENDING_TTL_NANOS) {
			try {
				known = (!this.runner.hasChangelog() || this.runner.upToDateRevision() != null) ? 0
						: this.runner.status().getPendingRevisions().size();
				this.pending.set(known);
				this.pendingReadAt = System.nanoTime();
			}
			catch (RuntimeException ex) {
				return Double.NaN;
			}
		}
		return known;
	}

}
