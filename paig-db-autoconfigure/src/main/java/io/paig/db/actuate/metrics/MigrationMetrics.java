package io.paig.db.actuate.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
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
 * it is bound. With several runners (a database each), every meter is also tagged
 * {@code runner} with the runner's bean name.
 *
 * @author paig-db authors
 */
public class MigrationMetrics implements MeterBinder, MigrationListener {

	private static final long PENDING_TTL_NANOS = Duration.ofSeconds(10).toNanos();

	private final List<RunnerMeters> runners = new ArrayList<>();

	/**
	 * Create the meters' source for one runner.
	 * @param runner the runner
	 */
	public MigrationMetrics(MigrationRunner runner) {
		this.runners.add(new RunnerMeters(runner, Tags.empty()));
	}

	/**
	 * Create the meters' source for the application's runners; with more than one, each
	 * meter is tagged {@code runner} with the runner's name.
	 * @param runners the runners by bean name
	 */
	public MigrationMetrics(Map<String, MigrationRunner> runners) {
		boolean several = runners.size() > 1;
		runners.forEach((name, runner) -> this.runners
			.add(new RunnerMeters(runner, several ? Tags.of("runner", name) : Tags.empty())));
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (RunnerMeters meters : this.runners) {
			meters.bindTo(registry);
		}
	}

	@Override
	public void runFinished(MigrationRun run) {
		for (RunnerMeters meters : this.runners) {
			// a runner records its run as its last before it tells its listeners
			if (this.runners.size() == 1 || meters.runner.getLastRun() == run) {
				meters.runFinished(run);
			}
		}
	}

	/**
	 * The meters of one runner.
	 */
	private static final class RunnerMeters {

		private final MigrationRunner runner;

		private final Tags tags;

		private final AtomicInteger pending = new AtomicInteger(-1);

		private volatile long pendingReadAt;

		private volatile @Nullable MeterRegistry registry;

		private volatile @Nullable MigrationRun recorded;

		RunnerMeters(MigrationRunner runner, Tags tags) {
			this.runner = runner;
			this.tags = tags;
		}

		void bindTo(MeterRegistry registry) {
			this.registry = registry;
			Gauge.builder("paig.db.migration.pending", this, RunnerMeters::pendingNow)
				.description("Revisions not yet applied")
				.tags(this.tags)
				.register(registry);
			MigrationRun last = this.runner.getLastRun();
			if (last != null && last != this.recorded) {
				record(registry, last);
			}
		}

		void runFinished(MigrationRun run) {
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
				.tags(this.tags)
				.tag("outcome", outcome)
				.register(registry)
				.record(run.duration());
			for (Revision revision : run.applied()) {
				Duration took = run.durations().get(revision.id());
				Timer.builder("paig.db.migration.revisions")
					.description("Revisions applied or reverted")
					.tags(this.tags)
					.tag("revision", revision.id())
					.tag("outcome", outcome)
					.register(registry)
					.record((took != null) ? took : Duration.ZERO);
			}
			Counter.builder("paig.db.migration.revisions.applied")
				.description("Revisions applied or reverted")
				.tags(this.tags)
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

}
