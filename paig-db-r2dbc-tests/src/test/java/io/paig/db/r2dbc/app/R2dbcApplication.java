package io.paig.db.r2dbc.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A reactive application as a user writes one: WebFlux, a Spring Data R2DBC repository
 * over a table the migrations create, the actuator, and paig-db's starter.
 *
 * @author paig-db authors
 */
@SpringBootApplication
public class R2dbcApplication {

}
