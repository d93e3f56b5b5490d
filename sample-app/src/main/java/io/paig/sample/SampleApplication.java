package io.paig.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small PAIG-like service on the paig-db starter: its database comes from
 * {@code database.url} alone.
 *
 * @author paig-db authors
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
