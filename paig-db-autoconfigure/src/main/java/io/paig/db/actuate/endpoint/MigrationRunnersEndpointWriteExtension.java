package io.paig.db.actuate.endpoint;

import java.util.LinkedHashMap;
import java.util.Map;

import io.paig.db.actuate.endpoint.MigrationsEndpointWriteExtension.Problem;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * Upgrade and downgrade over HTTP for an application with several migration runners:
 * {@code POST /actuator/migrations/<runner>/upgrade} and
 * {@code POST /actuator/migrations/<runner>/downgrade}, with the bodies and answers of
 * {@link MigrationsEndpointWriteExtension}. Only registered when
 * {@code database.migration.endpoint.write-enabled=true}.
 *
 * @author paig-db authors
 */
@EndpointWebExtension(endpoint = MigrationRunnersEndpoint.class)
public class MigrationRunnersEndpointWriteExtension {

	private final Map<String, MigrationsEndpointWriteExtension> runners;

	/**
	 * Create the extension.
	 * @param runners the extension of each runner, by the runner's bean name
	 */
	public MigrationRunnersEndpointWriteExtension(Map<String, MigrationsEndpointWriteExtension> runners) {
		this.runners = new LinkedHashMap<>(runners);
	}

	/**
	 * Upgrade or downgrade one runner's database.
	 * @param runner the runner's bean name
	 * @param action {@code upgrade} or {@code downgrade}
	 * @param target as {@link MigrationsEndpointWriteExtension#run}
	 * @param yes as {@link MigrationsEndpointWriteExtension#run}
	 * @param force as {@link MigrationsEndpointWriteExtension#run}
	 * @return as {@link MigrationsEndpointWriteExtension#run}; 404 with the runners for
	 * an unknown runner
	 */
	@WriteOperation
	public WebEndpointResponse<Object> run(@Selector String runner, @Selector String action, @Nullable String target,
			@Nullable Boolean yes, @Nullable Boolean force) {
		MigrationsEndpointWriteExtension extension = this.runners.get(runner);
		if (extension == null) {
			return new WebEndpointResponse<>(
					new Problem("No migration runner '" + runner + "'.",
							"Name one of " + String.join(", ", this.runners.keySet()) + "."),
					WebEndpointResponse.STATUS_NOT_FOUND);
		}
		return extension.run(action, target, yes, force);
	}

}
