package io.paig.db.autoconfigure;

import java.util.Map;

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
 * {@link EnableAutoConfiguration Auto-configuration} for migration metrics, tagged with
 * each runner's bean name when there are several.
 *
 * @author paig-db authors
 */
@AutoConfiguration(after = PaigMigrationAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MigrationRunner.class)
public final class PaigMigrationMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrationMetrics migrationMetrics(Map<String, MigrationRunner> runners) {
		return new MigrationMetrics(runners);
	}

}
