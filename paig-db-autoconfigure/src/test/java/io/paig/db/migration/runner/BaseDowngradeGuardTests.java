package io.paig.db.migration.runner;

import java.nio.file.Path;
import java.util.List;

import io.paig.db.migration.MigrationStatus;
import io.paig.db.migration.Targets;
import io.paig.db.testsupport.SqliteRevisions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link BaseDowngradeGuard}, on a SQLite file with a history of three
 * revisions.
 *
 * @author paig-db authors
 */
class BaseDowngradeGuardTests {

	private static final String FIRST = SqliteRevisions.FIRST;

	private static final String SECOND = SqliteRevisions.SECOND;

	private static final String THIRD = SqliteRevisions.THIRD;

	@TempDir
	Path temp;

	private MigrationRunner runner;

	@BeforeEach
	void history() {
		this.runner = SqliteRevisions.in(this.temp).runner();
	}

	private BaseDowngradeGuard.Refusal check(List<String> profiles, String target, boolean yes, boolean force) {
		return new BaseDowngradeGuard(profiles).check(this.runner, target, yes, force, "--yes", "--force");
	}

	@Test
	void baseReachesBaseWhenRevisionsAreApplied() {
		this.runner.upgrade();
		MigrationStatus status = this.runner.status();
		assertThat(BaseDowngradeGuard.reachesBase(status, "base")).isTrue();
		assertThat(BaseDowngradeGuard.reachesBase(status, " BASE ")).isTrue();
	}

	@Test
	void nothingReachesBaseWhenNothingIsApplied() {
		MigrationStatus status = this.runner.status();
		assertThat(BaseDowngradeGuard.reachesBase(status, "base")).isFalse();
		assertThat(check(List.of("prod"), "base", false, false)).isNull();
	}

	@Test
	void relativeTargetAsLargeAsTheAppliedRevisionsReachesBase() {
		this.runner.upgrade();
		MigrationStatus status = this.runner.status();
		assertThat(BaseDowngradeGuard.reachesBase(status, "-3")).isTrue();
		assertThat(BaseDowngradeGuard.reachesBase(status, "-2")).isFalse();
		assertThat(BaseDowngradeGuard.reachesBase(status, "-1")).isFalse();
	}

	@Test
	void relativeTargetCountsTheAppliedRevisionsNotTheHistory() {
		this.runner.upgrade("+2");
		MigrationStatus status = this.runner.status();
		assertThat(BaseDowngradeGuard.reachesBase(status, "-2")).isTrue();
		assertThat(BaseDowngradeGuard.reachesBase(status, "-1")).isFalse();
	}

	@Test
	void relativeTargetPastBaseIsRefusedAsAnInvalidTarget() {
		this.runner.upgrade();
		assertThatExceptionOfType(Targets.InvalidTargetException.class)
			.isThrownBy(() -> BaseDowngradeGuard.reachesBase(this.runner.status(), "-4"))
			.withMessageContaining("didn't produce 4 migrations");
		assertThatExceptionOfType(Targets.InvalidTargetException.class)
			.isThrownBy(() -> check(List.of(), "-4", true, true));
	}

	@Test
	void revisionTargetKeepsThatRevisionSoNeverReachesBase() {
		this.runner.upgrade();
		MigrationStatus status = this.runner.status();
		assertThat(BaseDowngradeGuard.reachesBase(status, FIRST)).isFalse();
		assertThat(BaseDowngradeGuard.reachesBase(status, SECOND)).isFalse();
		assertThat(BaseDowngradeGuard.reachesBase(status, THIRD)).isFalse();
	}

	@Test
	void downgradeReachingBaseWithoutYesIsRefusedNamingHowToConfirm() {
		this.runner.upgrade();
		BaseDowngradeGuard.Refusal refusal = new BaseDowngradeGuard(List.of()).check(this.runner, "-3", false, false,
				"\"yes\": true", "\"force\": true");
		assertThat(refusal).isNotNull();
		assertThat(refusal.production()).isFalse();
		assertThat(refusal.message()).isEqualTo("The downgrade to '-3', which reaches base, reverts every applied "
				+ "revision and drops what they created, data included. Run it again with \"yes\": true if that is "
				+ "what you want.");
	}

	@Test
	void downgradeToBaseIsNotSaidToReachBaseAgain() {
		this.runner.upgrade();
		BaseDowngradeGuard.Refusal refusal = check(List.of(), "  base ", false, false);
		assertThat(refusal).isNotNull();
		assertThat(refusal.message()).startsWith("The downgrade to 'base' reverts every applied revision")
			.doesNotContain("which reaches base")
			.contains("--yes");
	}

	@Test
	void yesIsEnoughWithoutAProductionProfile() {
		this.runner.upgrade();
		assertThat(check(List.of(), "base", true, false)).isNull();
		assertThat(check(List.of("dev", "staging", "test", "default"), "-3", true, false)).isNull();
	}

	@Test
	void productionLookingProfilesNeedForceAfterYes() {
		this.runner.upgrade();
		for (String profile : List.of("prod", "PROD", "production", "eu-prod-1", "prd", "us-PRD", "live",
				"Staging-Live")) {
			BaseDowngradeGuard.Refusal refusal = check(List.of("default", profile), "base", true, false);
			assertThat(refusal).as(profile).isNotNull();
			assertThat(refusal.production()).as(profile).isTrue();
			assertThat(refusal.message()).as(profile)
				.contains("Refused: the active profile(s) [" + profile + "] look like production.")
				.endsWith("Add --force if you really mean it.");
		}
	}

	@Test
	void productionProfileAsksForYesBeforeForce() {
		this.runner.upgrade();
		BaseDowngradeGuard.Refusal refusal = check(List.of("prod"), "base", false, true);
		assertThat(refusal).isNotNull();
		assertThat(refusal.production()).isFalse();
		assertThat(refusal.message()).contains("--yes").doesNotContain("--force");
	}

	@Test
	void forceWithYesLetsADowngradeToBaseRunUnderAProductionProfile() {
		this.runner.upgrade();
		assertThat(check(List.of("prod", "live"), "base", true, true)).isNull();
		assertThat(check(List.of("prod"), "-3", true, true)).isNull();
	}

	@Test
	void downgradeThatKeepsARevisionNeedsNoConfirmationEvenUnderAProductionProfile() {
		this.runner.upgrade();
		assertThat(check(List.of("prod"), "-2", false, false)).isNull();
		assertThat(check(List.of("prod"), FIRST, false, false)).isNull();
	}

	@Test
	void checkingChangesNothing() {
		this.runner.upgrade();
		check(List.of("prod"), "base", true, true);
		assertThat(this.runner.status().getAppliedRevisions()).hasSize(3);
	}

}
