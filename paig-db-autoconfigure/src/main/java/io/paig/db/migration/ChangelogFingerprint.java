package io.paig.db.migration;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.util.ResourceUtils;

/**
 * What a changelog is made of, as one hash: every resource location and pattern Liquibase looked up while
 * parsing it (its <em>manifest</em>), what each found and the bytes of what it found, and the settings that
 * choose changesets. A start whose manifest hashes to the value recorded when the database was last found
 * up to date knows, without parsing, that the changelog is the same: any edited, added or removed file, or a
 * new file where a pattern looks, changes the hash.
 *
 * @author paig-db
 */
final class ChangelogFingerprint {

	/** Bumped when what goes into the hash changes, so that old records stop matching. */
	private static final String FORMAT = "paig-db fingerprint 1";

	/** Liquibase's own version goes into the hash: another version may compute other checksums. */
	static final String LIQUIBASE_VERSION = "classpath:META-INF/maven/org.liquibase/liquibase-core/pom.properties";

	private ChangelogFingerprint() {
	}

	/**
	 * Hash a manifest as the resources are now.
	 * @param settings the settings that choose changesets
	 * @param manifest the lookups, {@code R <location>} or {@code P <pattern>}
	 * @param resourceLoader where the changelogs are
	 * @return the hash, hex
	 * @throws IOException when a resource that exists cannot be read
	 */
	static String hash(MigrationSettings settings, List<String> manifest, ResourceLoader resourceLoader)
			throws IOException {
		MessageDigest digest = sha256();
		byte[] buffer = new byte[8192];
		update(digest, FORMAT);
		update(digest, settingsKey(settings));
		ResourcePatternResolver resolver = (resourceLoader instanceof ResourcePatternResolver patterns) ? patterns
				: new PathMatchingResourcePatternResolver(resourceLoader);
		for (String line : manifest) {
			update(digest, line);
			String location = line.substring(2);
			if (line.startsWith("R ")) {
				content(digest, resourceLoader.getResource(location), buffer);
			}
			else if (location.startsWith(ResourcePatternResolver.CLASSPATH_ALL_URL_PREFIX) && !isPattern(location)) {
				// Liquibase looks up each included file on the whole class path and reads the first: enumerating
				// every jar for each file would cost more than the check is allowed, so read that first one only
				content(digest, resourceLoader.getResource(ResourceLoader.CLASSPATH_URL_PREFIX
						+ location.substring(ResourcePatternResolver.CLASSPATH_ALL_URL_PREFIX.length())), buffer);
			}
			else {
				Resource[] found = resolver.getResources(location);
				Arrays.sort(found, Comparator.comparing(ChangelogFingerprint::describe));
				for (Resource resource : found) {
					update(digest, describe(resource));
					content(digest, resource, buffer);
				}
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static boolean isPattern(String location) {
		return location.indexOf('*') >= 0 || location.indexOf('?') >= 0 || location.indexOf('{') >= 0;
	}

	private static String settingsKey(MigrationSettings settings) {
		return String.join("\n", settings.changelog(), String.join(",", settings.contexts()),
				String.join(",", settings.labels()), String.valueOf(settings.defaultSchema()),
				String.valueOf(settings.liquibaseSchema()), settings.changelogTable(),
				new java.util.TreeMap<>(settings.parameters()).toString());
	}

	private static void content(MessageDigest digest, Resource resource, byte[] buffer) throws IOException {
		// one class path lookup per resource: exists(), isFile() and getInputStream() would each make their own
		URL url;
		try {
			url = resource.getURL();
		}
		catch (FileNotFoundException ex) {
			update(digest, "absent");
			return;
		}
		if (ResourceUtils.isFileURL(url)) {
			File file = ResourceUtils.getFile(url);
			if (!file.exists()) {
				update(digest, "absent");
			}
			else if (file.isDirectory()) {
				update(digest, "directory");
			}
			else {
				try (InputStream input = new FileInputStream(file)) {
					read(digest, input, buffer);
				}
			}
			return;
		}
		try (InputStream input = url.openStream()) {
			read(digest, input, buffer);
		}
		catch (FileNotFoundException ex) {
			// absent, or a folder inside a jar: it has no content of its own
			update(digest, "unreadable");
		}
	}

	private static void read(MessageDigest digest, InputStream input, byte[] buffer) throws IOException {
		long length = 0;
		for (int read = input.read(buffer); read != -1; read = input.read(buffer)) {
			digest.update(buffer, 0, read);
			length += read;
		}
		update(digest, "length " + length);
	}

	private static String describe(Resource resource) {
		try {
			return resource.getURL().toExternalForm();
		}
		catch (IOException ex) {
			return resource.getDescription();
		}
	}

	private static void update(MessageDigest digest, String text) {
		digest.update(text.getBytes(StandardCharsets.UTF_8));
		digest.update((byte) 0);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/**
	 * A resource loader that notes every lookup, to give the manifest of what a parse read.
	 */
	static final class Recorder implements ResourcePatternResolver {

		private final ResourceLoader delegate;

		private final ResourcePatternResolver patterns;

		private final Set<String> manifest = Collections.synchronizedSet(new LinkedHashSet<>());

		Recorder(ResourceLoader delegate) {
			this.delegate = delegate;
			this.patterns = (delegate instanceof ResourcePatternResolver resolver) ? resolver
					: new PathMatchingResourcePatternResolver(delegate);
			this.manifest.add("R " + LIQUIBASE_VERSION);
		}

		@Override
		public Resource getResource(String location) {
			this.manifest.add("R " + location);
			return this.delegate.getResource(location);
		}

		@Override
		public Resource[] getResources(String locationPattern) throws IOException {
			this.manifest.add("P " + locationPattern);
			return this.patterns.getResources(locationPattern);
		}

		@Override
		public @Nullable ClassLoader getClassLoader() {
			return this.delegate.getClassLoader();
		}

		/**
		 * The lookups so far, in the order they were first made.
		 * @return the manifest
		 */
		List<String> manifest() {
			synchronized (this.manifest) {
				return new ArrayList<>(this.manifest);
			}
		}

	}

}
