/**
 * The web app of the start comparison, shared by the {@code app-*} modules that differ
 * only in the migration tool on their classpath.
 *
 * @author paig-db authors
 */
package io.paig.db.benchmarks.app;
