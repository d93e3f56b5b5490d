package io.paig.db.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.paig.db.actuate.metrics.MigrationMetrics;
import io.paig.db.migration.runner.MigrationRunner;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for migration metrics.
 *
 * @author paig-db authors
 */
@AutoConfiguration(after = PaigMigrationAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MigrationRunner.class)
public final class PaigMigrationMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrationMetrics migrationMetrics(MigrationRunner runner) {
		return new MigrationMetrics(runner);
	}

}
