package io.paig.db.actuate.endpoint;

import java.nio.file.Path;
import java.util.List;

import io.paig.db.actuate.endpoint.MigrationsEndpoint.LastRunDescriptor;
import io.paig.db.actuate.endpoint.MigrationsEndpointWriteExtension.Problem;
import io.paig.db.migration.MigrationRun;
import io.paig.db.migration.Revision;
import io.paig.db.migration.runner.MigrationRunner;
import io.paig.db.testsupport.SqliteRevisions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MigrationsEndpointWriteExtension}, on a SQLite file with a history of
 * three revisions.
 *
 * @author paig-db authors
 */
class MigrationsEndpointWriteExtensionTests {

	private static final String FIRST = SqliteRevisions.FIRST;

	private static final String SECOND = SqliteRevisions.SECOND;

	private static final String THIRD = SqliteRevisions.THIRD;

	@TempDir
	Path temp;

	private SqliteRevisions revisions;

	private MigrationRunner runner;

	@BeforeEach
	void history() {
		this.revisions = SqliteRevisions.in(this.temp);
		this.runner = this.revisions.runner();
	}

	private MigrationsEndpointWriteExtension extension(String... profiles) {
		return new MigrationsEndpointWriteExtension(this.runner, List.of(profiles));
	}

	private String current() {
		Revision current = this.runner.status().getCurrent();
		return (current != null) ? current.id() : "base";
	}

	private static LastRunDescriptor ran(WebEndpointResponse<Object> response) {
		assertThat(response.getStatus()).as("%s", response.getBody()).isEqualTo(WebEndpointResponse.STATUS_OK);
		assertThat(response.getBody()).isInstanceOf(LastRunDescriptor.class);
		return (LastRunDescriptor) response.getBody();
	}

	private static Problem problem(WebEndpointResponse<Object> response, int status) {
		assertThat(response.getStatus()).as("%s", response.getBody()).isEqualTo(status);
		assertThat(response.getBody()).isInstanceOf(Problem.class);
		return (Problem) response.getBody();
	}

	@Test
	void upgradeWithoutATargetAppliesEveryRevision() {
		LastRunDescriptor run = ran(extension().run("upgrade", null, null, null));
		assertThat(run.outcome()).isEqualTo(MigrationRun.Outcome.APPLIED);
		assertThat(run.from()).isEqualTo("base");
		assertThat(run.to()).isEqualTo(THIRD);
		assertThat(run.revisions()).containsExactly(FIRST, SECOND, THIRD);
		assertThat(current()).isEqualTo(THIRD);
	}

	@Test
	void upgradeToATargetStopsThere() {
		LastRunDescriptor run = ran(extension().run("upgrade", "+1", null, null));
		assertThat(run.revisions()).containsExactly(FIRST);
		assertThat(current()).isEqualTo(FIRST);
		assertThat(ran(extension().run("upgrade", SECOND, null, null)).revisions()).containsExactly(SECOND);
	}

	@Test
	void upgradeAtHeadAnswersThatNothingWasPending() {
		this.runner.upgrade();
		LastRunDescriptor run = ran(extension().run("upgrade", "head", null, null));
		assertThat(run.outcome()).isEqualTo(MigrationRun.Outcome.UP_TO_DATE);
		assertThat(run.revisions()).isEmpty();
	}

