package io.paig.db.autoconfigure;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

/**
 * A {@link DatabaseInitializerDetector} for {@link MigrationInitializer}: the
 * EntityManagerFactory and every bean marked {@code @DependsOnDatabaseInitialization}
 * wait for the migrations.
 *
 * @author paig-db authors
 */
class MigrationInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(MigrationInitializer.class);
	}

}
