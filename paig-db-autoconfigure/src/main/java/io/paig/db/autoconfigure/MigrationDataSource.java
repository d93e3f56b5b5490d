package io.paig.db.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Qualifier for the {@link javax.sql.DataSource} that paig-db migrates when the
 * application has several, as Spring Boot's {@code @LiquibaseDataSource} is for its own
 * Liquibase support. Without it, paig-db migrates the only DataSource, or the
 * {@code @Primary} one; with several and neither, start-up fails and says so.
 *
 * @author paig-db authors
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Qualifier
public @interface MigrationDataSource {

}
