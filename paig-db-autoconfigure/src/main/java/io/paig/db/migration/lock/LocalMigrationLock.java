package io.paig.db.migration.lock;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import io.paig.db.migration.LockHolder;
import org.jspecify.annotations.Nullable;

/**
 * SQLite, which has no lock a session can hold apart from its transactions: an
 * operating-system lock on a file beside the database
 * ({@code <database>.migration-lock}), which the operating system frees when the holder's
 * process dies, together with a lock inside this JVM for its own threads. An in-memory
 * database lives in one JVM only, so it gets the JVM lock alone; so does any other
 * database paig-db has no lock for.
 *
 * @author paig-db authors
 */
final class LocalMigrationLock implements MigrationLock {

	private static final Map<String, Semaphore> jvmLocks = new ConcurrentHashMap<>();

	private static final Map<String, String> heldSince = new ConcurrentHashMap<>();

	private final String key;

	private final @Nullable Path lockFile;

	private final String what;

	/**
	 * Create a lock.
	 * @param key what the JVM lock is keyed on (the database file or URL)
	 * @param lockFile the lock file, or {@code null} for a JVM-only lock
	 * @param what the database, for messages
	 */
	LocalMigrationLock(String key, @Nullable Path lockFile, String what) {
		this.key = key;
		this.lockFile = lockFile;
		this.what = what;
	}

	/**
	 * Whether the lock keeps out other processes too (and so may clear a lock row
	 * Liquibase left behind).
	 * @return {@code true} for the file lock
	 */
	@Override
	public boolean spansProcesses() {
		return this.lockFile != null;
	}

	@Override
	public Held acquire(Connection connection, Duration timeout) throws SQLException, InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		Semaphore jvmLock = jvmLocks.computeIfAbsent(this.key, (key) -> new Semaphore(1));
		LockWait.until(jvmLock::tryAcquire, () -> holder(connection), timeout, this.what);
		heldSince.put(this.key, Instant.now() + " by thread " + Thread.currentThread().getName());
		if (this.lockFile == null) {
			return release(jvmLock, null, null);
		}
		FileChannel channel = null;
		try {
			Files.createDirectories(this.lockFile.toAbsolutePath().getParent());
			FileChannel opened = FileChannel.open(this.lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
					StandardOpenOption.WRITE);
			channel = opened;
			FileLock[] fileLock = new FileLock[1];
			Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
			LockWait.until(() -> {
				fileLock[0] = tryLock(opened);
				return fileLock[0] != null;
			}, () -> holder(connection), left, this.what);
			opened.truncate(0);
			opened.write(
					ByteBuffer.wrap((LockNames.process() + " since " + Instant.now()).getBytes(StandardCharsets.UTF_8)),
					0);
			opened.force(false);
			return release(jvmLock, opened, fileLock[0]);
		}
		catch (IOException ex) {
			closeQuietly(channel);
			heldSince.remove(this.key);
			jvmLock.release();
			throw new SQLException("Cannot lock " + this.lockFile + ": " + ex.getMessage(), ex);
		}
		catch (SQLException | InterruptedException | RuntimeException ex) {
			closeQuietly(channel);
			heldSince.remove(this.key);
			jvmLock.release();
			throw ex;
		}
	}

	private Held release(Semaphore jvmLock, @Nullable FileChannel channel, @Nullable FileLock fileLock) {
		boolean[] released = new boolean[1];
		return () -> {
			if (released[0]) {
				return;
			}
			released[0] = true;
			try {
				if (fileLock != null) {
					fileLock.release();
				}
			}
			catch (IOException ex) {
				// closing the channel below frees it too
			}
			finally {
				closeQuietly(channel);
				heldSince.remove(this.key);
				jvmLock.release();
			}
		};
	}

	private static @Nullable FileLock tryLock(FileChannel channel) throws SQLException {
		try {
			return channel.tryLock();
		}
		catch (IOException ex) {
			throw new SQLException("Cannot lock a file: " + ex.getMessage(), ex);
		}
	}

	@Override
	public LockHolder holder(Connection connection) {
		// A holder in this JVM is known without touching the file: probing it with a
		// second channel
		// would, on closing that channel, drop the lock the holder's channel has.
		String inThisJvm = heldSince.get(this.key);
		if (inThisJvm != null) {
			return new LockHolder(true, "this process (" + LockNames.process() + "), since " + inThisJvm, null);
		}
		if (this.lockFile == null || !Files.exists(this.lockFile)) {
			return LockHolder.FREE;
		}
		try (FileChannel channel = FileChannel.open(this.lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
			FileLock probe = channel.tryLock();
			if (probe != null) {
				probe.release();
				return LockHolder.FREE;
			}
			String text = Files.readString(this.lockFile, StandardCharsets.UTF_8).strip();
			return new LockHolder(true, text.isEmpty() ? "another process" : "process " + text, null);
		}
		catch (OverlappingFileLockException ex) {
			return new LockHolder(true, "this process", null);
		}
		catch (IOException ex) {
			return LockHolder.FREE;
		}
	}

	private static void closeQuietly(@Nullable FileChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ex) {
				// nothing more to free
			}
		}
	}

}
