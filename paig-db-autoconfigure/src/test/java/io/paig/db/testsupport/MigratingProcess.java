package io.paig.db.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

import io.paig.db.autoconfigure.PaigDatabaseAutoConfiguration;
import io.paig.db.autoconfigure.PaigMigrationAutoConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * An application of its own JVM that migrates its database as it starts, for tests that
 * need several processes or one to kill. It prints {@code READY}, waits until the file
 * named by {@code --go=} exists (so that many start at the same moment), starts, prints
 * {@code STARTED} and exits.
 *
 * @author paig-db authors
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({ PaigDatabaseAutoConfiguration.class, DataSourceAutoConfiguration.class,
		PaigMigrationAutoConfiguration.class })
public class MigratingProcess {

	public static void main(String[] args) throws Exception {
		Path go = null;
		for (String arg : args) {
			if (arg.startsWith("--go=")) {
				go = Path.of(arg.substring("--go=".length()));
			}
		}
		System.out.println("READY");
		System.out.flush();
		while (go != null && !Files.exists(go)) {
			Thread.sleep(5);
		}
		SpringApplication application = new SpringApplication(MigratingProcess.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run(args)) {
			System.out.println("STARTED");
			System.out.flush();
		}
		catch (Throwable ex) {
			System.exit(1);
		}
		System.exit(0);
	}

}
