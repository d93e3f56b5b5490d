package io.paig.db.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A test of an application's migrations: its context with the DataSource and the
 * migration runner, no web server and no migration at start-up (the checks run them). The
 * database is whatever the test's own configuration names ({@code database.url}, a
 * Testcontainers {@code @ServiceConnection}); without one, a SQLite file in a temporary
 * folder, never the application's own default file. Put it on a class that extends
 * {@link MigrationChecks}. The context is closed after the class: the database it points
 * at is often the class's own and dropped with it, and a cached context's pool would go
 * on trying to reach it.
 *
 * @author paig-db authors
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = WebEnvironment.NONE, properties = "database.migration.on-startup=none")
@DirtiesContext
public @interface MigrationTest {

}
