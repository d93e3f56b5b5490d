package io.paig.e2e;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;

/**
 * The same application at five moments of its life: its entities as they were, with a
 * field added, with a new entity, with a column made optional and a foreign key made
 * {@code ON DELETE CASCADE}, and (from the third) with a {@code NOT NULL} field, an index
 * and a foreign key removed.
 *
 * @author paig-db authors
 */
final class E2eApplications {

	private E2eApplications() {
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EntityScan(basePackageClasses = io.paig.e2e.v1.Widget.class)
	static class V1 {

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EntityScan(basePackageClasses = io.paig.e2e.v2.Widget.class)
	static class V2 {

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EntityScan(basePackageClasses = io.paig.e2e.v3.Widget.class)
	static class V3 {

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EntityScan(basePackageClasses = io.paig.e2e.v4.Widget.class)
	static class V4 {

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EntityScan(basePackageClasses = io.paig.e2e.v5.Widget.class)
	static class V5 {

	}

}
