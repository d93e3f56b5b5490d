package io.paig.db.autoconfigure;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.paig.db.autoconfigure.MigrationBeforeConnectionFactory.AfterMigrations;
import io.paig.db.migration.MigrationException;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MigrationBeforeConnectionFactory}'s wrapper: a connection is asked of
 * the pool only once the migrations are over, a failed run is each connection's error,
 * one cancelled wait leaves the others waiting, and the pool is still reached through it.
 * The pool is r2dbc-postgresql's behind r2dbc-pool, aimed at a port nothing listens on:
 * reaching it is a refused connection.
 *
 * @author paig-db authors
 */
class MigrationBeforeConnectionFactoryTests {

	private final CompletableFuture<Void> migrations = new CompletableFuture<>();

	private ConnectionPool pool;

	private AfterMigrations connectionFactory;

	@BeforeEach
	void poolOnAClosedPort() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		ConnectionFactory refused = ConnectionFactories
			.get("r2dbc:postgresql://paig@127.0.0.1:" + port + "/app?connectTimeout=PT5S");
		this.pool = new ConnectionPool(ConnectionPoolConfiguration.builder(refused)
			.initialSize(0)
			.maxAcquireTime(Duration.ofSeconds(10))
			.build());
		this.connectionFactory = new AfterMigrations(this.pool, this.migrations);
	}

	@AfterEach
	void disposePool() {
		this.pool.dispose();
	}

	@Test
	void connectionIsAskedOfThePoolOnlyOnceTheMigrationsAreOver() throws Exception {
		CompletableFuture<Connection> connection = Mono.<Connection>from(this.connectionFactory.create()).toFuture();
		Thread.sleep(300);
		assertThat(connection).as("waiting for the migrations").isNotDone();
		assertThat(this.pool.getMetrics().orElseThrow().pendingAcquireSize()).as("nothing asked of the pool").isZero();
		this.migrations.complete(null);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> connection.get(30, TimeUnit.SECONDS))
			.as("the pool's own connection error, so the pool was reached")
			.withMessageNotContaining("MigrationException");
	}

	@Test
	void failedMigrationsAreEachConnectionsError() {
		this.migrations.completeExceptionally(new MigrationException("Revision 2/2 failed.", "Fix it."));
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> Mono.from(this.connectionFactory.create()).block(Duration.ofSeconds(10)))
			.withMessage("Revision 2/2 failed.");
	}

	@Test
	void cancelledWaitLeavesTheOtherWaitsAndTheMigrationsAlone() throws Exception {
		CompletableFuture<Connection> other = Mono.<Connection>from(this.connectionFactory.create()).toFuture();
		Disposable cancelled = Mono.from(this.connectionFactory.create()).subscribe();
		cancelled.dispose();
		assertThat(this.migrations).isNotCancelled().isNotDone();
		Thread.sleep(100);
		assertThat(other).isNotDone();
		this.migrations.complete(null);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> other.get(30, TimeUnit.SECONDS));
	}

	@Test
	void thePoolIsReachedThroughTheWrapper() {
		assertThat(this.connectionFactory.unwrap()).isSameAs(this.pool);
		assertThat(this.connectionFactory.getMetadata().getName()).isEqualTo("PostgreSQL");
		this.connectionFactory.dispose();
		assertThat(this.pool.isDisposed()).isTrue();
		assertThat(this.connectionFactory.isDisposed()).isTrue();
	}

}
