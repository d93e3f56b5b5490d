package io.paig.db.autoconfigure;

import io.paig.db.migration.runner.MigrationRunner;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Conditions on how many {@link MigrationRunner} beans the application has: the endpoint,
 * health and metrics show one runner as they always did, and several by name.
 *
 * @author paig-db authors
 */
final class MigrationRunnerConditions {

	private MigrationRunnerConditions() {
	}

	private static int count(ConditionContext context) {
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		return (beanFactory != null) ? beanFactory.getBeanNamesForType(MigrationRunner.class, true, false).length : 0;
	}

	/**
	 * Matches when the application has at most one runner.
	 */
	static final class Single extends SpringBootCondition implements ConfigurationCondition {

		@Override
		public ConfigurationPhase getConfigurationPhase() {
			return ConfigurationPhase.REGISTER_BEAN;
		}

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			int count = count(context);
			return (count <= 1) ? ConditionOutcome.match(count + " MigrationRunner bean(s)")
					: ConditionOutcome.noMatch(count + " MigrationRunner beans");
		}

	}

	/**
	 * Matches when the application has several runners.
	 */
	static final class Several extends SpringBootCondition implements ConfigurationCondition {

		@Override
		public ConfigurationPhase getConfigurationPhase() {
			return ConfigurationPhase.REGISTER_BEAN;
		}

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			int count = count(context);
			return (count > 1) ? ConditionOutcome.match(count + " MigrationRunner beans")
					: ConditionOutcome.noMatch(count + " MigrationRunner bean(s)");
		}

	}

}
