package io.paig.db.test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import io.paig.db.jdbc.DatabaseUrlConnectionDetails;
import io.paig.db.testsupport.Changelogs;
import io.paig.db.url.JdbcTranslator;
import io.paig.db.url.SqliteOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FreshDatabaseContextCustomizerFactory}: a {@code @FreshDatabase}
 * class's context gets connection details that point at a clone at head on the same
 * server, whether they were paig-db's (from {@code database.url}) or a service
 * connection's; the clone is dropped when the context closes; a class without the
 * annotation is left alone.
 *
 * @author paig-db authors
 */
class FreshDatabaseContextCustomizerFactoryTests {

	@TempDir
	Path temp;

	@Test
	void classWithoutTheAnnotationIsLeftAlone() {
		assertThat(new FreshDatabaseContextCustomizerFactory().createContextCustomizer(Plain.class, List.of()))
			.isNull();
	}

	@Test
	void paigDbConnectionDetailsPointAtACloneAtHead() throws Exception {
		JdbcConnectionDetails details = DatabaseUrlConnectionDetails.of(new JdbcTranslator(SqliteOptions.DEFAULTS, null)
			.translate("sqlite:///" + this.temp.resolve("app.db"), null, null));
		assertClonedAndDropped(details);
	}

	@Test
	void serviceConnectionDetailsPointAtACloneAtHead() throws Exception {
		String url = "jdbc:sqlite:" + this.temp.resolve("service.db");
		JdbcConnectionDetails details = new JdbcConnectionDetails() {

			@Override
			public String getUsername() {
				return null;
			}

			@Override
			public String getPassword() {
				return null;
			}

			@Override
			public String getJdbcUrl() {
				return url;
			}

		};
		assertClonedAndDropped(details);
	}

	@Test
	void serverAttributeWithAPlaceholderNamesTheServerToCloneOn() throws Exception {
		JdbcConnectionDetails details = DatabaseUrlConnectionDetails.of(new JdbcTranslator(SqliteOptions.DEFAULTS, null)
			.translate("sqlite:///" + this.temp.resolve("app.db"), null, null));
		String url = assertClonedAndDropped(details, Named.class);
		assertThat(url).contains("named_paig_clone_");
	}

	private void assertClonedAndDropped(JdbcConnectionDetails details) throws Exception {
		assertThat(assertClonedAndDropped(details, Fresh.class)).contains("_paig_clone_");
	}

	private String assertClonedAndDropped(JdbcConnectionDetails details, Class<?> testClass) throws Exception {
		Changelogs changelogs = new Changelogs(this.temp.resolve("changelog")).revision("aaaa00000001", "tags", """
				  - changeSet:
				      id: create-tags
				      author: paig
				      changes:
				        - createTable: { tableName: tag, columns: [ { column: { name: id, type: int } } ] }
				        - insert: { tableName: tag, columns: [ { column: { name: id, valueNumeric: 7 } } ] }
				""");
		ContextCustomizer customizer = new FreshDatabaseContextCustomizerFactory().createContextCustomizer(testClass,
				List.of());
		assertThat(customizer).isNotNull();
		Path cloneFile;
		String clonedUrl;
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("test", Map.of("database.migration.changelog", changelogs.location(),
						"fresh.server", "sqlite:///" + this.temp.resolve("named.db"))));
			context.registerBean("details", JdbcConnectionDetails.class, () -> details);
			customizer.customizeContext(context, (MergedContextConfiguration) null);
			context.refresh();
			JdbcConnectionDetails cloned = context.getBean(JdbcConnectionDetails.class);
			clonedUrl = cloned.getJdbcUrl();
			assertThat(clonedUrl).isNotEqualTo(details.getJdbcUrl());
			try (Connection connection = DriverManager.getConnection(cloned.getJdbcUrl());
					Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("SELECT id FROM tag")) {
				assertThat(result.next()).isTrue();
				assertThat(result.getInt(1)).isEqualTo(7);
			}
			String path = cloned.getJdbcUrl().substring("jdbc:sqlite:".length());
			cloneFile = Path.of((path.indexOf('?') >= 0) ? path.substring(0, path.indexOf('?')) : path);
			assertThat(cloneFile).exists();
		}
		assertThat(cloneFile).doesNotExist();
		return clonedUrl;
	}

	static class Plain {

	}

	@FreshDatabase
	static class Fresh {

	}

	@FreshDatabase(server = "${fresh.server}")
	static class Named {

	}

}
