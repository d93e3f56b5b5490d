package io.paig.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import de.codecentric.boot.admin.server.config.EnableAdminServer;
import io.paig.db.autoconfigure.PaigDatabaseAutoConfiguration;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring Boot Admin server, as an operations team runs one, on the sample's test class
 * path. It has no database: paig-db and the DataSource are left out, and it reads
 * {@code sba-server.properties} instead of the sample's {@code application.yaml}.
 * <p>
 * Run it by hand to look at the sample in Spring Boot Admin's UI (see
 * {@code docs/images/README.md}).
 *
 * @author paig-db authors
 */
@SpringBootApplication(exclude = { DataSourceAutoConfiguration.class, PaigDatabaseAutoConfiguration.class })
@EnableAdminServer
public class AdminServerApplication {

	/**
	 * Start the server.
	 * @param args Spring Boot arguments, e.g. {@code --server.port=0}
	 * @return the running server
	 */
	public static ConfigurableApplicationContext start(String... args) {
		List<String> all = new ArrayList<>();
		// the sample's application.yaml is on this class path too: read none of it
		all.add("--spring.config.name=sba-server");
		all.addAll(Arrays.asList(args));
		return new SpringApplicationBuilder(AdminServerApplication.class).run(all.toArray(String[]::new));
	}

	public static void main(String[] args) {
		start(args);
	}

}
