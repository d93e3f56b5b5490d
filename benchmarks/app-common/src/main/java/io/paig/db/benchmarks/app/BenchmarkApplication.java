package io.paig.db.benchmarks.app;

import java.lang.management.ManagementFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * The web app of the start comparison, like the sample app: Spring MVC, JPA over one of
 * the workload's tables, the actuator. Which migration tool runs depends only on the
 * classpath (the {@code app-*} modules). When the application is ready it prints the time
 * since the JVM started and halts, so that a fresh-process timing measures the start and
 * nothing after it.
 *
 * @author paig-db authors
 */
@SpringBootApplication
public class BenchmarkApplication {

	/**
	 * Start, print the time to ready, halt.
	 * @param args the Spring Boot arguments ({@code --spring.datasource.url=...} or
	 * {@code --database.url=...})
	 */
	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(BenchmarkApplication.class);
		application.addListeners((ApplicationListener<ApplicationReadyEvent>) (event) -> ready());
		application.run(args);
	}

	private static void ready() {
		long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
		System.out.println("benchmark-app ready " + millis + " ms after the JVM started");
		System.out.flush();
		Runtime.getRuntime().halt(0);
	}

}
