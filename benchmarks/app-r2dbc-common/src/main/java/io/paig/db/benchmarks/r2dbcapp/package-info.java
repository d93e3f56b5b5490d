/**
 * The reactive web app of the R2DBC start comparison, shared by the {@code app-r2dbc-*}
 * modules that differ only in the migration tool on their classpath.
 *
 * @author paig-db authors
 */
package io.paig.db.benchmarks.r2dbcapp;
