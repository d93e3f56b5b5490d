package io.paig.db.migration.runner;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

import io.paig.db.migration.MigrationStatus;
import io.paig.db.migration.Revision;
import io.paig.db.migration.Targets;
import org.jspecify.annotations.Nullable;

/**
 * The confirmation a downgrade needs when it would revert every applied revision, in
 * whatever spelling its target takes ({@code base}, a {@code -N} as large as the history,
 * the first revision's parent): an explicit yes, and under a production-looking profile
 * also a force. The command line and the actuator's write operation ask the same.
 *
 * @author paig-db authors
 */
public final class BaseDowngradeGuard {

	private final List<String> productionProfiles;

	/**
	 * Create a guard.
	 * @param activeProfiles the application's active profiles
	 */
	public BaseDowngradeGuard(Collection<String> activeProfiles) {
		this.productionProfiles = activeProfiles.stream()
			.filter((profile) -> profile.toLowerCase(Locale.ROOT).matches(".*(prod|prd|live).*"))
			.toList();
	}

	/**
	 * Why a downgrade may not run, if it may not.
	 * @param runner the runner whose database the downgrade would change
	 * @param target the downgrade's target
	 * @param yes whether the caller confirmed
	 * @param force whether the caller insisted under a production-looking profile
	 * @param yesSpelling how the caller confirms, for the message ({@code --yes})
	 * @param forceSpelling how the caller insists, for the message ({@code --force})
	 * @return the refusal, or {@code null} when the downgrade may run
	 */
	public @Nullable Refusal check(MigrationRunner runner, String target, boolean yes, boolean force,
			String yesSpelling, String forceSpelling) {
		if (!reachesBase(runner.status(), target)) {
			return null;
		}
		String what = "The downgrade to '" + target.strip() + "'"
				+ (Targets.isBase(target) ? "" : ", which reaches base,")
				+ " reverts every applied revision and drops what they created, data included.";
		if (!yes) {
			return new Refusal(what + " Run it again with " + yesSpelling + " if that is what you want.", false);
		}
		if (!this.productionProfiles.isEmpty() && !force) {
			return new Refusal(what + " Refused: the active profile(s) " + this.productionProfiles
					+ " look like production. Add " + forceSpelling + " if you really mean it.", true);
		}
		return null;
	}

	/**
	 * Whether a downgrade to a target reverts every applied revision.
	 * @param status where the database stands
	 * @param target the target
	 * @return {@code true} when the database would end at base with revisions reverted
	 */
	static boolean reachesBase(MigrationStatus status, String target) {
		List<Revision> applied = status.getAppliedRevisions();
		if (applied.isEmpty()) {
			return false;
		}
		return Targets.downgrade(status, target).size() == applied.size();
	}

	/**
	 * A downgrade refused.
	 *
	 * @param message what is refused and what to do
	 * @param production whether it was refused for a production-looking profile, after a
	 * yes
	 */
	public record Refusal(String message, boolean production) {
	}

}
