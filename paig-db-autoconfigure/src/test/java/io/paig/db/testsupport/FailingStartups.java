package io.paig.db.testsupport;

import java.sql.Connection;

import javax.sql.DataSource;

import io.paig.db.autoconfigure.PaigDatabaseAutoConfiguration;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real Spring application on a {@code database.url} and returns how it failed,
 * as a user would see it.
 *
 * @author paig-db authors
 */
public final class FailingStartups {

	private FailingStartups() {
	}

	/**
	 * Run an application that opens a connection while it starts.
	 * @param properties {@code key=value} pairs
	 * @return the failure, or {@code null} when it started
	 */
	public static @Nullable Throwable start(String... properties) {
		SpringApplication application = new SpringApplication(ConnectingApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		String[] args = new String[properties.length + 1];
		for (int i = 0; i < properties.length; i++) {
			args[i] = "--" + properties[i];
		}
		args[properties.length] = "--spring.datasource.hikari.connection-timeout=3000";
		try {
			application.run(args).close();
			return null;
		}
		catch (Throwable ex) {
			return ex;
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ PaigDatabaseAutoConfiguration.class, DataSourceAutoConfiguration.class })
	static class ConnectingApplication {

		@Bean
		InitializingBean connectAtStartup(DataSource dataSource) {
			return () -> {
				try (Connection connection = dataSource.getConnection()) {
					connection.isValid(1);
				}
			};
		}

	}

}
