package io.paig.db.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Minimum, median and maximum of repeated measurements, in milliseconds, and the
 * measurements themselves where they are known.
 *
 * @param min the fastest
 * @param median the median (the mean of the middle two for an even count)
 * @param max the slowest
 * @param count how many measurements
 * @param runs the measurements in the order they were made (one per round where commands
 * were timed in rounds); empty where only the summary is known (hyperfine's)
 * @author paig-db authors
 */
public record Stats(double min, double median, double max, int count, List<Double> runs) {

	public Stats {
		runs = List.copyOf(runs);
	}

	/**
	 * Statistics whose measurements are not known one by one.
	 * @param min the fastest
	 * @param median the median
	 * @param max the slowest
	 * @param count how many measurements
	 */
	public Stats(double min, double median, double max, int count) {
		this(min, median, max, count, List.of());
	}

	/**
	 * The statistics of some measurements.
	 * @param millis the measurements, in milliseconds, in the order they were made
	 * @return the statistics
	 */
	public static Stats of(List<Double> millis) {
		if (millis.isEmpty()) {
			throw new IllegalArgumentException("No measurements");
		}
		List<Double> sorted = new ArrayList<>(millis);
		Collections.sort(sorted);
		int n = sorted.size();
		return new Stats(sorted.get(0), quantile(sorted, 0.5), sorted.get(n - 1), n, millis);
	}

	/**
	 * The median of some numbers.
	 * @param values the numbers
	 * @return the median
	 */
	public static double median(List<Double> values) {
		return of(values).median();
	}

	/**
	 * Each round's ratio of two commands timed in the same rounds: a round's measurement
	 * of one over the same round's measurement of the other. A machine whose speed drifts
	 * from minute to minute slows both starts of a round alike, so these ratios move less
	 * than the measurements do.
	 * @param measured the statistics of the command compared
	 * @param reference the statistics of the command it is compared with
	 * @return the ratios, one per round; empty unless both were timed one by one in the
	 * same number of rounds
	 */
	public static List<Double> roundRatios(Stats measured, Stats reference) {
		if (measured.runs().isEmpty() || measured.runs().size() != reference.runs().size()) {
			return List.of();
		}
		List<Double> ratios = new ArrayList<>();
		for (int i = 0; i < measured.runs().size(); i++) {
			ratios.add(measured.runs().get(i) / reference.runs().get(i));
		}
		return ratios;
	}

	/**
	 * A quantile of some numbers, interpolated between the two nearest.
	 * @param values the numbers
	 * @param fraction which quantile: 0.25 for the lower quartile, 0.5 for the median
	 * @return the quantile
	 */
	public static double quantile(List<Double> values, double fraction) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		double position = fraction * (sorted.size() - 1);
		int below = (int) Math.floor(position);
		int above = (int) Math.ceil(position);
		return sorted.get(below) + (sorted.get(above) - sorted.get(below)) * (position - below);
	}

}
