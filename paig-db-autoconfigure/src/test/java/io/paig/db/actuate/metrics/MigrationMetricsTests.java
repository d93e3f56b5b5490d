package io.paig.db.actuate.metrics;

import java.nio.file.Path;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paig.db.migration.MigrationException;
import io.paig.db.migration.MigrationSettings;
import io.paig.db.migration.runner.MigrationRunner;
import io.paig.db.testsupport.SqliteRevisions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MigrationMetrics}, with a {@link SimpleMeterRegistry} and a SQLite
 * file with a history of three revisions.
 *
 * @author paig-db authors
 */
class MigrationMetricsTests {

	private static final String FIRST = SqliteRevisions.FIRST;

	private static final String SECOND = SqliteRevisions.SECOND;

	private static final String THIRD = SqliteRevisions.THIRD;

	@TempDir
	Path temp;

	private SqliteRevisions revisions;

	private MigrationRunner runner;

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@BeforeEach
	void history() {
		this.revisions = SqliteRevisions.in(this.temp);
		this.runner = this.revisions.runner();
	}

	/**
	 * Metrics bound to the registry and told about the runner's runs, as the
	 * auto-configuration wires them.
	 */
	private MigrationMetrics bound() {
		MigrationMetrics metrics = new MigrationMetrics(this.runner);
		this.runner.setListeners(List.of(metrics));
		metrics.bindTo(this.registry);
		return metrics;
	}

	private double pending() {
		return this.registry.get("paig.db.migration.pending").gauge().value();
	}

	private Timer runs(String outcome) {
		return this.registry.get("paig.db.migration.runs").tag("outcome", outcome).timer();
	}

	private Timer revision(String id, String outcome) {
		return this.registry.get("paig.db.migration.revisions").tags("revision", id, "outcome", outcome).timer();
	}

	private Counter revisionsCounted(String outcome) {
		return this.registry.get("paig.db.migration.revisions.applied").tag("outcome", outcome).counter();
	}

	@Test
	void bindingRegistersOnlyThePendingGaugeBeforeAnyRun() {
		bound();
		assertThat(this.registry.getMeters()).singleElement().satisfies((meter) -> {
			assertThat(meter).isInstanceOf(Gauge.class);
			assertThat(meter.getId().getName()).isEqualTo("paig.db.migration.pending");
			assertThat(meter.getId().getTags()).isEmpty();
			assertThat(meter.getId().getDescription()).isEqualTo("Revisions not yet applied");
		});
	}

	@Test
	void pendingGaugeCountsTheRevisionsNotYetApplied() {
		bound();
		assertThat(pending()).isEqualTo(3.0);
	}

	@Test
	void pendingGaugeIsReadAgainAfterASuccessfulRun() {
		bound();
		assertThat(pending()).isEqualTo(3.0);
		this.runner.upgrade("+1");
		assertThat(pending()).isEqualTo(2.0);
		this.runner.upgrade();
		assertThat(pending()).isZero();
		this.runner.downgrade("-1");
		assertThat(pending()).isEqualTo(1.0);
	}

	@Test
	void pendingGaugeIsZeroWithoutAChangelog() {
		this.runner = new MigrationRunner(this.revisions.dataSource(),
				MigrationSettings.of("file:" + this.temp.resolve("none/db.changelog-master.yaml")),
				new DefaultResourceLoader());
		bound();
		assertThat(pending()).isZero();
	}

	@Test
	void pendingGaugeIsNotANumberWhenTheDatabaseCannotBeRead() {
		this.runner = new MigrationRunner(
				new DriverManagerDataSource("jdbc:sqlite:" + this.temp.resolve("no/such/folder/database.db")),
				MigrationSettings.of(this.revisions.changelogs().location()), new DefaultResourceLoader());
		bound();
		assertThat(pending()).isNaN();
	}

	@Test
	void upgradeRecordsTheRunEachRevisionAndTheirCount() {
		bound();
		this.runner.upgrade();
		Timer run = runs("applied");
		assertThat(run.count()).isEqualTo(1);
		assertThat(run.getId().getDescription()).isEqualTo("Migration runs");
		for (String id : List.of(FIRST, SECOND, THIRD)) {
			Timer revision = revision(id, "applied");
			assertThat(revision.count()).as(id).isEqualTo(1);
			assertThat(revision.getId().getDescription()).isEqualTo("Revisions applied or reverted");
		}
		Counter counter = revisionsCounted("applied");
		assertThat(counter.count()).isEqualTo(3.0);
		assertThat(counter.getId().getDescription()).isEqualTo("Revisions applied or reverted");
	}

