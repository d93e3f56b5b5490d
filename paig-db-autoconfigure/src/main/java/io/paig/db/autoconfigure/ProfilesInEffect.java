package io.paig.db.autoconfigure;

import java.util.List;

import org.springframework.core.env.Environment;

/**
 * The profiles an application runs under, as the guards of destructive operations judge
 * them: the active ones, or, when none is active, Spring's default ones, which are then
 * in effect (Spring Boot loads {@code application-prod.yaml} for
 * {@code spring.profiles.default=prod} as it would for an active {@code prod}).
 *
 * @author paig-db authors
 */
final class ProfilesInEffect {

	private ProfilesInEffect() {
	}

	/**
	 * The profiles in effect.
	 * @param environment the application's environment
	 * @return the active profiles, or the default ones when none is active
	 */
	static List<String> of(Environment environment) {
		String[] active = environment.getActiveProfiles();
		return List.of((active.length > 0) ? active : environment.getDefaultProfiles());
	}

}
