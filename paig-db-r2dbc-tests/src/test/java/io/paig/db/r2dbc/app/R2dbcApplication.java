package io.paig.db.r2dbc.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A reactive application as a user writes one: WebFlux, a Spring Data R2DBC repository
 * over a table the migrations create, the actuator, and paig-db's starter.
 *
 * @author paig-db authors
 */
@SpringBootApplication
public class R2dbcApplication {

	/**
	 * Start the application (the ahead-of-time test builds and runs it as a process).
	 * @param args the Spring Boot arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(R2dbcApplication.class, args);
	}

}
