package io.paig.db.autoconfigure;

import java.nio.file.Path;

import io.paig.db.testsupport.FailingStartups;
import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DatabaseConnectionFailureAnalyzer}: real servers refuse, the report
 * says why and what to do, and the password appears nowhere.
 *
 * @author paig-db authors
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseConnectionFailureAnalyzerTests {

	private static final String PASSWORD = "Wr0ng-Pa55!word";

	@RegisterExtension
	static final TestDatabase postgres = TestDatabase.postgresql();

	@RegisterExtension
	static final TestDatabase mysql = TestDatabase.mysql();

	@TempDir
	Path temp;

	@Test
	void wrongPasswordIsReportedAsRefusedCredentials(CapturedOutput output) {
		String url = mysql.url("mysql+aiomysql").replace("://root@", "://root:" + PASSWORD + "@");
		Throwable failure = FailingStartups.start("database.url=" + url);
		assertThat(failure).isNotNull();
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("refused the user name or password")
			.contains("database.username and database.password")
			.contains(mysql.hostAndPort())
			.doesNotContain(PASSWORD);
	}

	@Test
	void unknownUserIsReportedAsRefusedCredentials(CapturedOutput output) {
		String url = postgres.url().replace("://" + postgres.username() + "@", "://no_such_role:" + PASSWORD + "@");
		FailingStartups.start("database.url=" + url);
		assertThat(output).contains("refused the user name or password")
			.contains("no_such_role")
			.doesNotContain(PASSWORD);
	}

	@Test
	void missingDatabaseIsReportedWithHowToCreateIt(CapturedOutput output) {
		String url = postgres.url().replace(postgres.name(), "no_such_database_here");
		FailingStartups.start("database.url=" + url, "database.password=" + PASSWORD);
		assertThat(output).contains("has no such database").contains("CREATE DATABASE").doesNotContain(PASSWORD);
	}

	@Test
	void missingMysqlDatabaseIsReportedWithHowToCreateIt(CapturedOutput output) {
		FailingStartups.start("database.url=" + mysql.url().replace(mysql.name(), "no_such_database_here"));
		assertThat(output).contains("has no such database");
	}

	@Test
	void nothingListeningIsReportedAsUnreachable(CapturedOutput output) {
		FailingStartups.start("database.url=postgresql+asyncpg://paig:" + PASSWORD + "@127.0.0.1:1/paig");
		assertThat(output).contains("could not be reached")
			.contains("Start the database server")
			.contains("127.0.0.1:1")
			.doesNotContain(PASSWORD);
	}

	@Test
	void nothingListeningOnMysqlIsReportedAsUnreachable(CapturedOutput output) {
		FailingStartups.start("database.url=mysql+pymysql://paig:" + PASSWORD + "@127.0.0.1:1/paig");
		assertThat(output).contains("could not be reached").doesNotContain(PASSWORD);
	}

	@Test
	void springDatasourceUrlIsNamedWhenPaigDbBackedOff(CapturedOutput output) {
		FailingStartups.start("spring.datasource.url=jdbc:postgresql://127.0.0.1:1/other",
				"spring.datasource.password=" + PASSWORD);
		assertThat(output).contains("could not be reached")
			.contains("jdbc:postgresql://127.0.0.1:1/other")
			.doesNotContain("sqlite")
			.doesNotContain(PASSWORD);
	}

	@Test
	void sqlitePathThatIsAFolderIsReportedAsUnopenable(CapturedOutput output) {
		FailingStartups.start("database.url=sqlite:///" + this.temp);
		assertThat(output).contains("could not be opened").contains("SQLite path");
	}

}
