package io.paig.db.actuate.endpoint;

import java.util.LinkedHashMap;
import java.util.Map;

import io.paig.db.actuate.endpoint.MigrationsEndpoint.MigrationsDescriptor;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * The {@code migrations} endpoint of an application with several migration runners (a
 * database each): every runner by its bean name, as Spring Boot's Liquibase endpoint
 * lists each {@code SpringLiquibase} bean. {@code GET /actuator/migrations} gives
 * {@code {"runners": {"<name>": <document>}}}, each document as
 * {@link MigrationsEndpoint} gives it for one runner;
 * {@code GET /actuator/migrations/<name>} one runner's, and
 * {@code GET /actuator/migrations/<name>/<revision>} one of its revisions.
 *
 * @author paig-db authors
 */
@Endpoint(id = "migrations")
public class MigrationRunnersEndpoint {

	private final Map<String, MigrationsEndpoint> runners;

	/**
	 * Create an endpoint.
	 * @param runners the endpoint of each runner, by the runner's bean name
	 */
	public MigrationRunnersEndpoint(Map<String, MigrationsEndpoint> runners) {
		this.runners = new LinkedHashMap<>(runners);
	}

	/**
	 * Where each database stands.
	 * @return the documents by runner
	 */
	@ReadOperation
	public RunnersDescriptor migrations() {
		Map<String, MigrationsDescriptor> documents = new LinkedHashMap<>();
		this.runners.forEach((name, endpoint) -> documents.put(name, endpoint.migrations()));
		return new RunnersDescriptor(documents);
	}

	/**
	 * Where one runner's database stands.
	 * @param runner the runner's bean name
	 * @return the document; 404 for an unknown runner
	 */
	@ReadOperation
	public WebEndpointResponse<Object> runner(@Selector String runner) {
		MigrationsEndpoint endpoint = this.runners.get(runner);
		if (endpoint == null) {
			return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
		}
		return new WebEndpointResponse<>(endpoint.migrations());
	}

	/**
	 * One revision of one runner in full.
	 * @param runner the runner's bean name
	 * @param revision the revision id, or a unique prefix of it
	 * @return as {@link MigrationsEndpoint#revision(String)}; 404 for an unknown runner
	 */
	@ReadOperation
	public WebEndpointResponse<Object> revision(@Selector String runner, @Selector String revision) {
		MigrationsEndpoint endpoint = this.runners.get(runner);
		if (endpoint == null) {
			return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
		}
		return endpoint.revision(revision);
	}

	/**
	 * The endpoints of each runner.
	 * @return the endpoints by the runner's bean name
	 */
	public Map<String, MigrationsEndpoint> getRunners() {
		return this.runners;
	}

	/**
	 * Where each database stands.
	 *
	 * @param runners the document of each runner, by its bean name
	 */
	public record RunnersDescriptor(Map<String, MigrationsDescriptor> runners) {
	}

}
