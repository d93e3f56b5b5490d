package io.paig.db.migration.liquibase;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.paig.db.migration.MigrationException;
import io.paig.db.migration.RevisionIds;
import liquibase.resource.Resource;
import liquibase.resource.ResourceAccessor;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads the header that makes a changelog file a revision. In YAML (and JSON) it is a
 * root key beside {@code databaseChangeLog}, which Liquibase passes over:
 *
 * <pre>
 * revision:
 *   id: d016d5e1fe5a
 *   parent: null
 *   message: initial
 * databaseChangeLog:
 *   - changeSet: ...
 * </pre>
 *
 * In XML and SQL changelogs it is the same three lines in a comment
 * ({@code -- revision: d016d5e1fe5a}).
 *
 * @author paig-db authors
 */
final class RevisionHeaders {

	private static final Pattern COMMENT_LINE = Pattern
		.compile("(?m)^\\s*(?:--|#|<!--|//)?\\s*(revision|parent|message)\\s*:\\s*(.*?)\\s*(?:-->)?\\s*$");

	private final ResourceAccessor resources;

	RevisionHeaders(ResourceAccessor resources) {
		this.resources = resources;
	}

	/**
	 * The header of a changelog file.
	 * @param path the file's physical path
	 * @return the header, or {@code null} when the file declares no revision
	 */
	@Nullable Header read(String path) {
		String text = text(path);
		if (text == null) {
			return null;
		}
		String lower = path.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json")) {
			return fromYaml(path, text);
		}
		return fromComments(text);
	}

	private @Nullable String text(String path) {
		try {
			Resource resource = this.resources.get(path);
			if (resource == null || !resource.exists()) {
				return null;
			}
			try (InputStream in = resource.openInputStream()) {
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static @Nullable Header fromYaml(String path, String text) {
		Object root;
		try {
			LoaderOptions options = new LoaderOptions();
			root = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
					options, new LiteralScalars())
				.load(text);
		}
		catch (RuntimeException ex) {
			return null;
		}
		if (!(root instanceof Map<?, ?> map) || !(map.get("revision") instanceof Map<?, ?> revision)) {
			return null;
		}
		Object id = revision.get("id");
		if (id == null || id.toString().isBlank()) {
			throw new MigrationException("The revision header of " + path + " has no id.",
					"Add 'id:' under 'revision:', for example 'id: " + RevisionIds.next() + "'.");
		}
		Object parent = revision.get("parent");
		Object message = revision.get("message");
		return new Header(id.toString().strip(), parentOf(parent), (message != null) ? message.toString() : "");
	}

	private static @Nullable Header fromComments(String text) {
		String id = null;
		String parent = null;
		String message = "";
		Matcher matcher = COMMENT_LINE.matcher(text);
		while (matcher.find()) {
			String value = matcher.group(2);
			switch (matcher.group(1)) {
				case "revision" -> id = (id != null) ? id : value;
				case "parent" -> parent = value;
				default -> message = value;
			}
		}
		return (id != null && !id.isBlank()) ? new Header(id, parentOf(parent), message) : null;
	}

	private static @Nullable String parentOf(@Nullable Object parent) {
		if (parent == null) {
			return null;
		}
		String text = parent.toString().strip();
		return (text.isEmpty() || text.equals("~") || text.equalsIgnoreCase("none") || text.equalsIgnoreCase("null"))
				? null : text;
	}

	/**
	 * Reads every plain scalar as the text it is: an id such as {@code 2e6860711483}
	 * (Alembic writes twelve hex digits) is otherwise a float, and {@code 012345678901}
	 * an octal number.
	 */
	private static final class LiteralScalars extends Resolver {

		@Override
		protected void addImplicitResolvers() {
			// none: no plain scalar is a number, a boolean or a null
		}

	}

	/**
	 * A revision header.
	 *
	 * @param id the revision id
	 * @param parent the parent id, or {@code null}
	 * @param message the message
	 */
	record Header(String id, @Nullable String parent, String message) {
	}

}
