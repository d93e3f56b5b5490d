package io.paig.db.actuate.endpoint;

import java.util.Collection;

import io.paig.db.actuate.endpoint.MigrationsEndpoint.LastRunDescriptor;
import io.paig.db.migration.MigrationException;
import io.paig.db.migration.MigrationRun;
import io.paig.db.migration.RevisionHistory;
import io.paig.db.migration.Targets;
import io.paig.db.migration.runner.BaseDowngradeGuard;
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

	private static final int STATUS_FORBIDDEN = 403;

	private static final int STATUS_CONFLICT = 409;

	private final MigrationRunner runner;

	private final BaseDowngradeGuard baseGuard;

	/**
	 * Create the extension.
	 * @param runner the runner
	 * @param activeProfiles the application's active profiles: under a production-looking
	 * one, a downgrade that reaches base also needs {@code "force": true}
	 */
	public MigrationsEndpointWriteExtension(MigrationRunner runner, Collection<String> activeProfiles) {
		this.runner = runner;
		this.baseGuard = new BaseDowngradeGuard(activeProfiles);
	}

	/**
	 * Upgrade or downgrade.
	 * @param action {@code upgrade} or {@code downgrade}
	 * @param target for an upgrade {@code head} (default), {@code +N} or a revision; for
	 * a downgrade {@code -N}, {@code base} or a revision
	 * @param yes confirms a downgrade that reverts every applied revision, as
	 * {@code --yes} does on the command line
	 * @param force insists on such a downgrade under a production-looking profile, as
	 * {@code --force} does
	 * @return the run; 400 when the target is not understood or a downgrade to base lacks
	 * its confirmation, 403 when it is refused under a production-looking profile, 409
	 * with the problem when the run failed
	 */
	@WriteOperation
	public WebEndpointResponse<Object> run(@Selector String action, @Nullable String target, @Nullable Boolean yes,
			@Nullable Boolean force) {
		try {
			if (action.equals("upgrade")) {
				return ok(this.runner.upgrade((target != null) ? target : "head"));
			}
			if (!action.equals("downgrade")) {
				throw new InvalidEndpointRequestException("Unknown action '" + action + "': upgrade or downgrade",
						"Unknown action: upgrade or downgrade");
			}
			if (target == null) {
				throw new InvalidEndpointRequestException("A downgrade needs a target: -N, base or a revision",
						"A downgrade needs a target: -N, base or a revision");
			}
			BaseDowngradeGuard.Refusal refusal = this.baseGuard.check(this.runner, target, Boolean.TRUE.equals(yes),
					Boolean.TRUE.equals(force), "\"yes\": true", "\"force\": true");
			if (refusal != null) {
				return new WebEndpointResponse<>(
						new Problem(refusal.message(), "Send the request again with the confirmation it names."),
						refusal.production() ? STATUS_FORBIDDEN : WebEndpointResponse.STATUS_BAD_REQUEST);
			}
			return ok(this.runner.downgrade(target));
		}
		catch (RevisionHistory.UnknownRevisionException | Targets.InvalidTargetException ex) {
			return new WebEndpointResponse<>(new Problem(ex.getDescription(), ex.getAction()),
					WebEndpointResponse.STATUS_BAD_REQUEST);
		}
		catch (MigrationException ex) {
			return new WebEndpointResponse<>(new Problem(ex.getDescription(), ex.getAction()), STATUS_CONFLICT);
		}
	}

	private static WebEndpointResponse<Object> ok(MigrationRun run) {
		return new WebEndpointResponse<>(LastRunDescriptor.of(run), WebEndpointResponse.STATUS_OK);
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
