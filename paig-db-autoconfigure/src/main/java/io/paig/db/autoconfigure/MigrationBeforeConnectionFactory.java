package io.paig.db.autoconfigure;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.r2dbc.spi.Closeable;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.Wrapped;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Makes every R2DBC {@link ConnectionFactory} bean wait for the migrations: nothing that
 * reads the database through R2DBC (repositories, {@code DatabaseClient}, a health check)
 * gets a connection before the schema is at head. Spring Boot's
 * {@code @DependsOnDatabaseInitialization} ordering does not cover R2DBC, so the
 * dependency is added to the bean definitions, as it is for JPA's EntityManagerFactory.
 * Where the migrations run in the background (an R2DBC application's, see
 * {@link MigrationInitializer#setInBackground(boolean)}), the factory is made at once and
 * wrapped so that each connection it makes waits for them instead: the wrapper unwraps
 * ({@link Wrapped}) to Spring Boot's pool, whose metrics are still found, and passes
 * {@code dispose} and {@code close} on to it.
 *
 * @author paig-db authors
 */
class MigrationBeforeConnectionFactory implements BeanFactoryPostProcessor, BeanPostProcessor {

	private @Nullable ConfigurableListableBeanFactory beanFactory;

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
		this.beanFactory = beanFactory;
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

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
		if (!(bean instanceof ConnectionFactory connectionFactory) || bean instanceof AfterMigrations
				|| this.beanFactory == null) {
			return bean;
		}
		Collection<MigrationInitializer> initializers = this.beanFactory
			.getBeansOfType(MigrationInitializer.class, true, false)
			.values();
		CompletableFuture<?>[] runs = initializers.stream()
			.filter(MigrationInitializer::isInBackground)
			.map(MigrationInitializer::done)
			.toArray(CompletableFuture<?>[]::new);
		return (runs.length != 0) ? new AfterMigrations(connectionFactory, CompletableFuture.allOf(runs)) : bean;
	}

	/**
	 * A {@link ConnectionFactory} whose connections wait for the migrations.
	 */
	static final class AfterMigrations implements ConnectionFactory, Wrapped<ConnectionFactory>, Disposable, Closeable {

		private final ConnectionFactory delegate;

		private final CompletableFuture<Void> migrations;

		AfterMigrations(ConnectionFactory delegate, CompletableFuture<Void> migrations) {
			this.delegate = delegate;
			this.migrations = migrations;
		}

		@Override
		public Publisher<? extends Connection> create() {
			if (this.migrations.isDone() && !this.migrations.isCompletedExceptionally()) {
				return this.delegate.create();
			}
			// one subscriber's cancel must not cancel the wait of the others
			return Mono.fromFuture(this.migrations, true).then(Mono.defer(() -> Mono.from(this.delegate.create())));
		}

		@Override
		public ConnectionFactoryMetadata getMetadata() {
			return this.delegate.getMetadata();
		}

		@Override
		public ConnectionFactory unwrap() {
			return this.delegate;
		}

		@Override
		public void dispose() {
			if (this.delegate instanceof Disposable disposable) {
				disposable.dispose();
			}
		}

		@Override
		public boolean isDisposed() {
			return this.delegate instanceof Disposable disposable && disposable.isDisposed();
		}

		@Override
		public Publisher<Void> close() {
			return (this.delegate instanceof Closeable closeable) ? closeable.close() : Mono.empty();
		}

		@Override
		public String toString() {
			return "AfterMigrations[" + this.delegate + "]";
		}

	}

}
