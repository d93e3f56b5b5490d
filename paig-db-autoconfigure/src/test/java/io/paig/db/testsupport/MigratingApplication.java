package io.paig.db.testsupport;

import io.paig.db.autoconfigure.PaigDatabaseAutoConfiguration;
import io.paig.db.autoconfigure.PaigMigrationAutoConfiguration;
import liquibase.integration.spring.SpringLiquibase;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real Spring application that migrates its database, in this JVM, and returns
 * how it failed.
 *
 * @author paig-db authors
 */
public final class MigratingApplication {

	private static volatile boolean springLiquibase;

	private MigratingApplication() {
	}

	/**
	 * Start with paig-db alone.
	 * @param properties {@code key=value} pairs
	 * @return the failure, or {@code null}
	 */
	public static @Nullable Throwable start(String... properties) {
		return run(Migrating.class, properties);
	}

	/**
	 * Start with Spring Boot's own Liquibase auto-configuration beside paig-db.
	 * @param properties {@code key=value} pairs
	 * @return the failure, or {@code null}
	 */
	public static @Nullable Throwable startWithBootLiquibase(String... properties) {
		return run(MigratingWithBootLiquibase.class, properties);
	}

	/**
	 * Whether the last started context had Boot's SpringLiquibase bean.
	 * @return {@code true} if it had
	 */
	public static boolean lastContextHadSpringLiquibase() {
		return springLiquibase;
	}

	private static @Nullable Throwable run(Class<?> source, String... properties) {
		SpringApplication application = new SpringApplication(source);
		application.setWebApplicationType(WebApplicationType.NONE);
		String[] args = new String[properties.length];
		for (int i = 0; i < properties.length; i++) {
			args[i] = "--" + properties[i];
		}
		try (ConfigurableApplicationContext context = application.run(args)) {
			springLiquibase = context.getBeanNamesForType(SpringLiquibase.class).length > 0;
			return null;
		}
		catch (Throwable ex) {
			return ex;
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ PaigDatabaseAutoConfiguration.class, DataSourceAutoConfiguration.class,
			PaigMigrationAutoConfiguration.class })
	static class Migrating {

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ PaigDatabaseAutoConfiguration.class, DataSourceAutoConfiguration.class,
			PaigMigrationAutoConfiguration.class, LiquibaseAutoConfiguration.class })
	static class MigratingWithBootLiquibase {

	}

}
