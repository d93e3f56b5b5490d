package io.paig.db.benchmarks;

import java.util.List;

import io.paig.db.benchmarks.Result.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Report}.
 *
 * @author paig-db authors
 */
class ReportTests {

	@Test
	void aimIsCountedAndLiquibasesFloorIsReportedUnderItWithoutBeingCounted() {
		Report report = new Report(
				List.of(apply("PostgreSQL", Tool.RAW_JDBC, 500), apply("PostgreSQL", Tool.LIQUIBASE_FLOOR, 650),
						apply("PostgreSQL", Tool.PAIG_DB, 1000), apply("PostgreSQL", Tool.LIQUIBASE, 1600)),
				List.of("PostgreSQL"));
		String figures = report.figures();
		assertThat(figures).contains("- FAIL PostgreSQL, 1,000 changes: paig-db apply all, within 1.5x raw JDBC "
				+ "(the aim): 1,000 ms vs raw JDBC 500 ms = 2.00x (limit 1.50x)\n  - not a target: Liquibase's floor");
		assertThat(figures).contains("takes 650 ms = 1.30x raw JDBC; paig-db takes 1.54x the floor");
		assertThat(figures).contains("| apply all, in-process | 1,000 | Liquibase's floor | 650 | 650 | 650 | 1.30x |");
		assertThat(report.summary()).isEqualTo("1 passed, 1 failed");
	}

	@Test
	void withoutLiquibasesFloorTheAimStandsAlone() {
		Report report = new Report(List.of(apply("MariaDB", Tool.RAW_JDBC, 500), apply("MariaDB", Tool.PAIG_DB, 700),
				apply("MariaDB", Tool.LIQUIBASE, 800)), List.of("MariaDB"));
		String figures = report.figures();
		assertThat(figures).contains("- PASS MariaDB, 1,000 changes: paig-db apply all, within 1.5x raw JDBC");
		assertThat(figures).doesNotContain("Liquibase's floor");
		assertThat(report.summary()).isEqualTo("2 passed, 0 failed");
	}

	@Test
	void theR2dbcStartIsComparedWithTheR2dbcAppWithoutATool() {
		Report report = new Report(List.of(start(Tool.NONE, 6000), start(Tool.PAIG_DB, 6300),
				start(Tool.R2DBC_NONE, 5000), start(Tool.R2DBC_PAIG_DB, 5600)), List.of("PostgreSQL"));
		String figures = report.figures();
		assertThat(figures).contains("- PASS PostgreSQL, 1,000 changes: paig-db Spring Boot start on an up-to-date "
				+ "database, within 1.10x the app with no migration tool: 6,300 ms vs no tool 6,000 ms = 1.05x");
		assertThat(figures).contains("- FAIL PostgreSQL, 1,000 changes: paig-db R2DBC (WebFlux) app start on an "
				+ "up-to-date database, within 1.10x the same R2DBC app with no migration tool: 5,600 ms vs R2DBC app "
				+ "without a tool 5,000 ms = 1.12x (limit 1.10x)");
		assertThat(figures).contains("| paig-db in the R2DBC app | 5,600 | 5,600 | 5,600 | 1.12x |");
		assertThat(report.summary()).isEqualTo("1 passed, 1 failed");
	}

	@Test
	void startTargetsTakeTheMedianOfTheRoundsRatiosWhenTheRoundsAreKnown() {
		// round 3 ran the app without a tool in a fast minute: the ratio of the medians
		// (5,300 / 5,000 = 1.06x) and the median of the rounds' (1.02x) differ
		Report report = new Report(List.of(start(Tool.R2DBC_NONE, 5000.0, 5300.0, 4000.0, 5200.0, 4900.0),
				start(Tool.R2DBC_PAIG_DB, 5100.0, 5400.0, 5500.0, 5300.0, 5000.0)), List.of("PostgreSQL"));
		assertThat(report.figures()).contains("- PASS PostgreSQL, 1,000 changes: paig-db R2DBC (WebFlux) app start on "
				+ "an up-to-date database, within 1.10x the same R2DBC app with no migration tool: 5,300 ms vs R2DBC "
				+ "app without a tool 5,000 ms = 1.02x (limit 1.10x); the median of 5 rounds' ratios (middle half "
				+ "1.02x-1.02x; ratio of the medians 1.06x)");
	}

	private static Result start(Tool tool, Double... millis) {
		return new Result("PostgreSQL", Kind.START, 1000, tool, Stats.of(List.of(millis)), null);
	}

	private static Result start(Tool tool, double millis) {
		return new Result("PostgreSQL", Kind.START, 1000, tool, new Stats(millis, millis, millis, 1), null);
	}

	private static Result apply(String database, Tool tool, double millis) {
		return new Result(database, Kind.APPLY, 1000, tool, new Stats(millis, millis, millis, 1), null);
	}

}
