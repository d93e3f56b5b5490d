package io.paig.db.migration;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One run of the migration runner: when, from where to where, what it applied and how it
 * ended.
 *
 * @param started when it started (before waiting for the lock)
 * @param finished when it ended
 * @param from the revision the database was at, or {@code null} at base
 * @param to the revision it reached, or {@code null} at base
 * @param applied the revisions it applied (or for a downgrade reverted), in order
 * @param durations how long each of them took, by revision id
 * @param outcome how it ended
 * @param error what went wrong, without secrets, or {@code null}
 * @author paig-db authors
 */
public record MigrationRun(Instant started, Instant finished, @Nullable String from, @Nullable String to,
		List<Revision> applied, Map<String, Duration> durations, Outcome outcome, @Nullable String error) {

	/**
	 * A run that found nothing to do.
	 * @param started when the run started
	 * @param at the revision the database is at ({@code base} when none)
	 * @return the run, ending now
	 */
	public static MigrationRun upToDate(Instant started, @Nullable String at) {
		return new MigrationRun(started, Instant.now(), at, at, List.of(), Map.of(), Outcome.UP_TO_DATE, null);
	}

	/**
	 * A run that recorded the database at another revision without running anything.
	 * @param started when the run started
	 * @param from the revision it was recorded at
	 * @param to the revision it is recorded at now
	 * @return the run, ending now
	 */
	public static MigrationRun stamped(Instant started, String from, String to) {
		return new MigrationRun(started, Instant.now(), from, to, List.of(), Map.of(), Outcome.UP_TO_DATE, null);
	}

	/**
	 * How long it took.
	 * @return the duration
	 */
	public Duration duration() {
		return Duration.between(this.started, this.finished);
	}

	/**
	 * How a run ended.
	 */
	public enum Outcome {

		/** Revisions were applied. */
		APPLIED,

		/** Revisions were reverted. */
		REVERTED,

		/** Nothing was pending. */
		UP_TO_DATE,

		/** The run failed. */
		FAILED

	}

}
