package io.paig.db.actuate.endpoint;

import io.paig.db.actuate.endpoint.MigrationsEndpoint.LastRunDescriptor;
import io.paig.db.migration.MigrationException;
import io.paig.db.migration.MigrationRun;
import io.paig.db.migration.runner.MigrationRunner;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * Upgrade and downgrade over HTTP: {@code POST /actuator/migrations/upgrade} (body
 * {@code {"target": "head"}}, the default) and
 * {@code POST /actuator/migrations/downgrade} (body {@code {"target": "-1"}}). Only
 * registered when {@code database.migration.endpoint.write-enabled=true}; otherwise not
 * mapped at all.
 *
 * @author paig-db authors
 */
@EndpointWebExtension(endpoint = MigrationsEndpoint.class)
public class MigrationsEndpointWriteExtension {

	private final MigrationRunner runner;

	/**
	 * Create the extension.
	 * @param runner the runner
	 */
	public MigrationsEndpointWriteExtension(MigrationRunner runner) {
		this.runner = runner;
	}

	/**
	 * Upgrade or downgrade.
	 * @param action {@code upgrade} or {@code downgrade}
	 * @param target for an upgrade {@code head} (default), {@code +N} or a revision; for
	 * a downgrade {@code -N}, {@code base} or a revision
	 * @return the run, or 409 with the problem when it failed
	 */
	@WriteOperation
	public WebEndpointResponse<Object> run(@Selector String action, @Nullable String target) {
		try {
			MigrationRun run = switch (action) {
				case "upgrade" -> this.runner.upgrade((target != null) ? target : "head");
				case "downgrade" -> {
					if (target == null) {
						throw new InvalidEndpointRequestException("A downgrade needs a target: -N, base or a revision",
								"A downgrade needs a target: -N, base or a revision");
					}
					yield this.runner.downgrade(target);
				}
				default ->
					throw new InvalidEndpointRequestException("Unknown action '" + action + "': upgrade or downgrade",
							"Unknown action: upgrade or downgrade");
			};
			return new WebEndpointResponse<>(LastRunDescriptor.of(run), WebEndpointResponse.STATUS_OK);
		}
		catch (MigrationException ex) {
			return new WebEndpointResponse<>(new Problem(ex.getDescription(), ex.getAction()), 409);
		}
	}

	/**
	 * Why a run did not go through.
	 *
	 * @param problem what happened
	 * @param action what to do
	 */
	public record Problem(String problem, String action) {
	}

}
