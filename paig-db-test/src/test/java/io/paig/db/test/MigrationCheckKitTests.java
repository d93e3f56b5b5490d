package io.paig.db.test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.paig.db.autoconfigure.PaigDatabaseAutoConfiguration;
import io.paig.db.autoconfigure.PaigMigrationAutoConfiguration;
import io.paig.db.autogenerate.HibernateSchemaComparison;
import io.paig.db.migration.MigrationSettings;
import io.paig.db.migration.runner.MigrationRunner;
import io.paig.db.test.orphan.Orphan;
import io.paig.db.testsupport.Changelogs;
import io.paig.db.url.JdbcTranslator;
import io.paig.db.url.SqliteOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link MigrationCheckKit}: each check passes on a sound history and fails,
 * naming the revision and the object, on a history built to break it.
 *
 * @author paig-db authors
 */
class MigrationCheckKitTests {

	private static final String USERS = """
			  - changeSet:
			      id: create-users
			      author: paig
			      changes:
			        - createTable:
			            tableName: users
			            columns:
			              - column: { name: id, type: int, constraints: { primaryKey: true } }
			""";

	private static final String EMAIL = """
			  - changeSet:
			      id: add-email
			      author: paig
			      changes:
			        - addColumn:
			            tableName: users
			            columns:
			              - column: { name: email, type: varchar(255) }
			""";

	@TempDir
	Path temp;

	private final List<HikariDataSource> dataSources = new ArrayList<>();

	@AfterEach
	void close() {
		this.dataSources.forEach(HikariDataSource::close);
	}

	private MigrationCheckKit kit(Changelogs changelogs) {
		HikariDataSource dataSource = new HikariDataSource();
		this.dataSources.add(dataSource);
		dataSource.setJdbcUrl(new JdbcTranslator(SqliteOptions.DEFAULTS, null)
			.translate("sqlite:///" + this.temp.resolve("kit.db"), null, null)
			.jdbcUrl());
		MigrationRunner runner = new MigrationRunner(dataSource, MigrationSettings.of(changelogs.location()),
				new DefaultResourceLoader());
		return new MigrationCheckKit(runner, dataSource, null);
	}

	private Changelogs sound() {
		return new Changelogs(this.temp.resolve("changelog")).revision("aaaa00000001", "create users", USERS)
			.revision("aaaa00000002", "add email", EMAIL);
	}

	@Test
	void soundHistoryPassesEveryCheckButTheModelOne() {
		MigrationCheckKit kit = kit(sound());
		assertThatNoException().isThrownBy(kit::singleHead);
		assertThatNoException().isThrownBy(kit::upgradeFromBase);
		assertThatNoException().isThrownBy(() -> kit.stairway(null));
		assertThatNoException().isThrownBy(kit::downgradeLeavesNoTrace);
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(kit::modelsMatchSchema)
			.withMessageContaining("no JPA entities");
	}

	@Test
	void twoHeadsFailTheSingleHeadCheck() throws Exception {
		Changelogs changelogs = sound();
		changelogs.revision("aaaa00000003", "second branch", """
				  - changeSet:
				      id: other
				      author: paig
				      changes:
				        - createTable: { tableName: other, columns: [ { column: { name: id, type: int } } ] }
				""");
		changelogs.edit("aaaa00000003", "parent: aaaa00000002", "parent: aaaa00000001");
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(kit(changelogs)::singleHead)
			.withMessageContaining("not one line")
			.withMessageContaining("aaaa00000003")
			.withMessageContaining("'aaaa00000001' as its parent");
	}

	@Test
	void revisionWithoutRollbackFailsTheStairway() {
		Changelogs changelogs = sound().revision("aaaa00000003", "raw sql", """
				  - changeSet:
				      id: raw
				      author: paig
				      changes:
				        - sql: { sql: "update users set email = 'x'" }
				""");
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(() -> kit(changelogs).stairway(null))
			.withMessageContaining("Revision aaaa00000003 'raw sql' has no rollback for changeset(s) [raw]");
	}

	@Test
	void rollbackThatLeavesAColumnBehindFailsTheStairwayNamingIt() {
		Changelogs changelogs = new Changelogs(this.temp.resolve("changelog"))
			.revision("bbbb00000001", "create users", USERS)
			.revision("bbbb00000002", "sloppy rollback", EMAIL + """
					      rollback:
					        - sql: { sql: "select 1" }
					""");
		MigrationCheckKit kit = kit(changelogs);
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(() -> kit.stairway(null))
			.withMessageContaining("Revision bbbb00000002 'sloppy rollback' does not undo itself")
			.withMessageContaining("left behind: column")
			.withMessageContaining("email");
	}

	@Test
	void rollbackThatLeavesATableBehindFailsDowngradeToBase() {
		Changelogs changelogs = new Changelogs(this.temp.resolve("changelog")).revision("dddd00000001", "create users",
				USERS.replace("- createTable:", "- createTable:") + """
						      rollback:
						        - sql: { sql: "select 1" }
						""");
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(kit(changelogs)::downgradeLeavesNoTrace)
			.withMessageContaining("'downgrade base' left behind")
			.withMessageContaining("users");
	}

	@Test
	void stairwayCanStartAfterOldRevisions() {
		Changelogs changelogs = new Changelogs(this.temp.resolve("changelog"))
			.revision("cccc00000001", "old raw sql", """
					  - changeSet:
					      id: raw
					      author: paig
					      changes:
					        - sql: { sql: "create table legacy (id int)" }
					""")
			.revision("cccc00000002", "create users", USERS);
		MigrationCheckKit kit = kit(changelogs);
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(() -> kit.stairway(null));
		assertThatNoException().isThrownBy(() -> kit(changelogs).stairway("cccc00000001"));
	}

	@Test
	void entityWithNoMigrationFailsTheModelCheckNamingIt() {
		Changelogs changelogs = sound();
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(PaigDatabaseAutoConfiguration.class, DataSourceAutoConfiguration.class,
							PaigMigrationAutoConfiguration.class, HibernateJpaAutoConfiguration.class))
			.withUserConfiguration(OrphanEntity.class)
			.withPropertyValues("database.url=sqlite:///" + this.temp.resolve("model.db"),
					"database.migration.changelog=" + changelogs.location(), "database.migration.on-startup=none")
			.run((context) -> {
				MigrationRunner runner = context.getBean(MigrationRunner.class);
				DataSource dataSource = context.getBean(DataSource.class);
				MigrationCheckKit kit = new MigrationCheckKit(runner, dataSource,
						new HibernateSchemaComparison(dataSource, context.getBean(JdbcConnectionDetails.class),
								context.getBean(LocalContainerEntityManagerFactoryBean.class), runner.getSettings()));
				assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(kit::modelsMatchSchema)
					.withMessageContaining("differ")
					.withMessageContaining("create table orphan");
			});
	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Orphan.class)
	static class OrphanEntity {

	}

}
