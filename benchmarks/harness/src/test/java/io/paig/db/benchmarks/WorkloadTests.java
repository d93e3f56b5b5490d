package io.paig.db.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Workload}.
 *
 * @author paig-db authors
 */
class WorkloadTests {

	@TempDir
	Path temp;

	@Test
	void writesOneRevisionFileOneFlywayMigrationAndFourStatementsPerTable() throws Exception {
		Workload workload = Workload.generate(this.temp, 8);
		Path directory = workload.directory();
		assertThat(workload.tables()).isEqualTo(2);
		assertThat(workload.statements()).hasSize(8);
		assertThat(directory.resolve("db/changelog/revisions"))
			.isDirectoryContaining("glob:**/be0000000001_bench_t00001.yaml")
			.isDirectoryContaining("glob:**/be0000000002_bench_t00002.yaml");
		assertThat(directory.resolve("db/migration/V1__bench_t00001.sql")).exists();
		assertThat(directory.resolve("db/migration/V2__bench_t00002.sql")).exists();
		assertThat(Files.readAllLines(directory.resolve(Workload.RAW_SQL))).hasSize(8);
	}

	@Test
	void chainsRevisionsByParentAndGivesEachTableFourChangeSets() throws Exception {
		Path directory = Workload.generate(this.temp, 8).directory();
		String first = Files.readString(directory.resolve("db/changelog/revisions/be0000000001_bench_t00001.yaml"));
		String second = Files.readString(directory.resolve("db/changelog/revisions/be0000000002_bench_t00002.yaml"));
		assertThat(first).contains("parent: null").contains("createTable", "addColumn", "createIndex", "insert");
		assertThat(second).contains("id: be0000000002\n").contains("parent: be0000000001");
		assertThat(second.split("- changeSet:")).hasSize(5);
		assertThat(Files.readString(directory.resolve(Workload.CHANGELOG))).containsSubsequence(
				"revisions/be0000000001_bench_t00001.yaml", "revisions/be0000000002_bench_t00002.yaml");
	}

	@Test
	void replacesAnEarlierWorkloadOfTheSameSize() throws Exception {
		Workload.generate(this.temp, 8);
		Files.writeString(this.temp.resolve("n8/db/migration/V9__stale.sql"), "select 1;");
		Workload.generate(this.temp, 8);
		assertThat(this.temp.resolve("n8/db/migration/V9__stale.sql")).doesNotExist();
	}

	@Test
	void refusesSizesThatAreNotMultiplesOfFour() {
		assertThatIllegalArgumentException().isThrownBy(() -> Workload.generate(this.temp, 10))
			.withMessageContaining("10 is not a positive multiple of 4");
	}

	@Test
	void classLoaderSeesTheChangelogOnTheClasspath() {
		Workload workload = Workload.generate(this.temp, 4);
		assertThat(workload.classLoader(getClass().getClassLoader()).getResource(Workload.CHANGELOG)).isNotNull();
	}

}
