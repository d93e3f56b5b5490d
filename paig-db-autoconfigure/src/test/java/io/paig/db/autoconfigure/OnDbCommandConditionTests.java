package io.paig.db.autoconfigure;

import io.paig.db.command.DbCommandRunListener;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link OnDbCommandCondition}.
 *
 * @author paig-db authors
 */
class OnDbCommandConditionTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(CommandConfiguration.class);

	@Test
	void matchesWhenADbCommandRuns() {
		this.runner.withPropertyValues(DbCommandRunListener.ACTIVE + "=true")
			.run((context) -> assertThat(context).hasBean("command"));
	}

	@Test
	void matchesWhileSpringsAheadOfTimeProcessingRecordsTheBeanDefinitions() {
		// set by Spring's AbstractAotProcessor (spring-boot-maven-plugin's process-aot)
		this.runner.withSystemProperties("spring.aot.processing=true")
			.run((context) -> assertThat(context).hasBean("command"));
	}

	@Test
	void doesNotMatchAnOrdinaryStart() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean("command"));
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(OnDbCommandCondition.class)
	static class CommandConfiguration {

		@Bean
		String command() {
			return "command";
		}

	}

}
