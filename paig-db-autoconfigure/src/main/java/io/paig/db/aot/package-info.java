/**
 * Ahead-of-time processing and GraalVM native-image hints for paig-db: the changelog
 * resources, the service-loaded Liquibase and Hibernate extensions, the endpoint's JSON
 * types and the classes reached by name.
 */
@NullMarked
package io.paig.db.aot;

import org.jspecify.annotations.NullMarked;
