package io.paig.db.migration.liquibase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.paig.db.migration.ChangeSetRef;
import io.paig.db.migration.Revision;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Follows a Liquibase run revision by revision: which revision each changeset belongs to,
 * when a revision started and ended, which ones are done and how long each took, and
 * which changeset failed.
 *
 * @author paig-db authors
 */
public abstract class RevisionListener extends AbstractChangeExecListener {

	private final Log logger = LogFactory.getLog(getClass());

	private final List<Revision> plan;

	private final Map<String, Revision> revisionByChangeSet = new HashMap<>();

	private final Map<Revision, Integer> positions = new IdentityHashMap<>();

	private final List<Revision> done = new ArrayList<>();

	private final Map<String, Duration> durations = new LinkedHashMap<>();

	private @Nullable Revision current;

	private long currentStart;

	private @Nullable ChangeSetRef failed;

	/**
	 * Follow a run of revisions.
	 * @param plan the revisions, in the order the run takes them
	 */
	protected RevisionListener(List<Revision> plan) {
		this.plan = plan;
		for (Revision revision : plan) {
			this.positions.put(revision, this.positions.size() + 1);
		}
	}

	/**
	 * Count a changeset as part of a revision.
	 * @param changeSet the changeset
	 * @param revision its revision
	 */
	protected void follow(ChangeSetRef changeSet, Revision revision) {
		this.revisionByChangeSet.put(changeSet.key(), revision);
	}

	/**
	 * The revision a changeset belongs to, when it is one of the run's.
	 * @param key the changeset's key
	 * @return the revision, or {@code null}
	 */
	protected @Nullable Revision revisionOf(String key) {
		return this.revisionByChangeSet.get(key);
	}

	/**
	 * Note that a changeset of a revision starts.
	 * @param revision the revision
	 * @return {@code true} when it is the revision's first changeset
	 */
	protected boolean starting(Revision revision) {
		if (revision == this.current) {
			return false;
		}
		this.current = revision;
		this.currentStart = System.nanoTime();
		return true;
	}

	/**
	 * Note that a revision is done, and log it.
	 * @param revision the revision
	 * @param verb what was done to it ({@code applied}, {@code reverted})
	 */
	protected void finished(Revision revision, String verb) {
		this.done.add(revision);
		long millis = (System.nanoTime() - this.currentStart) / 1_000_000;
		this.durations.put(revision.id(), Duration.ofMillis(millis));
		this.logger.info("Revision " + position(revision) + "/" + this.plan.size() + " " + revision.id() + " '"
				+ revision.message() + "' " + verb + " in " + millis + " ms");
	}

	/**
	 * Note the changeset that failed.
	 * @param changeSet the changeset
	 */
	protected void failedAt(ChangeSet changeSet) {
		this.failed = ChangeSetRef.of(changeSet);
	}

	/**
	 * The revisions done, in order.
	 * @return the revisions
	 */
	public List<Revision> done() {
		return this.done;
	}

	/**
	 * How long each revision done took, by id.
	 * @return the durations
	 */
	public Map<String, Duration> durations() {
		return this.durations;
	}

	/**
	 * The changeset that failed.
	 * @return the changeset, or {@code null} when none did
	 */
	public @Nullable ChangeSetRef failed() {
		return this.failed;
	}

	/**
	 * The revision of the changeset that failed.
	 * @return the revision, or {@code null} when none failed
	 */
	public @Nullable Revision failedRevision() {
		return (this.failed != null) ? this.revisionByChangeSet.get(this.failed.key()) : null;
	}

	/**
	 * A revision's place in the run, counting from 1.
	 * @param revision the revision
	 * @return the place, 0 when it is not the run's
	 */
	public int position(Revision revision) {
		return this.positions.getOrDefault(revision, 0);
	}

}
