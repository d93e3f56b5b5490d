package io.paig.db.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Minimum, median and maximum of repeated measurements, in milliseconds.
 *
 * @param min the fastest
 * @param median the median (the mean of the middle two for an even count)
 * @param max the slowest
 * @param count how many measurements
 * @author paig-db authors
 */
public record Stats(double min, double median, double max, int count) {

	/**
	 * The statistics of some measurements.
	 * @param millis the measurements, in milliseconds
	 * @return the statistics
	 */
	public static Stats of(List<Double> millis) {
		if (millis.isEmpty()) {
			throw new IllegalArgumentException("No measurements");
		}
		List<Double> sorted = new ArrayList<>(millis);
		Collections.sort(sorted);
		int n = sorted.size();
		double median = (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
		return new Stats(sorted.get(0), median, sorted.get(n - 1), n);
	}

	/**
	 * The median of some numbers.
	 * @param values the numbers
	 * @return the median
	 */
	public static double median(List<Double> values) {
		return of(values).median();
	}

}
