package io.paig.db.migration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link Targets}, on statuses of a history of three revisions built as the
 * runner builds them from the changelog and the history table's rows.
 *
 * @author paig-db authors
 */
class TargetsTests {

	private static final String FIRST = "d016d5e1fe5a";

	private static final String SECOND = "db69a6f11e2f";

	private static final String THIRD = "e2ab5ab5e4d6";

	private static final RevisionHistory HISTORY = new RevisionHistory("db.changelog-master.yaml",
			List.of(revision(FIRST, null, "create users"), revision(SECOND, FIRST, "add email"),
					revision(THIRD, SECOND, "seed admin")));

	private static Revision revision(String id, String parent, String message) {
		String file = "revisions/" + id + ".yaml";
		return new Revision(id, message, parent, file, List.of(new ChangeSetRef(id + "-1", "paig", file, true)), true);
	}

	/**
	 * Where a database stands whose history table records the first revisions.
	 */
	private static MigrationStatus applied(int count) {
		List<AppliedChangeSet> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Revision revision = HISTORY.getRevisions().get(i);
			ChangeSetRef changeSet = revision.last();
			rows.add(new AppliedChangeSet(changeSet.id(), changeSet.author(), changeSet.file(), Instant.now(), i + 1,
					"EXECUTED", "9:0", null, revision.id(), "1"));
		}
		return new MigrationStatus(HISTORY, rows, (changeSet) -> true, List.of());
	}

	private static List<String> ids(List<Revision> revisions) {
		return revisions.stream().map(Revision::id).toList();
	}

	@Test
	void anOfflineRangeTakesRevisionsPrefixesBaseAndHeadAsItsEnds() {
		assertThat(ids(Targets.offlineRange(HISTORY, "base:head", true))).containsExactly(FIRST, SECOND, THIRD);
		assertThat(ids(Targets.offlineRange(HISTORY, "d016:db69", true))).containsExactly(SECOND);
		assertThat(ids(Targets.offlineRange(HISTORY, FIRST + ":" + FIRST, true))).isEmpty();
		assertThat(ids(Targets.offlineRange(HISTORY, "heads:d016", false))).containsExactly(THIRD, SECOND);
		assertThat(ids(Targets.offlineRange(HISTORY, "e2ab:BASE", false))).containsExactly(THIRD, SECOND, FIRST);
	}

	@Test
	void anOfflineRangeThatRunsTheWrongWayOrNamesTheDatabaseIsRefused() {
		assertThatExceptionOfType(Targets.InvalidTargetException.class)
			.isThrownBy(() -> Targets.offlineRange(HISTORY, "head:base", true))
			.withMessageContaining("head comes after base");
		assertThatExceptionOfType(Targets.InvalidTargetException.class)
			.isThrownBy(() -> Targets.offlineRange(HISTORY, "base:head", false))
			.withMessageContaining("base comes before head");
		assertThatExceptionOfType(Targets.InvalidTargetException.class)
			.isThrownBy(() -> Targets.offlineRange(HISTORY, "current:head", true))
			.withMessageContaining("offline mode does not read");
		assertThatExceptionOfType(Targets.InvalidTargetException.class)
			.isThrownBy(() -> Targets.offlineRange(HISTORY, "head:-1", false));
		assertThatExceptionOfType(Targets.InvalidTargetException.class)
			.isThrownBy(() -> Targets.offlineRange(HISTORY, "base:", true))
			.withMessageContaining("not a range of the form <from>:<to>");
		assertThatExceptionOfType(RevisionHistory.UnknownRevisionException.class)
			.isThrownBy(() -> Targets.offlineRange(HISTORY, "d:head", true));
	}

	@Test
	void headAndHeadsInAnyCaseAndSpacingMeanTheHead() {
		assertThat(Targets.isHead("head")).isTrue();
		assertThat(Targets.isHead("heads")).isTrue();
		assertThat(Targets.isHead(" HEAD ")).isTrue();
		assertThat(Targets.isHead("Heads")).isTrue();
	}

	@Test
	void otherTargetsAreNotTheHead() {
		assertThat(Targets.isHead("base")).isFalse();
		assertThat(Targets.isHead("+1")).isFalse();
		assertThat(Targets.isHead("header")).isFalse();
		assertThat(Targets.isHead(THIRD)).isFalse();
	}

	@Test
	void baseInAnyCaseAndSpacingMeansBase() {
		assertThat(Targets.isBase("base")).isTrue();
		assertThat(Targets.isBase(" BASE\n")).isTrue();
		assertThat(Targets.isBase("-1")).isFalse();
		assertThat(Targets.isBase("based")).isFalse();
		assertThat(Targets.isBase("head")).isFalse();
	}

	@Test
	void stampIndexOfBaseIsBeforeTheFirstRevision() {
		assertThat(Targets.stampIndex(HISTORY, "base")).isEqualTo(-1);
		assertThat(Targets.stampIndex(HISTORY, "Base")).isEqualTo(-1);
	}

	@Test
	void stampIndexOfHeadIsTheLastRevision() {
		assertThat(Targets.stampIndex(HISTORY, "head")).isEqualTo(2);
		assertThat(Targets.stampIndex(HISTORY, "HEADS")).isEqualTo(2);
	}

	@Test
	void stampIndexOfHeadWithoutRevisionsIsBase() {
		assertThat(Targets.stampIndex(new RevisionHistory("empty.yaml", List.of()), "head")).isEqualTo(-1);
	}

	@Test
	void stampIndexOfARevisionIsItsPlaceFoundByAUniquePrefix() {
		assertThat(Targets.stampIndex(HISTORY, FIRST)).isEqualTo(0);
		assertThat(Targets.stampIndex(HISTORY, " " + SECOND + " ")).isEqualTo(1);
		assertThat(Targets.stampIndex(HISTORY, "e2")).isEqualTo(2);
	}

	@Test
	void stampIndexOfAnUnknownOrAmbiguousRevisionIsRefused() {
		assertThatExceptionOfType(RevisionHistory.UnknownRevisionException.class)
			.isThrownBy(() -> Targets.stampIndex(HISTORY, "ffff"))
			.withMessage("No revision has an id starting with 'ffff'.");
		assertThatExceptionOfType(RevisionHistory.UnknownRevisionException.class)
			.isThrownBy(() -> Targets.stampIndex(HISTORY, "d"))
			.withMessage("'d' fits 2 revisions: " + FIRST + ", " + SECOND + ".")
			.satisfies((ex) -> assertThat(ex.getCandidates()).extracting(Revision::id).containsExactly(FIRST, SECOND));
	}

	@Test
	void upgradeToHeadPlansEveryPendingRevisionInOrder() {
		assertThat(ids(Targets.upgrade(applied(0), "head"))).containsExactly(FIRST, SECOND, THIRD);
		assertThat(ids(Targets.upgrade(applied(1), "heads"))).containsExactly(SECOND, THIRD);
		assertThat(Targets.upgrade(applied(3), "head")).isEmpty();
	}

	@Test
	void upgradeByARelativeCountPlansThatManyPendingRevisions() {
		assertThat(ids(Targets.upgrade(applied(0), "+1"))).containsExactly(FIRST);
		assertThat(ids(Targets.upgrade(applied(0), "+2"))).containsExactly(FIRST, SECOND);
		assertThat(ids(Targets.upgrade(applied(1), " +2 "))).containsExactly(SECOND, THIRD);
	}

	@Test
	void upgradeByMoreThanIsPendingIsRefused() {
		assertThatExceptionOfType(Targets.InvalidTargetException.class)
			.isThrownBy(() -> Targets.upgrade(applied(1), "+20"))
			.withMessage("Relative revision +20 didn't produce 20 migrations: 2 revision(s) are pending, from " + FIRST
					+ " to head " + THIRD + ". Nothing was changed.")
			.satisfies((ex) -> assertThat(ex.getAction()).isEqualTo("Upgrade by at most +2, or to 'head'."));
		assertThatExceptionOfType(Targets.InvalidTargetException.class)
			.isThrownBy(() -> Targets.upgrade(applied(0), "+4"))
			.withMessageContaining("3 revision(s) are pending, from base to head " + THIRD);
	}

	@Test
	void upgradeByOneAtHeadIsRefused() {
		assertThatExceptionOfType(Targets.InvalidTargetException.class)
			.isThrownBy(() -> Targets.upgrade(applied(3), "+1"))
			.withMessageContaining("didn't produce 1 migrations: 0 revision(s) are pending")
			.satisfies((ex) -> assertThat(ex.getAction())
				.isEqualTo("The database is at head: there is nothing to upgrade."));
	}

	@Test
	void relativeCountsThatAreNotPositiveNumbersAreRefused() {
		for (String target : List.of("+0", "+", "+x", "+1.5", "-0", "-", "-two")) {
			assertThatExceptionOfType(Targets.InvalidTargetException.class).as(target).isThrownBy(() -> {
				if (target.startsWith("+")) {
					Targets.upgrade(applied(1), target);
				}
				else {
					Targets.downgrade(applied(1), target);
				}
			})
				.withMessage("'" + target + "' is not a number of revisions.")
				.satisfies((ex) -> assertThat(ex.getAction()).contains("'+1'").contains("'-1'"));
		}
	}

	@Test
	void upgradeToARevisionPlansThePendingRevisionsUpToAndIncludingIt() {
		assertThat(ids(Targets.upgrade(applied(0), SECOND))).containsExactly(FIRST, SECOND);
		assertThat(ids(Targets.upgrade(applied(1), "e2ab"))).containsExactly(SECOND, THIRD);
	}

	@Test
	void upgradeToAnAppliedRevisionPlansNothing() {
		assertThat(Targets.upgrade(applied(2), FIRST)).isEmpty();
		assertThat(Targets.upgrade(applied(2), SECOND)).isEmpty();
	}

	@Test
	void upgradeToAnUnknownRevisionIsRefused() {
		assertThatExceptionOfType(RevisionHistory.UnknownRevisionException.class)
			.isThrownBy(() -> Targets.upgrade(applied(0), "ffff"));
	}

	@Test
	void downgradeToBasePlansEveryAppliedRevisionNewestFirst() {
		assertThat(ids(Targets.downgrade(applied(3), "base"))).containsExactly(THIRD, SECOND, FIRST);
		assertThat(ids(Targets.downgrade(applied(2), "BASE"))).containsExactly(SECOND, FIRST);
		assertThat(Targets.downgrade(applied(0), "base")).isEmpty();
	}

	@Test
	void downgradeByARelativeCountPlansThatManyAppliedRevisionsNewestFirst() {
		assertThat(ids(Targets.downgrade(applied(3), "-1"))).containsExactly(THIRD);
		assertThat(ids(Targets.downgrade(applied(3), "-2"))).containsExactly(THIRD, SECOND);
		assertThat(ids(Targets.downgrade(applied(3), "-3"))).containsExactly(THIRD, SECOND, FIRST);
		assertThat(ids(Targets.downgrade(applied(2), " -1 "))).containsExactly(SECOND);
	}

	@Test
	void downgradeByMoreThanIsAppliedIsRefused() {
		assertThatExceptionOfType(Targets.InvalidTargetException.class)
			.isThrownBy(() -> Targets.downgrade(applied(3), "-9"))
			.withMessage("Relative revision -9 didn't produce 9 migrations: 3 revision(s) are applied, from base to "
					+ THIRD + ". Nothing was changed.")
			.satisfies((ex) -> assertThat(ex.getAction()).isEqualTo("Downgrade by at most -3, or to 'base'."));
	}

	@Test
	void downgradeByOneAtBaseIsRefused() {
		assertThatExceptionOfType(Targets.InvalidTargetException.class)
			.isThrownBy(() -> Targets.downgrade(applied(0), "-1"))
			.withMessageContaining("0 revision(s) are applied, from base to base")
			.satisfies((ex) -> assertThat(ex.getAction())
				.isEqualTo("The database is at base: there is nothing to downgrade."));
	}

	@Test
	void downgradeToARevisionPlansTheAppliedRevisionsAfterItNewestFirst() {
		assertThat(ids(Targets.downgrade(applied(3), FIRST))).containsExactly(THIRD, SECOND);
		assertThat(ids(Targets.downgrade(applied(3), "db69"))).containsExactly(THIRD);
		assertThat(Targets.downgrade(applied(3), THIRD)).isEmpty();
	}

	@Test
	void downgradeToARevisionNotAppliedIsRefused() {
		assertThatExceptionOfType(Targets.InvalidTargetException.class)
			.isThrownBy(() -> Targets.downgrade(applied(1), THIRD))
			.withMessage("Revision " + THIRD + " 'seed admin' is not applied: there is nothing to go down to.")
			.satisfies((ex) -> assertThat(ex.getAction()).contains("'db history'"));
	}

	@Test
	void downgradeToAnUnknownRevisionIsRefused() {
		assertThatExceptionOfType(RevisionHistory.UnknownRevisionException.class)
			.isThrownBy(() -> Targets.downgrade(applied(3), "ffff"));
	}

	@Test
	void aRangeIncludesBothEnds() {
		assertThat(ids(Targets.range(applied(0), FIRST + ":" + SECOND))).containsExactly(FIRST, SECOND);
		assertThat(ids(Targets.range(applied(0), "base:head"))).containsExactly(FIRST, SECOND, THIRD);
		assertThat(ids(Targets.range(applied(0), ":"))).containsExactly(FIRST, SECOND, THIRD);
		assertThat(ids(Targets.range(applied(0), "db6:"))).containsExactly(SECOND, THIRD);
		assertThat(ids(Targets.range(applied(0), ":" + FIRST))).containsExactly(FIRST);
	}

	@Test
	void aRangeEndMayBeTheCurrentRevision() {
		assertThat(ids(Targets.range(applied(2), "current:"))).containsExactly(SECOND, THIRD);
		assertThat(ids(Targets.range(applied(2), ":current"))).containsExactly(FIRST, SECOND);
		assertThat(ids(Targets.range(applied(0), ":current"))).isEmpty();
	}

	@Test
	void aRelativeRangeEndCountsFromTheOtherEnd() {
		assertThat(ids(Targets.range(applied(0), "-1:"))).containsExactly(SECOND, THIRD);
		assertThat(ids(Targets.range(applied(2), "-1:current"))).containsExactly(FIRST, SECOND);
		assertThat(ids(Targets.range(applied(1), "current:+1"))).containsExactly(FIRST, SECOND);
		assertThat(ids(Targets.range(applied(0), "base:+2"))).containsExactly(FIRST, SECOND);
	}

	@Test
	void aRelativeRangeEndPastBaseOrHeadStopsThereAsAlembicsDoes() {
		assertThat(ids(Targets.range(applied(0), "-4:"))).containsExactly(FIRST, SECOND, THIRD);
		assertThat(ids(Targets.range(applied(3), "current:+1"))).containsExactly(THIRD);
		assertThat(ids(Targets.range(applied(1), "-9:current"))).containsExactly(FIRST);
	}

	@Test
	void aRangeThatRunsBackwardsOrIsNotARangeIsRefused() {
		assertThatExceptionOfType(Targets.InvalidTargetException.class)
			.isThrownBy(() -> Targets.range(applied(0), THIRD + ":" + FIRST))
			.withMessageContaining("runs backwards");
		assertThatExceptionOfType(Targets.InvalidTargetException.class)
			.isThrownBy(() -> Targets.range(applied(0), "head:base"));
		assertThatExceptionOfType(Targets.InvalidTargetException.class)
			.isThrownBy(() -> Targets.range(applied(0), FIRST))
			.withMessageContaining("is not a range");
		assertThatExceptionOfType(Targets.InvalidTargetException.class)
			.isThrownBy(() -> Targets.range(applied(0), "a:b:c"));
		assertThatExceptionOfType(Targets.InvalidTargetException.class)
			.isThrownBy(() -> Targets.range(applied(0), "+1:"))
			.withMessageContaining("counts from the wrong end");
		assertThatExceptionOfType(Targets.InvalidTargetException.class)
			.isThrownBy(() -> Targets.range(applied(0), "-1:+1"));
	}

}
