/**
 * How the sample's HTTP API reports bad requests and what the database refuses.
 *
 * @author paig-db authors
 */
package io.paig.sample.web;
