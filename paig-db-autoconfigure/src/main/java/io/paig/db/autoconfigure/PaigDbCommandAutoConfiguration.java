package io.paig.db.autoconfigure;

import java.nio.file.Path;
import java.util.Map;

import io.paig.db.autogenerate.HibernateSchemaComparison;
import io.paig.db.autogenerate.SchemaComparison;
import io.paig.db.command.DbCommandRunner;
import io.paig.db.command.DbCommands;
import io.paig.db.command.RevisionWriter;
import io.paig.db.migration.MigrationException;
import io.paig.db.migration.runner.MigrationRunner;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@code db} commands, active
 * when the application was started with {@code db} as its first argument, and in an
 * ahead-of-time build (see {@link OnDbCommandCondition}).
 *
 * @author paig-db authors
 */
@AutoConfiguration(after = PaigMigrationAutoConfiguration.class,
		afterName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@Conditional(OnDbCommandCondition.class)
@ConditionalOnBean(MigrationRunner.class)
public final class PaigDbCommandAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DbCommands dbCommands(Map<String, MigrationRunner> runners, DatabaseProperties properties, Environment environment,
			ObjectProvider<SchemaComparison> comparison) {
		MigrationRunner runner = mainRunner(runners);
		String changelog = runner.getSettings().changelog();
		String masterName = changelog.substring(Math.max(changelog.lastIndexOf('/'), changelog.lastIndexOf(':')) + 1);
		RevisionWriter writer = new RevisionWriter(Path.of(properties.getCommand().getChangelogFolder()), masterName);
		return new DbCommands(runner, writer, comparison::getIfAvailable, ProfilesInEffect.of(environment), System.out,
				System.err);
	}

	@Bean
	DbCommandRunner dbCommandRunner(DbCommands commands, ApplicationContext context, DatabaseProperties properties) {
		return new DbCommandRunner(commands, context, properties.getCommand().isExit());
	}

	// The runner the commands work with: paig-db's own when the application has several.
	static MigrationRunner mainRunner(Map<String, MigrationRunner> runners) {
		MigrationRunner own = runners.get(PaigMigrationAutoConfiguration.RUNNER);
		if (own != null) {
			return own;
		}
		if (runners.size() == 1) {
			return runners.values().iterator().next();
		}
		throw new MigrationException(
				"The db commands work with one migration runner, and the application has several, none named '"
						+ PaigMigrationAutoConfiguration.RUNNER + "': " + String.join(", ", runners.keySet()) + ".",
				"Name the runner the commands should use '" + PaigMigrationAutoConfiguration.RUNNER + "'.");
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ LocalContainerEntityManagerFactoryBean.class, HibernateJpaVendorAdapter.class })
	@ConditionalOnBean({ LocalContainerEntityManagerFactoryBean.class, JdbcConnectionDetails.class })
	static class SchemaComparisonConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SchemaComparison schemaComparison(JdbcConnectionDetails connectionDetails,
				LocalContainerEntityManagerFactoryBean entityManagerFactory, Map<String, MigrationRunner> runners) {
			MigrationRunner runner = mainRunner(runners);
			return new HibernateSchemaComparison(runner.getDataSource(), connectionDetails, entityManagerFactory,
					runner.getSettings());
		}

	}

}
