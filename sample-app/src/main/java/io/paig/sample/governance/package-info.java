/**
 * AI applications, their configuration and policies, and the tags policies name, stored
 * and read over HTTP.
 *
 * @author paig-db authors
 */
package io.paig.sample.governance;
