/**
 * A Spring Boot Admin server for the sample app's tests, outside the sample's packages so
 * that the sample's component scan does not find it.
 */
@NullMarked
package io.paig.admin;

import org.jspecify.annotations.NullMarked;
