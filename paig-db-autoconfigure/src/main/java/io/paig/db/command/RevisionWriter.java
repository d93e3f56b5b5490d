package io.paig.db.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Writes a new revision file into the project's changelog folder and includes it at the
 * end of the master changelog, as {@code alembic revision} writes a new file into
 * {@code versions/}.
 *
 * @author paig-db authors
 */
public final class RevisionWriter {

	/**
	 * The {@code parent:} line of a YAML revision header: under {@code revision:}, before
	 * {@code databaseChangeLog}.
	 */
	private static final Pattern PARENT = Pattern.compile(
			"(?s)\\A(.*?^revision:[^\\n]*\\n(?:[ \\t]+[^\\n]*\\n)*?[ \\t]+parent:[ \\t]*)([^\\n#]*?)[ \\t]*$",
			Pattern.MULTILINE);

	private final Path folder;

	private final String masterName;

	/**
	 * Create a writer.
	 * @param folder the changelog folder of the project's sources (where the master
	 * changelog is)
	 * @param masterName the master changelog's file name
	 */
	public RevisionWriter(Path folder, String masterName) {
		this.folder = folder;
		this.masterName = masterName;
	}

	/**
	 * Write a revision.
	 * @param id its id
	 * @param parent its parent, or {@code null} for the first revision
	 * @param message its message
	 * @param changeSets the YAML list under {@code databaseChangeLog}, or {@code null}
	 * for an empty template
	 * @return the file written
	 */
	public Path write(String id, @Nullable String parent, String message, @Nullable String changeSets) {
		String slug = message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
		slug = slug.substring(0, Math.min(slug.length(), 40));
		String relative = "revisions/" + id + (slug.isEmpty() ? "" : "_" + slug) + ".yaml";
		Path file = this.folder.resolve(relative);
		String body = (changeSets != null) ? changeSets : """
				  - changeSet:
				      id: %s-1
				      author: %s
				      changes: []
				      # Add changes here, each with what undoes it under 'rollback:' unless Liquibase can derive it
				      # (createTable, addColumn, createIndex, addForeignKeyConstraint, ... can be reverted as they are).
				""".formatted(id, author());
		// quoted: an id such as 2e6860711483 would otherwise be a number to a YAML reader
		String text = "revision:\n  id: " + quote(id) + "\n  parent: " + ((parent != null) ? quote(parent) : "null")
				+ "\n  message: " + quote(message) + "\ndatabaseChangeLog:\n" + body;
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
			Path master = this.folder.resolve(this.masterName);
			String include = "  - include:\n      file: " + relative + "\n      relativeToChangelogFile: true\n";
			if (!Files.exists(master)) {
				Files.writeString(master, "databaseChangeLog:\n" + include, StandardCharsets.UTF_8);
			}
			else {
				String current = Files.readString(master, StandardCharsets.UTF_8);
				if (current.strip().endsWith("databaseChangeLog: []")) {
					current = current.replace("databaseChangeLog: []", "databaseChangeLog:");
				}
				Files.writeString(master, (current.endsWith("\n") ? current : current + "\n") + include,
						StandardCharsets.UTF_8);
			}
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + file + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Give a revision another parent, in its file in the changelog folder: the
	 * {@code parent:} line of its header is rewritten, nothing else.
	 * @param file the revision's file as the changelog names it (e.g.
	 * {@code db/changelog/revisions/1a2b_add_owner.yaml})
	 * @param id the revision's id
	 * @param parent the new parent
	 * @return the file written
	 * @throws IllegalStateException when the file is not found once in the changelog
	 * folder, or its header has no parent line
	 */
	public Path reparent(String file, String id, String parent) {
		String name = Path.of(file).getFileName().toString();
		List<Path> found;
		try (Stream<Path> paths = Files.walk(this.folder)) {
			found = paths.filter((path) -> path.getFileName().toString().equals(name)).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not search " + this.folder + ": " + ex.getMessage(), ex);
		}
		if (found.size() != 1) {
			throw new IllegalStateException("Revision " + id + "'s file " + name + " is "
					+ (found.isEmpty() ? "not in " : "more than once in ") + this.folder
					+ " (database.command.changelog-folder): set its parent to '" + parent + "' by hand.");
		}
		Path path = found.get(0);
		try {
			String text = Files.readString(path, StandardCharsets.UTF_8);
			Matcher header = PARENT.matcher(text);
			if (!header.find()) {
				throw new IllegalStateException("The header of " + path + " has no 'parent:' line under 'revision:'"
						+ ": set its parent to '" + parent + "' by hand.");
			}
			String rewritten = text.substring(0, header.start(2)) + quote(parent) + text.substring(header.end(2));
			Files.writeString(path, rewritten, StandardCharsets.UTF_8);
			return path;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not rewrite " + path + ": " + ex.getMessage(), ex);
		}
	}

	public Path getFolder() {
		return this.folder;
	}

	private static String author() {
		String user = System.getProperty("user.name");
		return (user != null && !user.isBlank()) ? user : "paig-db";
	}

	// A YAML double-quoted scalar that reads back as the text: line breaks, tabs and
	// every character a YAML reader refuses (control characters, a lone surrogate,
	// U+FFFE) escaped, so that no message can break the revision file or add keys to
	// its header.
	private static String quote(String text) {
		StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> quoted.append("\\\\");
				case '"' -> quoted.append("\\\"");
				case '\n' -> quoted.append("\\n");
				case '\r' -> quoted.append("\\r");
				case '\t' -> quoted.append("\\t");
				default -> {
					if (Character.isHighSurrogate(c) && i + 1 < text.length()
							&& Character.isLowSurrogate(text.charAt(i + 1))) {
						quoted.append(c).append(text.charAt(++i));
					}
					else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFEFF
							|| c >= 0xFFFE || Character.isSurrogate(c)) {
						quoted.append(String.format("\\u%04X", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

}