	@Test
	void unknownActionIsAnInvalidRequest() {
		assertThatExceptionOfType(InvalidEndpointRequestException.class)
			.isThrownBy(() -> extension().run("stamp", "head", null, null))
			.withMessage("Unknown action 'stamp': upgrade or downgrade")
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo("Unknown action: upgrade or downgrade"));
		assertThat(this.runner.status().getAppliedRevisions()).isEmpty();
	}

	@Test
	void downgradeWithoutATargetIsAnInvalidRequest() {
		this.runner.upgrade();
		assertThatExceptionOfType(InvalidEndpointRequestException.class)
			.isThrownBy(() -> extension().run("downgrade", null, true, true))
			.withMessage("A downgrade needs a target: -N, base or a revision");
		assertThat(current()).isEqualTo(THIRD);
	}

	@Test
	void downgradeByOneRevertsTheLastRevision() {
		this.runner.upgrade();
		LastRunDescriptor run = ran(extension().run("downgrade", "-1", null, null));
		assertThat(run.outcome()).isEqualTo(MigrationRun.Outcome.REVERTED);
		assertThat(run.from()).isEqualTo(THIRD);
		assertThat(run.to()).isEqualTo(SECOND);
		assertThat(run.revisions()).containsExactly(THIRD);
		assertThat(current()).isEqualTo(SECOND);
	}

	@Test
	void downgradeReachingBaseWithoutYesIsABadRequestAndChangesNothing() throws Exception {
		this.runner.upgrade();
		for (String target : List.of("base", "-3")) {
			for (Boolean yes : new Boolean[] { null, false }) {
				Problem problem = problem(extension().run("downgrade", target, yes, null),
						WebEndpointResponse.STATUS_BAD_REQUEST);
				assertThat(problem.problem()).as(target)
					.startsWith("The downgrade to '" + target + "'")
					.contains("reverts every applied revision")
					.contains("Run it again with \"yes\": true");
				assertThat(problem.action()).isEqualTo("Send the request again with the confirmation it names.");
			}
		}
		assertThat(current()).isEqualTo(THIRD);
		assertThat(this.revisions.tableExists("users")).isTrue();
	}

	@Test
	void downgradeReachingBaseWithYesReverts() throws Exception {
		this.runner.upgrade();
		LastRunDescriptor run = ran(extension().run("downgrade", "-3", true, null));
		assertThat(run.outcome()).isEqualTo(MigrationRun.Outcome.REVERTED);
		assertThat(run.revisions()).containsExactly(THIRD, SECOND, FIRST);
		assertThat(run.to()).isEqualTo("base");
		assertThat(current()).isEqualTo("base");
		assertThat(this.revisions.tableExists("users")).isFalse();
	}

	@Test
	void downgradeReachingBaseUnderAProductionProfileWithoutForceIsForbidden() throws Exception {
		this.runner.upgrade();
		Problem problem = problem(extension("prod").run("downgrade", "base", true, null), 403);
		assertThat(problem.problem()).contains("the active profile(s) [prod] look like production")
			.contains("Add \"force\": true if you really mean it.");
		assertThat(problem(extension("prod").run("downgrade", "base", true, false), 403)).isEqualTo(problem);
		assertThat(current()).isEqualTo(THIRD);
		assertThat(this.revisions.tableExists("users")).isTrue();
	}

	@Test
	void downgradeReachingBaseUnderAProductionProfileWithYesAndForceReverts() {
		this.runner.upgrade();
		assertThat(ran(extension("prod").run("downgrade", "base", true, true)).to()).isEqualTo("base");
		assertThat(current()).isEqualTo("base");
	}

	@Test
	void downgradeThatKeepsARevisionNeedsNoConfirmationUnderAProductionProfile() {
		this.runner.upgrade();
		assertThat(ran(extension("live").run("downgrade", FIRST, null, null)).revisions()).containsExactly(THIRD,
				SECOND);
		assertThat(current()).isEqualTo(FIRST);
	}

	@Test
	void unknownRevisionIsABadRequest() {
		this.runner.upgrade();
		Problem problem = problem(extension().run("downgrade", "ffff", null, null),
				WebEndpointResponse.STATUS_BAD_REQUEST);
		assertThat(problem.problem()).isEqualTo("No revision has an id starting with 'ffff'.");
		assertThat(problem.action()).isEqualTo("List the revisions with 'db history'.");
		assertThat(problem(extension().run("upgrade", "ffff", null, null), WebEndpointResponse.STATUS_BAD_REQUEST))
			.isEqualTo(problem);
		assertThat(current()).isEqualTo(THIRD);
	}

	@Test
	void relativeTargetsPastTheEndsAreBadRequests() {
		this.runner.upgrade("+1");
		Problem past = problem(extension().run("upgrade", "+20", null, null), WebEndpointResponse.STATUS_BAD_REQUEST);
		assertThat(past.problem()).contains("didn't produce 20 migrations").contains("Nothing was changed.");
		assertThat(past.action()).isEqualTo("Upgrade by at most +2, or to 'head'.");
		Problem belowBase = problem(extension().run("downgrade", "-2", true, true),
				WebEndpointResponse.STATUS_BAD_REQUEST);
		assertThat(belowBase.problem()).contains("didn't produce 2 migrations");
		assertThat(current()).isEqualTo(FIRST);
	}

	@Test
	void mistypedTargetIsNotRecordedAsAFailedRun() {
		this.runner.upgrade();
		extension().run("upgrade", "ffff", null, null);
		extension().run("downgrade", "-9", true, true);
		assertThat(this.runner.getLastRun().outcome()).isEqualTo(MigrationRun.Outcome.APPLIED);
	}

	@Test
	void failingRevisionIsAConflictWithTheProblem() {
		this.revisions = SqliteRevisions.withBrokenSecond(this.temp.resolve("broken"));
		this.runner = this.revisions.runner();
		Problem problem = problem(extension().run("upgrade", null, null, null), 409);
		assertThat(problem.problem()).contains(SECOND).contains("'broken'").containsIgnoringCase("no_such_table");
		assertThat(problem.action()).isNotBlank();
		assertThat(this.runner.getLastRun().outcome()).isEqualTo(MigrationRun.Outcome.FAILED);
		assertThat(current()).isEqualTo(FIRST);
	}

}
