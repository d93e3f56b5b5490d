package io.paig.db.command;

import java.nio.file.Path;

import io.paig.db.autoconfigure.PaigDatabaseAutoConfiguration;
import io.paig.db.autoconfigure.PaigDbCommandAutoConfiguration;
import io.paig.db.autoconfigure.PaigMigrationAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DbCommandRunner}.
 *
 * @author paig-db authors
 */
@ExtendWith(OutputCaptureExtension.class)
class DbCommandRunnerTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PaigDatabaseAutoConfiguration.class, DataSourceAutoConfiguration.class,
				PaigMigrationAutoConfiguration.class, PaigDbCommandAutoConfiguration.class))
		.withPropertyValues(DbCommandRunListener.ACTIVE + "=true", "database.command.exit=false",
				"database.migration.on-startup=none");

	@TempDir
	Path temp;

	@Test
	void runsTheCommandTheApplicationWasStartedWith(CapturedOutput output) {
		this.runner.withPropertyValues("database.url=sqlite:///" + this.temp.resolve("runner.db")).run((context) -> {
			DbCommandRunner runner = context.getBean(DbCommandRunner.class);
			runner.run(new DefaultApplicationArguments("db", "current"));
			assertThat(runner.getExitCode()).isZero();
			assertThat(output.getOut().lines()).contains("base");
		});
	}

	@Test
	void doesNothingWhenTheApplicationWasNotStartedWithDb(CapturedOutput output) {
		// an ahead-of-time build has the runner in every start of the application
		this.runner.withPropertyValues("database.url=sqlite:///" + this.temp.resolve("runner.db")).run((context) -> {
			DbCommandRunner runner = context.getBean(DbCommandRunner.class);
			runner.run(new DefaultApplicationArguments("--server.port=0"));
			runner.run(new DefaultApplicationArguments());
			assertThat(runner.getExitCode()).isZero();
			assertThat(output.getOut()).doesNotContain("db: ").doesNotContain("Usage");
		});
	}

}
