package io.paig.db.test;

import java.util.Set;

import javax.sql.DataSource;

import io.paig.db.autogenerate.HibernateSchemaComparison;
import io.paig.db.autogenerate.SchemaComparison;
import io.paig.db.migration.runner.MigrationRunner;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * The migration checks every project should run in CI, as pytest-alembic gives Python
 * teams, each a test of its own: the history is one line, an empty database upgrades to
 * head, every revision downgrades and upgrades again leaving the schema as it was (the
 * stairway), {@code downgrade base} leaves nothing behind, and the JPA entities match the
 * schema at head.
 *
 * <pre>
 * &#64;MigrationTest
 * class MigrationsTests extends MigrationChecks {
 * }
 * </pre>
 *
 * Override {@link #skippedChecks()} or {@link #stairwayStartsAt()} for histories that
 * predate the kit.
 *
 * @author paig-db authors
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class MigrationChecks {

	/** The check names {@link #skippedChecks()} may return. */
	public static final Set<String> CHECKS = Set.of("single-head", "upgrade-from-base", "stairway",
			"downgrade-leaves-no-trace", "models-match-schema");

	@Autowired
	private MigrationRunner runner;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private ApplicationContext context;

	/**
	 * Checks to skip, by name ({@link #CHECKS}); they show as skipped, with the reason.
	 * @return the names
	 */
	protected Set<String> skippedChecks() {
		return Set.of();
	}

	/**
	 * The revision the stairway starts after, for revisions older than the kit that
	 * cannot be reverted.
	 * @return a revision (or unique prefix), or {@code null} to start at base
	 */
	protected @Nullable String stairwayStartsAt() {
		return null;
	}

	@Test
	@Order(1)
	void historyIsOneLineWithASingleHead() {
		kit("single-head").singleHead();
	}

	@Test
	@Order(2)
	void emptyDatabaseUpgradesToHead() {
		kit("upgrade-from-base").upgradeFromBase();
	}

	@Test
	@Order(3)
	void everyRevisionDowngradesAndUpgradesAgainLeavingTheSchemaAsItWas() {
		kit("stairway").stairway(stairwayStartsAt());
	}

	@Test
	@Order(4)
	void downgradeToBaseLeavesNoTrace() {
		kit("downgrade-leaves-no-trace").downgradeLeavesNoTrace();
	}

	@Test
	@Order(5)
	void entitiesMatchTheSchemaAtHead() {
		kit("models-match-schema").modelsMatchSchema();
	}

	private MigrationCheckKit kit(String check) {
		Assumptions.assumeFalse(skippedChecks().contains(check), () -> "'" + check + "' is skipped by skippedChecks()");
		return new MigrationCheckKit(this.runner, this.dataSource, comparison());
	}

	private @Nullable SchemaComparison comparison() {
		String factoryType = "org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean";
		if (!ClassUtils.isPresent(factoryType, getClass().getClassLoader())
				|| !ClassUtils.isPresent("org.hibernate.SessionFactory", getClass().getClassLoader())) {
			return null;
		}
		var factories = this.context
			.getBeanProvider(org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean.class);
		var factory = factories.getIfUnique();
		JdbcConnectionDetails details = this.context.getBeanProvider(JdbcConnectionDetails.class).getIfUnique();
		if (factory == null || details == null) {
			return null;
		}
		return new HibernateSchemaComparison(this.dataSource, details, factory, this.runner.getSettings());
	}

}
