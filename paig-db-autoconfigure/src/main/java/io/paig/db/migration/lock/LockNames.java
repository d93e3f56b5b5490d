package io.paig.db.migration.lock;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

import io.paig.db.jdbc.JdbcSupport;
import org.jspecify.annotations.Nullable;

/**
 * Names for migration locks and their holders: a lock per history table, so that two
 * applications with their own history tables in one database do not wait for each other;
 * a holder named by process and host, with the time it took the lock.
 *
 * @author paig-db authors
 */
final class LockNames {

	private static final String PREFIX = "paig-db ";

	private LockNames() {
	}

	/**
	 * A 64-bit lock key for a name.
	 * @param name the name, e.g. the schema and history table
	 * @return the key
	 */
	static long key(String name) {
		byte[] digest = JdbcSupport.sha256()
			.digest(("paig-db:" + name.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
		return ByteBuffer.wrap(digest).getLong();
	}

	/**
	 * This process, as {@code pid@host}.
	 * @return the process name
	 */
	static String process() {
		return ManagementFactory.getRuntimeMXBean().getName();
	}

	/**
	 * A holder name that fits PostgreSQL's 63-character application name: the time the
	 * lock was taken and this process.
	 * @param since when the lock is taken
	 * @return the name
	 */
	static String holderName(Instant since) {
		String name = PREFIX + since.getEpochSecond() + " " + process();
		return (name.length() > 63) ? name.substring(0, 63) : name;
	}

	static @Nullable Instant sinceOf(@Nullable String holderName) {
		if (holderName == null || !holderName.startsWith(PREFIX)) {
			return null;
		}
		String[] parts = holderName.split(" ", 3);
		try {
			return Instant.ofEpochSecond(Long.parseLong(parts[1]));
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	static @Nullable String processOf(@Nullable String holderName) {
		if (holderName == null || !holderName.startsWith(PREFIX)) {
			return null;
		}
		String[] parts = holderName.split(" ", 3);
		return (parts.length == 3) ? "process " + parts[2] : null;
	}

}
