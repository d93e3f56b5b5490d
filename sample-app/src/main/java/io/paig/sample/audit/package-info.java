/**
 * Access audits written by PAIG's shield, stored and read over HTTP.
 *
 * @author paig-db authors
 */
package io.paig.sample.audit;
