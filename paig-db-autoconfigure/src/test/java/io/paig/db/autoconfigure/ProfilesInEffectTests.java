package io.paig.db.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ProfilesInEffect}: the active profiles when there are some, Spring's
 * default ones otherwise.
 *
 * @author paig-db authors
 */
class ProfilesInEffectTests {

	private final StandardEnvironment environment = new StandardEnvironment();

	@Test
	void activeProfilesAreInEffect() {
		this.environment.setDefaultProfiles("prod");
		this.environment.setActiveProfiles("dev", "eu");
		assertThat(ProfilesInEffect.of(this.environment)).containsExactly("dev", "eu");
	}

	@Test
	void defaultProfilesAreInEffectWhenNoneIsActive() {
		this.environment.setDefaultProfiles("prod");
		assertThat(ProfilesInEffect.of(this.environment)).containsExactly("prod");
	}

	@Test
	void springsDefaultProfileIsInEffectWhenNothingIsSet() {
		assertThat(ProfilesInEffect.of(this.environment)).containsExactly("default");
	}

}
