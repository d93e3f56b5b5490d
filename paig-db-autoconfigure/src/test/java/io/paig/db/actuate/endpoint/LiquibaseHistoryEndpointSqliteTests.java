package io.paig.db.actuate.endpoint;

import java.beans.Introspector;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import liquibase.changelog.ChangeSet;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.liquibase.actuate.endpoint.LiquibaseEndpoint;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LiquibaseHistoryEndpoint} on SQLite, and of its descriptors against
 * Spring Boot's.
 *
 * @author paig-db authors
 */
class LiquibaseHistoryEndpointSqliteTests extends AbstractLiquibaseHistoryEndpointTests {

	@Override
	String databaseUrl() {
		return "sqlite:///" + this.temp.resolve("history.db");
	}

	@Override
	boolean historyTableExists(DataSource dataSource) throws Exception {
		try (Connection connection = dataSource.getConnection();
				ResultSet tables = connection.getMetaData().getTables(null, null, "%", null)) {
			while (tables.next()) {
				if (tables.getString("TABLE_NAME").equalsIgnoreCase("DATABASECHANGELOG")) {
					return true;
				}
			}
			return false;
		}
	}

	@Test
	void changeSetDescriptorHasSpringBootsPropertiesAndTypes() {
		Map<String, Type> boots = getters(LiquibaseEndpoint.ChangeSetDescriptor.class);
		Map<String, Type> ours = components(LiquibaseHistoryEndpoint.ChangeSetDescriptor.class);
		// Spring Boot writes Liquibase's ExecType by its name; paig-db writes the name
		assertThat(boots.get("execType")).isEqualTo(ChangeSet.ExecType.class);
		boots.put("execType", String.class);
		assertThat(ours).isEqualTo(boots);
	}

	@Test
	void documentLevelsHaveSpringBootsPropertiesAndTypes() {
		assertThat(components(LiquibaseHistoryEndpoint.LiquibaseBeansDescriptor.class).keySet())
			.isEqualTo(getters(LiquibaseEndpoint.LiquibaseBeansDescriptor.class).keySet())
			.containsExactly("contexts");
		assertThat(components(LiquibaseHistoryEndpoint.ContextLiquibaseBeansDescriptor.class).keySet())
			.isEqualTo(getters(LiquibaseEndpoint.ContextLiquibaseBeansDescriptor.class).keySet())
			.containsExactlyInAnyOrder("liquibaseBeans", "parentId");
		assertThat(components(LiquibaseHistoryEndpoint.LiquibaseBeanDescriptor.class).keySet())
			.isEqualTo(getters(LiquibaseEndpoint.LiquibaseBeanDescriptor.class).keySet())
			.containsExactly("changeSets");
		assertThat(OperationResponseBody.class)
			.isAssignableFrom(LiquibaseHistoryEndpoint.LiquibaseBeansDescriptor.class);
	}

	private static Map<String, Type> getters(Class<?> type) {
		Map<String, Type> properties = new LinkedHashMap<>();
		for (Method method : type.getDeclaredMethods()) {
			if (Modifier.isPublic(method.getModifiers()) && method.getName().startsWith("get")
					&& method.getParameterCount() == 0) {
				properties.put(Introspector.decapitalize(method.getName().substring(3)), method.getGenericReturnType());
			}
		}
		return properties;
	}

	private static Map<String, Type> components(Class<?> type) {
		Map<String, Type> properties = new LinkedHashMap<>();
		Arrays.stream(type.getRecordComponents())
			.forEach((component) -> properties.put(component.getName(), component.getGenericType()));
		return properties;
	}

}