	@Test
	void metersCarryOnlyTheirOutcomeAndRevisionTags() {
		bound();
		this.runner.upgrade("+1");
		assertThat(this.registry.getMeters()).extracting((meter) -> meter.getId().getName())
			.containsExactlyInAnyOrder("paig.db.migration.pending", "paig.db.migration.runs",
					"paig.db.migration.revisions", "paig.db.migration.revisions.applied");
		assertThat(runs("applied").getId().getTags()).containsExactly(Tag.of("outcome", "applied"));
		assertThat(revision(FIRST, "applied").getId().getTags()).containsExactlyInAnyOrder(Tag.of("outcome", "applied"),
				Tag.of("revision", FIRST));
		assertThat(revisionsCounted("applied").getId().getTags()).containsExactly(Tag.of("outcome", "applied"));
	}

	@Test
	void runsAddUpPerOutcome() {
		bound();
		this.runner.upgrade("+1");
		this.runner.upgrade("+1");
		this.runner.upgrade();
		this.runner.upgrade();
		this.runner.upgrade();
		assertThat(runs("applied").count()).isEqualTo(3);
		assertThat(runs("up_to_date").count()).isEqualTo(2);
		assertThat(revisionsCounted("applied").count()).isEqualTo(3.0);
		assertThat(revisionsCounted("up_to_date").count()).isZero();
		assertThat(revision(SECOND, "applied").count()).isEqualTo(1);
	}

	@Test
	void downgradeIsRecordedAsReverted() {
		bound();
		this.runner.upgrade();
		this.runner.downgrade("-2");
		assertThat(runs("reverted").count()).isEqualTo(1);
		assertThat(revision(THIRD, "reverted").count()).isEqualTo(1);
		assertThat(revision(SECOND, "reverted").count()).isEqualTo(1);
		assertThat(this.registry.find("paig.db.migration.revisions")
			.tags("revision", FIRST, "outcome", "reverted")
			.timer()).isNull();
		assertThat(revisionsCounted("reverted").count()).isEqualTo(2.0);
		assertThat(revisionsCounted("applied").count()).isEqualTo(3.0);
	}

	@Test
	void failedRunIsRecordedAsFailedWithNoRevision() {
		this.revisions = SqliteRevisions.withBrokenSecond(this.temp.resolve("broken"));
		this.runner = this.revisions.runner();
		bound();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(this.runner::upgrade);
		assertThat(runs("failed").count()).isEqualTo(1);
		assertThat(revisionsCounted("failed").count()).isZero();
		assertThat(this.registry.find("paig.db.migration.revisions").meters()).isEmpty();
		assertThat(pending()).isEqualTo(1.0);
	}

	@Test
	void runThatEndedBeforeBindingIsRecordedWhenBound() {
		this.runner.upgrade();
		MigrationMetrics metrics = new MigrationMetrics(this.runner);
		this.runner.setListeners(List.of(metrics));
		metrics.bindTo(this.registry);
		assertThat(runs("applied").count()).isEqualTo(1);
		assertThat(revisionsCounted("applied").count()).isEqualTo(3.0);
		assertThat(pending()).isZero();
	}

	@Test
	void runIsRecordedOnceHoweverOftenItIsSeen() {
		MigrationMetrics metrics = bound();
		this.runner.upgrade();
		metrics.runFinished(this.runner.getLastRun());
		metrics.bindTo(this.registry);
		assertThat(runs("applied").count()).isEqualTo(1);
		assertThat(revisionsCounted("applied").count()).isEqualTo(3.0);
	}

	@Test
	void runToldBeforeBindingIsRecordedOnceBound() {
		MigrationMetrics metrics = new MigrationMetrics(this.runner);
		this.runner.setListeners(List.of(metrics));
		this.runner.upgrade();
		assertThat(this.registry.getMeters()).isEmpty();
		metrics.bindTo(this.registry);
		assertThat(runs("applied").count()).isEqualTo(1);
		assertThat(revisionsCounted("applied").count()).isEqualTo(3.0);
	}

}
