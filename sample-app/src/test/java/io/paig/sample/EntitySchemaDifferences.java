package io.paig.sample;

import java.util.List;

import javax.sql.DataSource;

import io.paig.db.command.HibernateSchemaComparison;
import io.paig.db.migration.MigrationRunner;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ApplicationContext;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * What {@code db check} reports between the sample's entities and its database at head, compared the way
 * the kit's {@code models-match-schema} check compares them.
 *
 * @author paig-db
 */
final class EntitySchemaDifferences {

	private EntitySchemaDifferences() {
	}

	/**
	 * Upgrade to head and list the differences.
	 * @param context the application context of a {@code @MigrationTest}
	 * @return the differences, each as {@code db check} prints it
	 */
	static List<String> atHead(ApplicationContext context) {
		MigrationRunner runner = context.getBean(MigrationRunner.class);
		runner.upgrade("head");
		HibernateSchemaComparison comparison = new HibernateSchemaComparison(context.getBean(DataSource.class),
				context.getBeanProvider(JdbcConnectionDetails.class).getObject(),
				context.getBeanProvider(LocalContainerEntityManagerFactoryBean.class).getObject(), runner.getSettings());
		return comparison.compare("check").differences();
	}

}
