package io.paig.db.migration.fastcheck;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;

import io.paig.db.jdbc.JdbcSupport;
import io.paig.db.migration.MigrationSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.util.ResourceUtils;

/**
 * What a changelog is made of, as one hash: every resource location and pattern Liquibase
 * looked up while parsing it (its <em>manifest</em>), what each found and the bytes of
 * what it found, and the settings that choose changesets. A start whose manifest hashes
 * to the value recorded when the database was last found up to date knows, without
 * parsing, that the changelog is the same: any edited, added or removed file, or a new
 * file where a pattern looks, changes the hash.
 * <p>
 * Reading every file costs more than the rest of a start's check, so a second, cheaper
 * value stands in front of the hash, as git's index stands in front of its object hashes:
 * the <em>stamp</em>, made of the same lookups and what each found, but with a file's
 * size and modification time, or a jar entry's size and CRC-32 from the jar's directory,
 * in place of its bytes. A matching stamp says the files are the ones that were hashed; a
 * different one only sends the check on to the hash. A stamp is kept only when every file
 * it names was last modified well before the check that made it began, so that a file
 * edited while a start read it, in the same tick of the file system's clock, is never
 * taken for the file that was read.
 *
 * @author paig-db authors
 */
public final class ChangelogFingerprint {

	/** Bumped when what goes into the hash changes, so that old records stop matching. */
	private static final String FORMAT = "paig-db fingerprint 2";

	/** Bumped when what goes into the stamp changes. */
	private static final String STAMP_FORMAT = "paig-db stamp 1";

	/**
	 * How long before a check began a file must have been last modified for its stamp to
	 * be kept: coarser than the clock of any file system a changelog sits on (FAT's two
	 * seconds).
	 */
	static final Duration RACY = Duration.ofSeconds(3);

	/**
	 * Liquibase's own version goes into the hash: another version may compute other
	 * checksums.
	 */
	static final String LIQUIBASE_VERSION = "classpath:META-INF/maven/org.liquibase/liquibase-core/pom.properties";

	private final MigrationSettings settings;

	private final List<Lookup> lookups;

	private ChangelogFingerprint(MigrationSettings settings, List<Lookup> lookups) {
		this.settings = settings;
		this.lookups = lookups;
	}

