package io.paig.db.migration.fastcheck;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import io.paig.db.migration.MigrationSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChangelogFingerprint}: the hash follows the files' bytes, the stamp
 * their sizes and times (or a jar entry's CRC), and no stamp is given for files too new
 * to be trusted by it.
 *
 * @author paig-db authors
 */
class ChangelogFingerprintTests {

	private static final MigrationSettings SETTINGS = MigrationSettings.of("classpath:master.yaml");

	private static final List<String> MANIFEST = List.of("R classpath:master.yaml", "R classpath:revisions/a.yaml",
			"P classpath*:revisions/*.yaml", "R classpath:revisions/missing.yaml");

	@TempDir
	Path folder;

	@Test
	void stampAndHashStayTheSameWhileNothingChanges() throws IOException {
		ResourceLoader loader = folderWith("a: 1\n");
		age(Duration.ofHours(1));
		ChangelogFingerprint first = ChangelogFingerprint.of(SETTINGS, MANIFEST, loader);
		ChangelogFingerprint second = ChangelogFingerprint.of(SETTINGS, MANIFEST, loader);
		assertThat(first.stamp(Instant.now())).isNotNull().isEqualTo(second.stamp(Instant.now()));
		assertThat(first.hash()).isEqualTo(second.hash());
	}

	@Test
	void touchedFileChangesTheStampButNotTheHash() throws IOException {
		ResourceLoader loader = folderWith("a: 1\n");
		age(Duration.ofHours(1));
		ChangelogFingerprint before = ChangelogFingerprint.of(SETTINGS, MANIFEST, loader);
		String stamp = before.stamp(Instant.now());
		String hash = before.hash();
		Files.setLastModifiedTime(this.folder.resolve("revisions/a.yaml"),
				FileTime.from(Instant.now().minus(Duration.ofMinutes(30))));
		ChangelogFingerprint after = ChangelogFingerprint.of(SETTINGS, MANIFEST, loader);
		assertThat(after.stamp(Instant.now())).isNotNull().isNotEqualTo(stamp);
		assertThat(after.hash()).isEqualTo(hash);
	}

	@Test
	void editOfTheSameSizeChangesTheHash() throws IOException {
		ResourceLoader loader = folderWith("a: 1\n");
		String hash = ChangelogFingerprint.of(SETTINGS, MANIFEST, loader).hash();
		Files.writeString(this.folder.resolve("revisions/a.yaml"), "a: 2\n");
		assertThat(ChangelogFingerprint.of(SETTINGS, MANIFEST, loader).hash()).isNotEqualTo(hash);
	}

	@Test
	void newFileWhereAPatternLooksChangesStampAndHash() throws IOException {
		ResourceLoader loader = folderWith("a: 1\n");
		age(Duration.ofHours(1));
		ChangelogFingerprint before = ChangelogFingerprint.of(SETTINGS, MANIFEST, loader);
		String stamp = before.stamp(Instant.now());
		String hash = before.hash();
		Files.writeString(this.folder.resolve("revisions/b.yaml"), "b: 1\n");
		age(Duration.ofHours(1));
		ChangelogFingerprint after = ChangelogFingerprint.of(SETTINGS, MANIFEST, loader);
		assertThat(after.stamp(Instant.now())).isNotNull().isNotEqualTo(stamp);
		assertThat(after.hash()).isNotEqualTo(hash);
	}

	@Test
	void fileModifiedShortlyBeforeTheCheckBeganGivesNoStamp() throws IOException {
		ResourceLoader loader = folderWith("a: 1\n");
		age(Duration.ofHours(1));
		Files.setLastModifiedTime(this.folder.resolve("revisions/a.yaml"), FileTime.from(Instant.now()));
		ChangelogFingerprint fingerprint = ChangelogFingerprint.of(SETTINGS, MANIFEST, loader);
		assertThat(fingerprint.stamp(Instant.now())).isNull();
		assertThat(fingerprint.stamp(Instant.now().plus(ChangelogFingerprint.RACY).plusSeconds(1))).isNotNull();
	}

	@Test
	void otherSettingsChangeStampAndHash() throws IOException {
		ResourceLoader loader = folderWith("a: 1\n");
		age(Duration.ofHours(1));
		MigrationSettings other = MigrationSettings.of("classpath:master.yaml").withoutFastCheck();
		MigrationSettings contexts = new MigrationSettings("classpath:master.yaml", List.of("prod"), List.of(), null,
				null, "DATABASECHANGELOG", "DATABASECHANGELOGLOCK", Map.of(), Duration.ofSeconds(30), false, false,
				true);
		ChangelogFingerprint plain = ChangelogFingerprint.of(SETTINGS, MANIFEST, loader);
		ChangelogFingerprint prod = ChangelogFingerprint.of(contexts, MANIFEST, loader);
		assertThat(prod.stamp(Instant.now())).isNotEqualTo(plain.stamp(Instant.now()));
		assertThat(prod.hash()).isNotEqualTo(plain.hash());
		assertThat(ChangelogFingerprint.of(other, MANIFEST, loader).hash()).isEqualTo(plain.hash());
	}

	@Test
	void jarEntriesAreStampedByTheirSizeAndCrc() throws IOException {
		List<String> manifest = List.of("R classpath:master.yaml", "R classpath:revisions/a.yaml");
		ResourceLoader one = jarWith("one.jar", "a: 1\n");
		ResourceLoader same = jarWith("same.jar", "a: 1\n");
		ResourceLoader edited = jarWith("edited.jar", "a: 2\n");
		// a jar written a moment ago: its entries' CRCs say what they hold, whatever the
		// jar's own time
		String stamp = ChangelogFingerprint.of(SETTINGS, manifest, one).stamp(Instant.now());
		assertThat(stamp).isNotNull();
		assertThat(ChangelogFingerprint.of(SETTINGS, manifest, edited).stamp(Instant.now())).isNotNull()
			.isNotEqualTo(stamp);
		assertThat(ChangelogFingerprint.of(SETTINGS, manifest, same).hash())
			.isEqualTo(ChangelogFingerprint.of(SETTINGS, manifest, one).hash())
			.isNotEqualTo(ChangelogFingerprint.of(SETTINGS, manifest, edited).hash());
	}

	@Test
	void includeLookedUpOnTheWholeClassPathIsTheFirstCopyFound() throws IOException {
		folderWith("a: 1\n");
		Path jar = this.folder.resolve("second.jar");
		writeJar(jar, "a: 1\n");
		URLClassLoader classLoader = new URLClassLoader(new URL[] { this.folder.toUri().toURL(), jar.toUri().toURL() },
				null);
		ResourceLoader loader = new DefaultResourceLoader(classLoader);
		List<String> manifest = List.of("P classpath*:/revisions/a.yaml");
		String hash = ChangelogFingerprint.of(SETTINGS, manifest, loader).hash();
		// Liquibase reads the first copy; a second one further down the class path is not
		// looked at
		writeJar(this.folder.resolve("other.jar"), "a: 2\n");
		URLClassLoader shadowed = new URLClassLoader(
				new URL[] { this.folder.toUri().toURL(), this.folder.resolve("other.jar").toUri().toURL() }, null);
		assertThat(ChangelogFingerprint.of(SETTINGS, manifest, new DefaultResourceLoader(shadowed)).hash())
			.isEqualTo(hash);
		Files.writeString(this.folder.resolve("revisions/a.yaml"), "a: 3\n");
		assertThat(ChangelogFingerprint.of(SETTINGS, manifest, loader).hash()).isNotEqualTo(hash);
	}

	@Test
	void recorderLooksEachPatternUpOnceAndNotesItOnce() throws IOException {
		ResourcePatternResolver folder = (ResourcePatternResolver) folderWith("a: 1\n");
		AtomicInteger searches = new AtomicInteger();
		ResourcePatternResolver counting = new PathMatchingResourcePatternResolver(folder) {

			@Override
			public Resource[] getResources(String locationPattern) throws IOException {
				searches.incrementAndGet();
				return folder.getResources(locationPattern);
			}

		};
		ChangelogFingerprint.Recorder recorder = new ChangelogFingerprint.Recorder(counting);
		Resource[] first = recorder.getResources("classpath*:revisions/a.yaml");
		first[0] = null;
		Resource[] second = recorder.getResources("classpath*:revisions/a.yaml");
		assertThat(searches).hasValue(1);
		assertThat(second).singleElement().satisfies((resource) -> assertThat(resource.exists()).isTrue());
		assertThat(recorder.manifest()).containsOnlyOnce("P classpath*:revisions/a.yaml");
		recorder.getResources("classpath*:revisions/*.yaml");
		assertThat(searches).hasValue(2);
	}

	private ResourceLoader folderWith(String revision) throws IOException {
		Files.createDirectories(this.folder.resolve("revisions"));
		Files.writeString(this.folder.resolve("master.yaml"), "databaseChangeLog: []\n");
		Files.writeString(this.folder.resolve("revisions/a.yaml"), revision);
		URLClassLoader classLoader = new URLClassLoader(new URL[] { this.folder.toUri().toURL() }, null);
		return new PathMatchingResourcePatternResolver(new DefaultResourceLoader(classLoader));
	}

	private ResourceLoader jarWith(String name, String revision) throws IOException {
		Path jar = this.folder.resolve(name);
		writeJar(jar, revision);
		URLClassLoader classLoader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null);
		return new DefaultResourceLoader(classLoader);
	}

	private static void writeJar(Path jar, String revision) throws IOException {
		try (OutputStream file = Files.newOutputStream(jar); JarOutputStream output = new JarOutputStream(file)) {
			output.putNextEntry(new ZipEntry("master.yaml"));
			output.write("databaseChangeLog: []\n".getBytes());
			output.putNextEntry(new ZipEntry("revisions/a.yaml"));
			output.write(revision.getBytes());
		}
	}

	private void age(Duration age) throws IOException {
		FileTime old = FileTime.from(Instant.now().minus(age));
		try (Stream<Path> files = Files.walk(this.folder)) {
			for (Path file : files.toList()) {
				Files.setLastModifiedTime(file, old);
			}
		}
	}

}
