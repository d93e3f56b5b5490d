package io.paig.db.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Writes a master changelog and its revision files into a folder, for tests that need a
 * history they can grow, break and fix.
 *
 * @author paig-db authors
 */
public final class Changelogs {

	private final Path folder;

	private final List<String> includes = new ArrayList<>();

	private @Nullable String head;

	/**
	 * Start an empty history.
	 * @param folder where the files go
	 */
	public Changelogs(Path folder) {
		this.folder = folder;
		writeMaster();
	}

	/**
	 * Add a revision whose parent is the current head.
	 * @param id the revision id
	 * @param message the message
	 * @param changeSets the YAML list items under {@code databaseChangeLog}, each
	 * starting with {@code - changeSet:}, indented by two spaces
	 * @return this
	 */
	public Changelogs revision(String id, String message, String changeSets) {
		String file = "revisions/" + id + "_" + message.replaceAll("[^A-Za-z0-9]+", "_") + ".yaml";
		String text = "revision:\n  id: " + id + "\n  parent: " + ((this.head != null) ? this.head : "null")
				+ "\n  message: \"" + message + "\"\ndatabaseChangeLog:\n" + changeSets;
		write(file, text);
		this.includes.add(file);
		this.head = id;
		writeMaster();
		return this;
	}

	/**
	 * Replace text in a revision's file, as a developer editing it would.
	 * @param id the revision id
	 * @param from the text to replace
	 * @param to the replacement
	 * @return this
	 */
	public Changelogs edit(String id, String from, String to) {
		Path file = fileOf(id);
		try {
			String text = Files.readString(file);
			if (!text.contains(from)) {
				throw new IllegalArgumentException("'" + from + "' is not in " + file);
			}
			Files.writeString(file, text.replace(from, to));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	/**
	 * Write a plain file beside the master, e.g. a changelog without revision headers.
	 * @param name the file name
	 * @param text its content
	 * @return this
	 */
	public Changelogs plain(String name, String text) {
		write(name, text);
		this.includes.add(name);
		writeMaster();
		return this;
	}

	/**
	 * The master changelog as a Spring resource location.
	 * @return {@code file:} and its path
	 */
	public String location() {
		return "file:" + this.folder.resolve("db.changelog-master.yaml");
	}

	public Path folder() {
		return this.folder;
	}

	private Path fileOf(String id) {
		return this.includes.stream()
			.filter((include) -> include.startsWith("revisions/" + id + "_"))
			.map(this.folder::resolve)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No revision " + id));
	}

	private void writeMaster() {
		StringBuilder text = new StringBuilder("databaseChangeLog:\n");
		if (this.includes.isEmpty()) {
			text.append("  []\n");
		}
		for (String include : this.includes) {
			text.append("  - include:\n      file: ").append(include).append("\n      relativeToChangelogFile: true\n");
		}
		write("db.changelog-master.yaml",
				text.toString().replace("databaseChangeLog:\n  []\n", "databaseChangeLog: []\n"));
	}

	private void write(String name, String text) {
		try {
			Path file = this.folder.resolve(name);
			Files.createDirectories(file.getParent());
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
