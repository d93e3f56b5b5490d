package io.paig.db.r2dbc;

import io.paig.db.r2dbc.app.R2dbcApplication;
import io.paig.db.testsupport.Changelogs;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reactive application on r2dbc-mariadb with MariaDB's JDBC driver in place of MySQL
 * Connector/J, against MariaDB: a user who excludes Connector/J from the starter for the
 * lighter driver. The same tests as {@link MariadbR2dbcApplicationTests}, run by the
 * {@code mariadb-jdbc-driver} surefire execution, whose class path has no Connector/J.
 *
 * @author paig-db authors
 */
class MariadbJdbcDriverR2dbcApplicationTests extends MariadbR2dbcApplicationTests {

	@Test
	void migrationsConnectWithMariaDbsJdbcDriver(CapturedOutput output) throws Exception {
		assertThat(ClassUtils.isPresent("com.mysql.cj.jdbc.Driver", null))
			.as("MySQL Connector/J on the class path of this run")
			.isFalse();
		database().reset();
		Changelogs changelogs = new Changelogs(folder.resolve("mariadb-jdbc")).revision("f6a1b2c3d4e5", "create items",
				ITEMS);
		SpringApplication application = new SpringApplication(R2dbcApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.run("--database.url=" + databaseUrl(), "--database.migration.changelog=" + changelogs.location())
			.close();
		assertThat(output).contains("Migrations of this R2DBC application connect over JDBC to jdbc:mariadb://")
			.contains("Applied 1 revision(s)");
	}

}
