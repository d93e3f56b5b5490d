package io.paig.db.actuate.endpoint;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import io.paig.db.migration.runner.MigrationRunner;
import io.paig.db.testsupport.TestDatabase;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.endpoint.jackson.EndpointJsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LiquibaseHistoryEndpoint} on PostgreSQL.
 *
 * @author paig-db authors
 */
class LiquibaseHistoryEndpointPostgresqlTests extends AbstractLiquibaseHistoryEndpointTests {

	@RegisterExtension
	static final TestDatabase database = TestDatabase.postgresql();

	@BeforeEach
	void emptyDatabase() throws Exception {
		database.reset("history");
	}

	@Override
	String databaseUrl() {
		return database.url();
	}

	@Override
	boolean historyTableExists(DataSource dataSource) throws Exception {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(
						"select count(*) from information_schema.tables where table_name = 'databasechangelog'")) {
			result.next();
			return result.getInt(1) > 0;
		}
	}

	@Test
	void readsTheHistoryTableInTheLiquibaseSchema() throws Exception {
		try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA history");
		}
		runner()
			.withPropertyValues("database.migration.changelog=" + twoRevisions().location(),
					"database.migration.liquibase-schema=history")
			.run((context) -> {
				assertThat(context.getBean(MigrationRunner.class).getSettings().historySchema()).isEqualTo("history");
				assertThat(historyTableExists(context.getBean(DataSource.class))).isTrue();
				LiquibaseHistoryEndpoint endpoint = context.getBean(LiquibaseHistoryEndpoint.class);
				assertThat(changeSets(endpoint, context)).hasSize(3);
				JsonMapper mapper = context.getBean(EndpointJsonMapper.class).get();
				SpringLiquibase liquibase = springLiquibase(context);
				liquibase.setLiquibaseSchema("history");
				assertThat((JsonNode) mapper.valueToTree(endpoint.liquibaseBeans()))
					.isEqualTo(mapper.valueToTree(springBootsDocument(context, liquibase)));
			});
	}

}
