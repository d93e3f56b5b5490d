package io.paig.db.jdbc;

import java.util.List;

import io.paig.db.testsupport.FailingStartups;
import io.paig.db.url.InvalidDatabaseUrlException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InvalidDatabaseUrlFailureAnalyzer}: each bad URL a user may write ends
 * start-up with a report that names the problem and the fix, and never shows the
 * password.
 *
 * @author paig-db authors
 */
@ExtendWith(OutputCaptureExtension.class)
class InvalidDatabaseUrlFailureAnalyzerTests {

	private static final String PASSWORD = "Pa55-w0rd!Secret";

	@Test
	void analysisNamesTheProblemAndTheFix() {
		InvalidDatabaseUrlException ex = new InvalidDatabaseUrlException("postgresql://paig:****@db/paig",
				"it names no database.", "Add the database after the host.");
		FailureAnalysis analysis = new InvalidDatabaseUrlFailureAnalyzer().analyze(new RuntimeException(ex));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("'postgresql://paig:****@db/paig'")
			.contains("it names no database.")
			.contains("database.url");
		assertThat(analysis.getAction()).isEqualTo("Add the database after the host.");
	}

	@Test
	void everyCommonMistakeEndsStartupWithAReportAndNoPassword(CapturedOutput output) {
		List<String[]> cases = List.of(
				new String[] { "postgresqll://paig:" + PASSWORD + "@db/paig", "dialect 'postgresqll' is not known" },
				new String[] { "postgresql+psycopg7://paig:" + PASSWORD + "@db/paig", "asyncpg, psycopg" },
				new String[] { "postgresql://paig:" + PASSWORD + "@db", "names no database" },
				new String[] { "mysql://paig:" + PASSWORD + "@db:33o6/paig", "port is not a number" },
				new String[] { "postgresql://paig:" + PASSWORD + "@[::1/paig", "unbalanced brackets" },
				new String[] { " ", "it is empty" },
				new String[] { "sqlite://paig:" + PASSWORD + "@host/db.db", "a SQLite URL has no host" },
				new String[] { "postgresql:/paig:" + PASSWORD + "@db/paig", "does not start with 'dialect://'" },
				new String[] { "mysql://paig:" + PASSWORD + "@db/paig?unix_socket=/run/mysqld.sock", "Unix socket" });
		for (String[] testCase : cases) {
			Throwable failure = FailingStartups.start("database.url=" + testCase[0]);
			assertThat(failure).as(testCase[1]).isNotNull();
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				assertThat(String.valueOf(cause.getMessage())).as(testCase[1]).doesNotContain(PASSWORD);
			}
		}
		String report = output.toString();
		for (String[] testCase : cases) {
			assertThat(report).contains(testCase[1]);
		}
		assertThat(report).contains("APPLICATION FAILED TO START").contains("Action:").doesNotContain(PASSWORD);
		assertThat(report.split("APPLICATION FAILED TO START", -1)).hasSize(cases.size() + 1);
	}

	@Test
	void passwordGivenAsPropertyNeverAppearsEither(CapturedOutput output) {
		FailingStartups.start("database.url=mysql+nosuch://paig@db/paig", "database.password=" + PASSWORD);
		assertThat(output).contains("the driver 'nosuch' is not known").doesNotContain(PASSWORD);
	}

}
