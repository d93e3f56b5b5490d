/**
 * The R2DBC app's JDBC floor: what any migration tool that checks the database over JDBC
 * adds to a reactive app's start, whatever else it does.
 *
 * @author paig-db authors
 */
package io.paig.db.benchmarks.r2dbcapp.floor;
