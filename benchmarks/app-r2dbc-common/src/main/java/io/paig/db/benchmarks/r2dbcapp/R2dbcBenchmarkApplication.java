package io.paig.db.benchmarks.r2dbcapp;

import java.lang.management.ManagementFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * The reactive web app of the R2DBC start comparison: WebFlux, Spring Data R2DBC over one
 * of the workload's tables, the actuator. Whether paig-db migrates depends only on the
 * classpath (the {@code app-r2dbc-*} modules). When the application is ready it prints
 * the time since the JVM started and halts.
 *
 * @author paig-db authors
 */
@SpringBootApplication
public class R2dbcBenchmarkApplication {

	/**
	 * Start, print the time to ready, halt.
	 * @param args the Spring Boot arguments ({@code --spring.r2dbc.url=...} or
	 * {@code --database.url=...})
	 */
	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(R2dbcBenchmarkApplication.class);
		application.addListeners((ApplicationListener<ApplicationReadyEvent>) (event) -> ready());
		application.run(args);
	}

	private static void ready() {
		long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
		System.out.println("benchmark-r2dbc-app ready " + millis + " ms after the JVM started");
		System.out.flush();
		Runtime.getRuntime().halt(0);
	}

}
