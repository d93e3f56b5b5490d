package io.paig.db.migration.lock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.paig.db.migration.MigrationLockTimeoutException;
import io.paig.db.migration.MigrationSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MigrationLocks}: every spelling of one SQLite file takes the same
 * lock, so that two runs that name it differently still wait for each other.
 *
 * @author paig-db authors
 */
class MigrationLocksTests {

	private static final MigrationSettings SETTINGS = new MigrationSettings("classpath:none.yaml", List.of(), List.of(),
			null, null, "DATABASECHANGELOG", "DATABASECHANGELOGLOCK", Map.of(), Duration.ofSeconds(1), false, true,
			true);

	@TempDir
	Path temp;

	@Test
	void sqliteFileReachedThroughALinkTakesTheSameLock() throws Exception {
		Path real = Files.createDirectories(this.temp.resolve("real"));
		Path link = Files.createSymbolicLink(this.temp.resolve("link"), real);
		assertHeldAgainst("jdbc:sqlite:" + real.resolve("paig.db"), "jdbc:sqlite:" + link.resolve("paig.db"));
	}

	@Test
	void sqliteFileWrittenAsAUriOrWithDotsTakesTheSameLock() throws Exception {
		Path folder = Files.createDirectories(this.temp.resolve("a b"));
		String file = folder.resolve("paig.db").toString();
		assertHeldAgainst("jdbc:sqlite:" + file,
				"jdbc:sqlite:file:" + file.replace(" ", "%20").replace("/a%20b/", "/a%20b/./../a%20b/"));
	}

	@Test
	void otherSqliteFilesTakeOtherLocks() throws Exception {
		try (Connection one = DriverManager.getConnection("jdbc:sqlite:" + this.temp.resolve("one.db"));
				Connection two = DriverManager.getConnection("jdbc:sqlite:" + this.temp.resolve("two.db"));
				MigrationLock.Held held = MigrationLocks.forConnection(one, SETTINGS)
					.acquire(one, Duration.ofSeconds(1));
				MigrationLock.Held other = MigrationLocks.forConnection(two, SETTINGS)
					.acquire(two, Duration.ofSeconds(1))) {
			assertThat(other).isNotNull();
		}
	}

	// the lock taken through the first URL keeps out a run through the second
	private void assertHeldAgainst(String first, String second) throws Exception {
		try (Connection one = DriverManager.getConnection(first);
				Connection two = DriverManager.getConnection(second);
				MigrationLock.Held held = MigrationLocks.forConnection(one, SETTINGS)
					.acquire(one, Duration.ofSeconds(1))) {
			assertThatExceptionOfType(MigrationLockTimeoutException.class)
				.isThrownBy(() -> MigrationLocks.forConnection(two, SETTINGS).acquire(two, Duration.ofMillis(500)));
		}
		try (Connection two = DriverManager.getConnection(second);
				MigrationLock.Held held = MigrationLocks.forConnection(two, SETTINGS)
					.acquire(two, Duration.ofSeconds(1))) {
			assertThat(held).isNotNull();
		}
	}

}
