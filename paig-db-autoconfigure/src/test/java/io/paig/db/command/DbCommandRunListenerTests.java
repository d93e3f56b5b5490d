package io.paig.db.command;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DbCommandRunListener}.
 *
 * @author paig-db authors
 */
class DbCommandRunListenerTests {

	@AfterEach
	void clearAotMode() {
		System.clearProperty("spring.aot.enabled");
	}

	@Test
	void aCommandStartsWithoutAWebServerOrAStartUpMigration() {
		StandardEnvironment environment = prepare("db", "current");
		assertThat(environment.getProperty(DbCommandRunListener.ACTIVE)).isEqualTo("true");
		assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
		assertThat(environment.getProperty("database.migration.on-startup")).isEqualTo("none");
		assertThat(environment.containsProperty("server.port")).isFalse();
	}

	@Test
	void aCommandFromAnAheadOfTimeBuildKeepsTheWebApplicationTypeButOpensNoPort() {
		// the bean definitions of an AOT build were fixed for the application type seen
		// at
		// build time: a web application's need a ServletContext
		System.setProperty("spring.aot.enabled", "true");
		StandardEnvironment environment = prepare("db", "current");
		assertThat(environment.getProperty(DbCommandRunListener.ACTIVE)).isEqualTo("true");
		assertThat(environment.containsProperty("spring.main.web-application-type")).isFalse();
		assertThat(environment.getProperty("server.port")).isEqualTo("-1");
		assertThat(environment.getProperty("management.server.port")).isEqualTo("-1");
		assertThat(environment.getProperty("database.migration.on-startup")).isEqualTo("none");
	}

	@Test
	void anApplicationStartedWithoutDbIsLeftAlone() {
		StandardEnvironment environment = prepare("--server.port=0");
		assertThat(environment.containsProperty(DbCommandRunListener.ACTIVE)).isFalse();
		assertThat(environment.containsProperty("spring.main.web-application-type")).isFalse();
		assertThat(environment.containsProperty("database.migration.on-startup")).isFalse();
	}

	private static StandardEnvironment prepare(String... args) {
		StandardEnvironment environment = new StandardEnvironment();
		new DbCommandRunListener(new SpringApplication(), args).environmentPrepared(new DefaultBootstrapContext(),
				environment);
		return environment;
	}

}
