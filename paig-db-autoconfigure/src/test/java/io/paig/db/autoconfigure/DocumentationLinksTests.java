package io.paig.db.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relative link in {@code README.md} and {@code docs/*.md} leads somewhere: the
 * file exists and, for a link with {@code #anchor}, the file has a heading with that
 * GitHub anchor.
 *
 * @author paig-db authors
 */
class DocumentationLinksTests {

	private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");

	private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

	@Test
	void everyLinkBetweenTheDocsResolves() throws IOException {
		Path root = ConfigurationDocumentationTests.projectRoot();
		List<String> broken = new ArrayList<>();
		for (Path document : documents(root)) {
			for (String target : links(document)) {
				String problem = problem(document, target);
				if (problem != null) {
					broken.add(root.relativize(document) + ": (" + target + ") " + problem);
				}
			}
		}
		assertThat(broken).as("broken links").isEmpty();
	}

	@Test
	void readmeLinksEveryDocument() throws IOException {
		Path root = ConfigurationDocumentationTests.projectRoot();
		Set<String> linked = new LinkedHashSet<>();
		for (String target : links(root.resolve("README.md"))) {
			linked.add(target.replaceFirst("#.*", ""));
		}
		List<String> unlinked = new ArrayList<>();
		try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
			docs.filter((path) -> path.toString().endsWith(".md"))
				.map((path) -> "docs/" + path.getFileName())
				.filter((doc) -> !linked.contains(doc))
				.sorted()
				.forEach(unlinked::add);
		}
		assertThat(unlinked).as("documents in docs/ that README.md does not link").isEmpty();
	}

	@Test
	void anchorsAreGitHubs() {
		assertThat(anchors(List.of("## `database.migration.*` properties", "## Offline SQL: --sql",
				"### `GET /actuator/migrations/{revision}`", "## Errors", "## Errors")))
			.contains("databasemigration-properties", "offline-sql---sql", "get-actuatormigrationsrevision", "errors",
					"errors-1");
	}

	private static List<Path> documents(Path root) throws IOException {
		List<Path> documents = new ArrayList<>();
		documents.add(root.resolve("README.md"));
		try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
			docs.filter((path) -> path.toString().endsWith(".md")).sorted().forEach(documents::add);
		}
		return documents;
	}

	private static List<String> links(Path document) throws IOException {
		List<String> links = new ArrayList<>();
		boolean fenced = false;
		for (String line : Files.readAllLines(document)) {
			if (line.stripLeading().startsWith("```")) {
				fenced = !fenced;
				continue;
			}
			if (fenced) {
				continue;
			}
			Matcher matcher = LINK.matcher(line.replaceAll("`[^`]*`", "``"));
			while (matcher.find()) {
				String target = matcher.group(1);
				if (!target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
					links.add(target);
				}
			}
		}
		return links;
	}

	private static String problem(Path document, String target) throws IOException {
		int hash = target.indexOf('#');
		String path = (hash >= 0) ? target.substring(0, hash) : target;
		String anchor = (hash >= 0) ? target.substring(hash + 1) : null;
		Path file = path.isEmpty() ? document : document.getParent().resolve(path).normalize();
		if (!Files.exists(file)) {
			return "no such file";
		}
		if (anchor != null && !anchors(Files.readAllLines(file)).contains(anchor)) {
			return "no heading with anchor #" + anchor + " in " + file.getFileName();
		}
		return null;
	}

	private static Set<String> anchors(List<String> lines) {
		Set<String> anchors = new LinkedHashSet<>();
		Map<String, Integer> seen = new HashMap<>();
		boolean fenced = false;
		for (String line : lines) {
			if (line.stripLeading().startsWith("```")) {
				fenced = !fenced;
				continue;
			}
			Matcher matcher = HEADING.matcher(line);
			if (fenced || !matcher.matches()) {
				continue;
			}
			String slug = matcher.group(1)
				.toLowerCase(Locale.ROOT)
				.replaceAll("[^\\p{L}\\p{N} _-]", "")
				.replace(' ', '-');
			int count = seen.merge(slug, 1, Integer::sum);
			anchors.add((count == 1) ? slug : slug + "-" + (count - 1));
		}
		return anchors;
	}

}
