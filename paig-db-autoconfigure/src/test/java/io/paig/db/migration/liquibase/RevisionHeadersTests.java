package io.paig.db.migration.liquibase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.paig.db.command.RevisionWriter;
import liquibase.resource.DirectoryResourceAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RevisionHeaders}: ids are read as the text they are, in YAML and in
 * SQL comments.
 *
 * @author paig-db authors
 */
class RevisionHeadersTests {

	@TempDir
	Path folder;

	@Test
	void idsThatLookLikeNumbersAreReadAsWritten() throws IOException {
		write("a.yaml",
				"revision:\n  id: 2e6860711483\n  parent: 012345678901\n  message: 1.5\n" + "databaseChangeLog: []\n");
		RevisionHeaders.Header header = headers().read("a.yaml");
		assertThat(header).isEqualTo(new RevisionHeaders.Header("2e6860711483", "012345678901", "1.5"));
	}

	@Test
	void nullOrTildeParentIsTheFirstRevision() throws IOException {
		write("a.yaml", "revision:\n  id: aaaa00000001\n  parent: null\n  message: first\ndatabaseChangeLog: []\n");
		write("b.yaml", "revision:\n  id: aaaa00000002\n  parent: ~\n  message: other\ndatabaseChangeLog: []\n");
		assertThat(headers().read("a.yaml").parent()).isNull();
		assertThat(headers().read("b.yaml").parent()).isNull();
	}

	@Test
	void revisionWrittenByTheRevisionCommandReadsBackExactly() throws IOException {
		Path file = new RevisionWriter(this.folder, "db.changelog-master.yaml").write("1e23456789ab", "9e99999999ff",
				"a \"quoted\" message", null);
		RevisionHeaders.Header header = headers().read(this.folder.relativize(file).toString());
		assertThat(header)
			.isEqualTo(new RevisionHeaders.Header("1e23456789ab", "9e99999999ff", "a \"quoted\" message"));
	}

	@Test
	void sqlChangelogCarriesItsHeaderInComments() throws IOException {
		write("a.sql", "-- liquibase formatted sql\n-- revision: 2e6860711483\n-- parent: none\n-- message: first\n");
		assertThat(headers().read("a.sql")).isEqualTo(new RevisionHeaders.Header("2e6860711483", null, "first"));
	}

	private RevisionHeaders headers() throws IOException {
		return new RevisionHeaders(new DirectoryResourceAccessor(this.folder));
	}

	private void write(String name, String text) throws IOException {
		Files.writeString(this.folder.resolve(name), text);
	}

}
