package io.paig.db.testsupport;

import java.util.EnumMap;
import java.util.Map;

import io.paig.db.url.Dialect;
import org.jspecify.annotations.Nullable;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The Testcontainers fallback for {@link TestDatabase}: one server of each kind per JVM,
 * started on first use when Docker works.
 *
 * @author paig-db authors
 */
final class Containers {

	private static final Map<Dialect, String> started = new EnumMap<>(Dialect.class);

	private static @Nullable Boolean dockerAvailable;

	private Containers() {
	}

	static synchronized @Nullable String start(Dialect dialect) {
		if (started.containsKey(dialect)) {
			return started.get(dialect);
		}
		if (dockerAvailable == null) {
			dockerAvailable = isDockerAvailable();
		}
		if (!dockerAvailable) {
			return null;
		}
		JdbcDatabaseContainer<?> container = (dialect == Dialect.POSTGRESQL) ? new PostgreSQLContainer("postgres:15")
				: new MariaDBContainer("mariadb:10.11");
		container.start();
		String url = dialect.getName() + "://root:" + container.getPassword() + "@" + container.getHost() + ":"
				+ container.getFirstMappedPort() + "/" + container.getDatabaseName();
		if (dialect == Dialect.POSTGRESQL) {
			url = url.replace("://root:", "://" + container.getUsername() + ":");
		}
		started.put(dialect, url);
		return url;
	}

	private static boolean isDockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (Throwable ex) {
			return false;
		}
	}

}
