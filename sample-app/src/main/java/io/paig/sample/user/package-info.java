/**
 * Users, groups and group memberships, stored and read over HTTP.
 *
 * @author paig-db authors
 */
package io.paig.sample.user;
