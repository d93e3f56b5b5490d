package io.paig.db.jdbc;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ServerFaults}: the kinds of server-side failure, told from SQLStates,
 * vendor codes and the drivers' messages anywhere among the causes.
 *
 * @author paig-db authors
 */
class ServerFaultsTests {

	@Test
	void connectionExceptionClassAndAdminShutdownAreAnEndedConnection() {
		assertThat(ServerFaults.connectionEnded(new SQLException("I/O error", "08006"))).isTrue();
		assertThat(ServerFaults
			.connectionEnded(new IllegalStateException("wrapped", new SQLException("terminating connection", "57P01"))))
			.isTrue();
		assertThat(ServerFaults.connectionEnded(new SQLException("Connection was killed", "70100", 1927))).isTrue();
		assertThat(ServerFaults.connectionEnded(new RuntimeException("Communications link failure"))).isTrue();
		assertThat(ServerFaults.connectionEnded(new SQLTransientConnectionException("Connection is closed"))).isTrue();
	}

	@Test
	void syntaxErrorIsNotAnEndedConnection() {
		assertThat(ServerFaults.connectionEnded(new SQLException("syntax error at or near \"tabel\"", "42601")))
			.isFalse();
		assertThat(ServerFaults.connectionEnded(new SQLException("Table 'users' already exists", "42S01", 1050)))
			.isFalse();
	}

	@Test
	void lockTimeoutIsToldFromPostgresqlStateAndMysqlCode() {
		assertThat(ServerFaults
			.lockTimedOut(new RuntimeException(new SQLException("canceling statement due to lock timeout", "55P03"))))
			.isTrue();
		assertThat(ServerFaults
			.lockTimedOut(new SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205)))
			.isTrue();
		assertThat(ServerFaults.lockTimedOut(new SQLException("deadlock detected", "40P01"))).isFalse();
	}

	@Test
	void endedReasonPrefersTheServersOwnWords() {
		SQLException terminated = new SQLException("FATAL: terminating connection due to administrator command",
				"57P01");
		RuntimeException failure = new RuntimeException("update failed", new SQLException("Connection is closed"));
		failure.addSuppressed(terminated);
		assertThat(ServerFaults.endedReason(failure))
			.isEqualTo("FATAL: terminating connection due to administrator command");
		assertThat(ServerFaults.endedReason(new RuntimeException("x", new SQLException("Connection is closed"))))
			.isEqualTo("Connection is closed");
	}

	@Test
	void describeShowsTheUrlWithThePasswordMasked() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				"jdbc:postgresql://127.0.0.1:5432/paig?user=paig&password=s3cret");
		String described = ServerFaults.describe(new DelegatingDataSource(dataSource));
		assertThat(described).startsWith("jdbc:postgresql://127.0.0.1:5432/paig").doesNotContain("s3cret");
	}

}
