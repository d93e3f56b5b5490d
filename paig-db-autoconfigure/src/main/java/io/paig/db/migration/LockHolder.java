package io.paig.db.migration;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Who holds the migration lock, as far as the database tells.
 *
 * @param held whether the lock is held at all
 * @param holder the holder's description: process and host when known, else its database
 * session
 * @param since when the holder took the lock (or started its session), if known
 * @author paig-db authors
 */
public record LockHolder(boolean held, @Nullable String holder, @Nullable Instant since) {

	/** The lock is free. */
	public static final LockHolder FREE = new LockHolder(false, null, null);

	@Override
	public String toString() {
		if (!this.held) {
			return "nobody";
		}
		return ((this.holder != null) ? this.holder : "another session")
				+ ((this.since != null) ? " since " + this.since : "");
	}

}
