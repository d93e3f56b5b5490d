/**
 * The columns and column types every PAIG table shares.
 *
 * @author paig-db authors
 */
package io.paig.sample.persistence;
