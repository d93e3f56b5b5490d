package io.paig.db.actuate.health;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.paig.db.migration.MigrationException;
import io.paig.db.migration.MigrationListener;
import io.paig.db.migration.MigrationRun;
import io.paig.db.migration.MigrationSettings;
import io.paig.db.migration.MigrationState;
import io.paig.db.migration.runner.LockHolding;
import io.paig.db.migration.runner.MigrationRunner;
import io.paig.db.testsupport.SqliteRevisions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests for {@link MigrationsHealthIndicator}, on a SQLite file with a history of three
 * revisions.
 *
 * @author paig-db authors
 */
class MigrationsHealthIndicatorTests {

	private static final String FIRST = SqliteRevisions.FIRST;

	private static final String THIRD = SqliteRevisions.THIRD;

	/**
	 * The mapping {@code database.migration.health.status} has by default.
	 */
	private static final Map<MigrationState, Status> DEFAULTS = Map.of(MigrationState.UP_TO_DATE, Status.UP,
			MigrationState.PENDING, Status.OUT_OF_SERVICE, MigrationState.RUNNING, Status.OUT_OF_SERVICE,
			MigrationState.FAILED, Status.DOWN, MigrationState.DISABLED, Status.UP);

	@TempDir
	Path temp;

	private SqliteRevisions revisions;

	private MigrationRunner runner;

	@BeforeEach
	void history() {
		this.revisions = SqliteRevisions.in(this.temp);
		this.runner = this.revisions.runner();
	}

	private Health health() {
		return new MigrationsHealthIndicator(this.runner, DEFAULTS).health(true);
	}

	@Test
	void pendingRevisionsAreOutOfServiceWithWhereTheDatabaseStands() {
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(health.getDetails()).containsExactly(entry("state", MigrationState.PENDING),
				entry("current", "base"), entry("head", THIRD), entry("pending", 3));
	}

	@Test
	void partlyAppliedHistoryCountsWhatIsStillPending() {
		this.runner.upgrade("+1");
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(health.getDetails()).containsEntry("current", FIRST)
			.containsEntry("head", THIRD)
			.containsEntry("pending", 2);
	}

	@Test
	void upToDateIsUpFromTheFastCheck() {
		this.runner.upgrade();
		assertThat(this.runner.upToDateRevision()).as("fast check").isEqualTo(THIRD);
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsExactly(entry("state", MigrationState.UP_TO_DATE),
				entry("current", THIRD), entry("head", THIRD), entry("pending", 0));
	}

	@Test
	void upToDateIsUpFromTheFullCheckWithTheSameDetails() {
		this.runner.upgrade();
		MigrationRunner withoutFastCheck = new MigrationRunner(this.revisions.dataSource(),
				MigrationSettings.of(this.revisions.changelogs().location()).withoutFastCheck(),
				new DefaultResourceLoader());
		assertThat(withoutFastCheck.upToDateRevision()).as("fast check").isNull();
		Health health = new MigrationsHealthIndicator(withoutFastCheck, DEFAULTS).health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsExactly(entry("state", MigrationState.UP_TO_DATE),
				entry("current", THIRD), entry("head", THIRD), entry("pending", 0));
	}

	@Test
	void failedLastRunIsDown() {
		this.revisions = SqliteRevisions.withBrokenSecond(this.temp.resolve("broken"));
		this.runner = this.revisions.runner();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(this.runner::upgrade);
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("state", MigrationState.FAILED)
			.containsEntry("current", FIRST)
			.containsEntry("pending", 1);
	}

	@Test
	void runInProgressIsOutOfService() {
		List<Health> seen = new ArrayList<>();
		MigrationsHealthIndicator indicator = new MigrationsHealthIndicator(this.runner, DEFAULTS);
		this.runner.setListeners(List.of(new MigrationListener() {

			@Override
			public void runFinished(MigrationRun run) {
				// still running: listeners are told before the run is over
				seen.add(indicator.health(true));
			}

		}));
		this.runner.upgrade();
		assertThat(seen).singleElement().satisfies((health) -> {
			assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			assertThat(health.getDetails()).containsEntry("state", MigrationState.RUNNING);
		});
		assertThat(indicator.health(true).getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void lockHeldElsewhereWhileRevisionsArePendingIsRunning() throws Exception {
		try (Connection connection = this.revisions.dataSource().getConnection();
				AutoCloseable held = LockHolding.hold(connection, this.runner)) {
			assertThat(health().getDetails()).containsEntry("state", MigrationState.RUNNING);
		}
		assertThat(health().getDetails()).containsEntry("state", MigrationState.PENDING);
	}

	@Test
	void withoutAChangelogMigrationsAreDisabled() {
		this.runner = new MigrationRunner(this.revisions.dataSource(),
				MigrationSettings.of("file:" + this.temp.resolve("none/db.changelog-master.yaml")),
				new DefaultResourceLoader());
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsExactly(entry("state", MigrationState.DISABLED),
				entry("current", "base"), entry("head", "base"), entry("pending", 0));
	}

	@Test
	void statusOfEachStateIsTheConfiguredOne() {
		Map<MigrationState, Status> mapping = new EnumMap<>(DEFAULTS);
		mapping.put(MigrationState.PENDING, Status.DOWN);
		mapping.put(MigrationState.UP_TO_DATE, new Status("MIGRATED"));
		MigrationsHealthIndicator indicator = new MigrationsHealthIndicator(this.runner, mapping);
		assertThat(indicator.health(true).getStatus()).isEqualTo(Status.DOWN);
		this.runner.upgrade();
		assertThat(indicator.health(true).getStatus()).isEqualTo(new Status("MIGRATED"));
	}

	@Test
	void stateWithoutAConfiguredStatusIsUnknown() {
		MigrationsHealthIndicator indicator = new MigrationsHealthIndicator(this.runner,
				Map.of(MigrationState.UP_TO_DATE, Status.UP));
		Health health = indicator.health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(health.getDetails()).containsEntry("state", MigrationState.PENDING);
		this.runner.upgrade();
		assertThat(indicator.health(true).getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void databaseThatCannotBeReadIsDown() {
		this.runner = new MigrationRunner(
				new DriverManagerDataSource("jdbc:sqlite:" + this.temp.resolve("no/such/folder/database.db")),
				MigrationSettings.of(this.revisions.changelogs().location()), new DefaultResourceLoader());
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsKey("error");
	}

	@Test
	void detailsAreLeftOutWhenNotAskedFor() {
		Health health = new MigrationsHealthIndicator(this.runner, DEFAULTS).health(false);
		assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(health.getDetails()).isEmpty();
	}

}
