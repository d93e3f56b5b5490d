package io.paig.db.migration;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Changesets that ran were edited afterwards: their files no longer match the checksums
 * recorded. They are never run again silently.
 *
 * @author paig-db authors
 */
public class EditedRevisionException extends MigrationException {

	private final List<MigrationStatus.EditedChangeSet> edited;

	public EditedRevisionException(List<MigrationStatus.EditedChangeSet> edited) {
		super("Applied revisions were edited after they ran:\n"
				+ edited.stream().map((e) -> "  - " + e).collect(Collectors.joining("\n")),
				"Undo the edits and put the change in a new revision ('db revision'). If an edit changes nothing in "
						+ "the database (a comment, say), add the new checksum to the changeset's validCheckSum, or "
						+ "set MD5SUM to NULL for that row of the history table.");
		this.edited = List.copyOf(edited);
	}

	public List<MigrationStatus.EditedChangeSet> getEdited() {
		return this.edited;
	}

}
