package io.paig.db.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a Spring test class a fresh database at head of its own: a clone of a template
 * migrated once per state of the changelog (see {@link DatabaseClones}), on the server
 * the application's own connection names ({@code database.url}, from the test's
 * properties or the environment, or a {@code @ServiceConnection}). The application's
 * {@code JdbcConnectionDetails} are pointed at the clone, so its DataSource, its start-up
 * check (which finds the clone at head) and everything else use it. The clone is dropped
 * when the context closes; a context per test method
 * ({@code @DirtiesContext(classMode = AFTER_EACH_TEST_METHOD)}) gives each method its
 * own.
 *
 * @author paig-db authors
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface FreshDatabase {

	/**
	 * The server to clone on, as a paig-db URL naming a database there (the clones are
	 * named after it); empty for the application's own connection. Placeholders are
	 * resolved against the test's environment, so {@code "${PAIG_TEST_POSTGRES_URL:}"}
	 * names a server from an environment variable and falls back to the application's
	 * connection without it.
	 * @return the URL, or empty
	 */
	String server() default "";

}
