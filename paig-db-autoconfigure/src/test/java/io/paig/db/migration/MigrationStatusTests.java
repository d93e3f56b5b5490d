package io.paig.db.migration;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationStatus}: which revisions are applied and pending, read from
 * the history rows whatever the form of their paths, and the lookups the runner makes for
 * each revision.
 *
 * @author paig-db authors
 */
class MigrationStatusTests {

	private static final String FILE = "db/changelog/revisions/";

	@Test
	void revisionsWithEveryChangeSetRunAreAppliedAndTheRestPending() {
		RevisionHistory history = history(3);
		MigrationStatus status = status(history, rows(history, 0, 1).subList(0, 3));
		assertThat(status.getAppliedRevisions()).extracting(Revision::id).containsExactly("r0");
		assertThat(status.getPendingRevisions()).extracting(Revision::id).containsExactly("r1", "r2");
		assertThat(status.getCurrent()).extracting(Revision::id).isEqualTo("r0");
		assertThat(status.isApplied(history.getRevisions().get(0))).isTrue();
		assertThat(status.isApplied(history.getRevisions().get(1))).isFalse();
		assertThat(status.getPendingChangeSets()).extracting(ChangeSetRef::id).containsExactly("r1-b", "r2-a", "r2-b");
		assertThat(status.isPending(history.getRevisions().get(1).changeSets().get(0))).isFalse();
		assertThat(status.isPending(history.getRevisions().get(1).changeSets().get(1))).isTrue();
	}

	@Test
	void rowOfAChangeSetIsFoundWhateverTheFormOfItsRecordedPath() {
		RevisionHistory history = history(2);
		List<AppliedChangeSet> rows = new ArrayList<>();
		for (AppliedChangeSet row : rows(history, 0, 1)) {
			rows.add(new AppliedChangeSet(row.id(), row.author(), "classpath:/" + row.file(), null, row.orderExecuted(),
					"EXECUTED", null, null, row.id().endsWith("-b") ? "tagged" : null, "1"));
		}
		MigrationStatus status = status(history, rows);
		assertThat(status.isUpToDate()).isTrue();
		ChangeSetRef last = history.getRevisions().get(1).last();
		assertThat(status.appliedRow(last)).isNotNull().extracting(AppliedChangeSet::tag).isEqualTo("tagged");
		assertThat(status.appliedRow(new ChangeSetRef("nope", "paig", FILE + "r0.yaml", true))).isNull();
	}

	@Test
	void revisionEqualToOneOfTheHistoryIsAppliedLikeIt() {
		RevisionHistory history = history(2);
		MigrationStatus status = status(history, rows(history, 0, 0));
		Revision copy = new Revision("r0", "revision 0", null, FILE + "r0.yaml",
				history.getRevisions().get(0).changeSets(), true);
		assertThat(status.isApplied(copy)).isTrue();
		assertThat(history.indexOf(copy)).isZero();
		assertThat(history.indexOf(history.getRevisions().get(1))).isEqualTo(1);
	}

	private static RevisionHistory history(int revisions) {
		List<Revision> list = new ArrayList<>();
		String parent = null;
		for (int i = 0; i < revisions; i++) {
			String file = FILE + "r" + i + ".yaml";
			List<ChangeSetRef> changeSets = List.of(new ChangeSetRef("r" + i + "-a", "paig", file, true),
					new ChangeSetRef("r" + i + "-b", "paig", file, true));
			list.add(new Revision("r" + i, "revision " + i, parent, file, changeSets, true));
			parent = "r" + i;
		}
		return new RevisionHistory("db/changelog/master.yaml", list);
	}

	private static List<AppliedChangeSet> rows(RevisionHistory history, int from, int to) {
		List<AppliedChangeSet> rows = new ArrayList<>();
		for (Revision revision : history.getRevisions().subList(from, to + 1)) {
			for (ChangeSetRef changeSet : revision.changeSets()) {
				rows.add(new AppliedChangeSet(changeSet.id(), changeSet.author(), changeSet.file(), null,
						rows.size() + 1, "EXECUTED", null, null, null, "1"));
			}
		}
		return rows;
	}

	private static MigrationStatus status(RevisionHistory history, List<AppliedChangeSet> rows) {
		return new MigrationStatus(history, rows, (changeSet) -> true, List.of());
	}

}