	/**
	 * Replay a manifest's lookups against the resources as they are now. The lookups run
	 * in parallel: class path lookups and file system calls are most of a fast check's
	 * time, and each is independent.
	 * @param settings the settings that choose changesets
	 * @param manifest the lookups, {@code R <location>} or {@code P <pattern>}
	 * @param resourceLoader where the changelogs are
	 * @return what the lookups found, ready to be stamped or hashed
	 * @throws IOException when a pattern cannot be resolved or a resource looked at
	 */
	static ChangelogFingerprint of(MigrationSettings settings, List<String> manifest, ResourceLoader resourceLoader)
			throws IOException {
		ResourcePatternResolver resolver = (resourceLoader instanceof ResourcePatternResolver patterns) ? patterns
				: new PathMatchingResourcePatternResolver(resourceLoader);
		try {
			List<Lookup> lookups = manifest.parallelStream().map((line) -> {
				try {
					return lookup(line, resourceLoader, resolver);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}).toList();
			return new ChangelogFingerprint(settings, lookups);
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	/**
	 * The fingerprint of a changelog as a parse through a {@link Recorder} read it: the
	 * value the fast check records, for keys that name a changelog's state (the test
	 * kit's template databases).
	 * @param settings the settings that choose changesets
	 * @param recorder the recorder the parse read the changelog through
	 * @param resourceLoader where the changelogs are
	 * @return the hash, hex
	 * @throws IOException when a resource cannot be read
	 */
	public static String fingerprint(MigrationSettings settings, Recorder recorder, ResourceLoader resourceLoader)
			throws IOException {
		return of(settings, recorder.manifest(), resourceLoader).hash();
	}

	private static Lookup lookup(String line, ResourceLoader resourceLoader, ResourcePatternResolver resolver)
			throws IOException {
		String location = line.substring(2);
		if (line.startsWith("R ")) {
			return new Lookup(line, false, List.of(found(resourceLoader.getResource(location))));
		}
		if (location.startsWith(ResourcePatternResolver.CLASSPATH_ALL_URL_PREFIX)) {
			String path = location.substring(ResourcePatternResolver.CLASSPATH_ALL_URL_PREFIX.length());
			if (!isPattern(path)) {
				// Liquibase looks up each included file on the whole class path and reads
				// the first: enumerating
				// every jar for each file would cost more than the check is allowed, so
				// read that first one only
				return new Lookup(line, false,
						List.of(found(resourceLoader.getResource(ResourceLoader.CLASSPATH_URL_PREFIX + path))));
			}
		}
		List<Found> found = new ArrayList<>();
		for (Resource resource : resolver.getResources(location)) {
			found.add(found(resource));
		}
		found.sort(Comparator.comparing(Found::description));
		return new Lookup(line, true, found);
	}

	/**
	 * The hash of what the lookups found, every file read.
	 * @return the hash, hex
	 * @throws IOException when a resource that exists cannot be read
	 */
	String hash() throws IOException {
		MessageDigest digest = JdbcSupport.sha256();
		byte[] buffer = new byte[8192];
		update(digest, FORMAT);
		update(digest, settingsKey(this.settings));
		for (Lookup lookup : this.lookups) {
			update(digest, lookup.line());
			for (Found found : lookup.found()) {
				if (lookup.pattern()) {
					update(digest, found.description());
				}
				content(digest, found.url(), buffer);
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	/**
	 * The stamp of what the lookups found: no file read, only their sizes and times, or a
	 * jar entry's CRC.
	 * @param checkStarted when the check that will keep the stamp began
	 * @return the stamp, hex, or {@code null} when a file is too new to be trusted by its
	 * stamp (or a resource is of a kind that has no stamp)
	 */
	@Nullable String stamp(Instant checkStarted) {
		MessageDigest digest = JdbcSupport.sha256();
		update(digest, STAMP_FORMAT);
		update(digest, settingsKey(this.settings));
		long trusted = checkStarted.minus(RACY).toEpochMilli();
		for (Lookup lookup : this.lookups) {
			update(digest, lookup.line());
			for (Found found : lookup.found()) {
				if (found.stat() == null || found.modified() > trusted) {
					return null;
				}
				update(digest, found.description());
				update(digest, found.stat());
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static Found found(Resource resource) throws IOException {
		// one class path lookup per resource: exists(), isFile() and getInputStream()
		// would each make their own
		URL url;
		try {
			url = resource.getURL();
		}
		catch (FileNotFoundException ex) {
			return new Found("absent", null, "absent", Long.MIN_VALUE);
		}
		catch (IOException ex) {
			return new Found(resource.getDescription(), null, "absent", Long.MIN_VALUE);
		}
		String description = url.toExternalForm();
		if (ResourceUtils.isFileURL(url)) {
			BasicFileAttributes attributes;
			try {
				attributes = Files.readAttributes(ResourceUtils.getFile(url).toPath(), BasicFileAttributes.class);
			}
			catch (NoSuchFileException ex) {
				return new Found(description, url, "absent", Long.MIN_VALUE);
			}
			if (attributes.isDirectory()) {
				return new Found(description, url, "directory", Long.MIN_VALUE);
			}
			return new Found(description, url,
					"file " + attributes.size() + " " + attributes.lastModifiedTime().to(TimeUnit.MICROSECONDS),
					attributes.lastModifiedTime().toMillis());
		}
		URLConnection connection = url.openConnection();
		if (connection instanceof JarURLConnection jar) {
			JarEntry entry;
			try {
				entry = jar.getJarEntry();
			}
			catch (FileNotFoundException ex) {
				return new Found(description, url, "absent", Long.MIN_VALUE);
			}
			if (entry == null || entry.isDirectory()) {
				return new Found(description, url, "directory", Long.MIN_VALUE);
			}
			if (entry.getCrc() != -1 && entry.getSize() != -1) {
				// a jar is not rewritten under a running class loader: its directory says
				// what an entry holds
				return new Found(description, url, "entry " + entry.getSize() + " " + Long.toHexString(entry.getCrc()),
						Long.MIN_VALUE);
			}
		}
		// no cheap way to tell that this resource is unchanged: only its hash can
		return new Found(description, url, null, Long.MIN_VALUE);
	}

	private static boolean isPattern(String path) {
		return path.indexOf('*') >= 0 || path.indexOf('?') >= 0 || path.indexOf('{') >= 0;
	}

	private static String settingsKey(MigrationSettings settings) {
		return String.join("\n", settings.changelog(), String.join(",", settings.contexts()),
				String.join(",", settings.labels()), String.valueOf(settings.defaultSchema()),
				String.valueOf(settings.liquibaseSchema()), settings.changelogTable(),
				new TreeMap<>(settings.parameters()).toString());
	}

	private static void content(MessageDigest digest, @Nullable URL url, byte[] buffer) throws IOException {
		if (url == null) {
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

	private static void update(MessageDigest digest, String text) {
		digest.update(text.getBytes(StandardCharsets.UTF_8));
		digest.update((byte) 0);
	}

	/**
	 * One lookup of the manifest and what it found.
	 *
	 * @param line the manifest's line
	 * @param pattern whether it is a pattern, whose matches are named in the hash
	 * @param found what it found, sorted when a pattern
	 */
	private record Lookup(String line, boolean pattern, List<Found> found) {

	}

	/**
	 * A resource a lookup found.
	 *
	 * @param description its URL, or why there is none
	 * @param url its URL, {@code null} when absent
	 * @param stat what tells it unchanged without reading it, {@code null} when nothing
	 * does
	 * @param modified when a file was last modified, epoch milliseconds; the smallest
	 * long otherwise
	 */
	private record Found(String description, @Nullable URL url, @Nullable String stat, long modified) {

	}

	/**
	 * A resource loader that notes every lookup, to give the manifest of what a parse
	 * read.
	 */
	public static final class Recorder implements ResourcePatternResolver {

		private final ResourceLoader delegate;

		private final ResourcePatternResolver patterns;

		private final Set<String> manifest = Collections.synchronizedSet(new LinkedHashSet<>());

		private final Map<String, Resource[]> found = new ConcurrentHashMap<>();

		private final Instant started = Instant.now();

		public Recorder(ResourceLoader delegate) {
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

		/**
		 * Look a pattern up, once per run: a parse asks for the same path several times
		 * (Liquibase for an include and again when it parses the file, paig-db for the
		 * file's revision header), and each ask of a {@code classpath*:} pattern searches
		 * every entry of the class path.
		 */
		@Override
		public Resource[] getResources(String locationPattern) throws IOException {
			this.manifest.add("P " + locationPattern);
			Resource[] resources = this.found.get(locationPattern);
			if (resources == null) {
				resources = this.patterns.getResources(locationPattern);
				this.found.put(locationPattern, resources);
			}
			return resources.clone();
		}

		@Override
		public @Nullable ClassLoader getClassLoader() {
			return this.delegate.getClassLoader();
		}

		/**
		 * When the parse whose lookups this records began.
		 * @return the time
		 */
		Instant started() {
			return this.started;
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
