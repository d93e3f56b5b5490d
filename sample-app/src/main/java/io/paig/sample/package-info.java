/**
 * A small PAIG-like service on the paig-db starter, whose database comes from
 * {@code database.url} alone.
 *
 * @author paig-db authors
 */
package io.paig.sample;
