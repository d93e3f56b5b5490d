/**
 * The benchmark harness: workloads, in-process and fresh-JVM measurements, whole-JVM
 * checks and the report written into {@code docs/benchmarks.md}.
 *
 * @author paig-db authors
 */
@NullMarked
package io.paig.db.benchmarks;

import org.jspecify.annotations.NullMarked;
