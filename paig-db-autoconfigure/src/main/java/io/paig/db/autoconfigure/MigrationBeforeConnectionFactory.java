package io.paig.db.autoconfigure;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import io.r2dbc.spi.ConnectionFactory;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Makes every R2DBC {@link ConnectionFactory} bean wait for the migrations: nothing that
 * reads the database through R2DBC (repositories, {@code DatabaseClient}, a health check)
 * gets a connection before the schema is at head. Spring Boot's
 * {@code @DependsOnDatabaseInitialization} ordering does not cover R2DBC, so the
 * dependency is added to the bean definitions, as it is for JPA's EntityManagerFactory.
 *
 * @author paig-db authors
 */
class MigrationBeforeConnectionFactory implements BeanFactoryPostProcessor {

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
		String[] initializers = beanFactory.getBeanNamesForType(MigrationInitializer.class, true, false);
		if (initializers.length == 0) {
			return;
		}
		for (String name : beanFactory.getBeanNamesForType(ConnectionFactory.class, true, false)) {
			BeanDefinition definition = beanFactory.getBeanDefinition(name);
			Set<String> dependsOn = new LinkedHashSet<>();
			if (definition.getDependsOn() != null) {
				dependsOn.addAll(Arrays.asList(definition.getDependsOn()));
			}
			dependsOn.addAll(Arrays.asList(initializers));
			definition.setDependsOn(dependsOn.toArray(String[]::new));
		}
	}

}
