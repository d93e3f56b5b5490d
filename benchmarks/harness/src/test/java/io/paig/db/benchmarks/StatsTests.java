package io.paig.db.benchmarks;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Stats}.
 *
 * @author paig-db authors
 */
class StatsTests {

	@Test
	void oddCountTakesTheMiddleValue() {
		assertThat(Stats.of(List.of(5.0, 1.0, 3.0))).isEqualTo(new Stats(1.0, 3.0, 5.0, 3, List.of(5.0, 1.0, 3.0)));
	}

	@Test
	void evenCountAveragesTheMiddleTwo() {
		assertThat(Stats.of(List.of(4.0, 1.0, 2.0, 10.0)).median()).isEqualTo(3.0);
	}

	@Test
	void roundRatiosPairEachRoundsMeasurements() {
		Stats measured = Stats.of(List.of(110.0, 220.0, 330.0));
		Stats reference = Stats.of(List.of(100.0, 200.0, 300.0));
		assertThat(Stats.roundRatios(measured, reference)).containsExactly(1.1, 1.1, 1.1);
		// one odd round moves the ratio of the medians (300 / 150 = 2.0), not the
		// median of the rounds' ratios
		Stats oddRound = Stats.of(List.of(100.0, 300.0, 330.0));
		Stats itsReference = Stats.of(List.of(100.0, 300.0, 150.0));
		assertThat(oddRound.median() / itsReference.median()).isEqualTo(2.0);
		assertThat(Stats.median(Stats.roundRatios(oddRound, itsReference))).isEqualTo(1.0);
	}

	@Test
	void roundRatiosNeedTheMeasurementsOfTheSameRounds() {
		assertThat(Stats.roundRatios(new Stats(1.0, 2.0, 3.0, 3), Stats.of(List.of(1.0, 2.0, 3.0)))).isEmpty();
		assertThat(Stats.roundRatios(Stats.of(List.of(1.0, 2.0)), Stats.of(List.of(1.0, 2.0, 3.0)))).isEmpty();
	}

	@Test
	void quantileInterpolatesBetweenTheNearestTwo() {
		List<Double> values = List.of(4.0, 1.0, 3.0, 2.0, 5.0);
		assertThat(Stats.quantile(values, 0.25)).isEqualTo(2.0);
		assertThat(Stats.quantile(values, 0.5)).isEqualTo(3.0);
		assertThat(Stats.quantile(List.of(1.0, 2.0), 0.25)).isEqualTo(1.25);
	}

	@Test
	void noMeasurementsIsAnError() {
		assertThatIllegalArgumentException().isThrownBy(() -> Stats.of(List.of()));
	}

}
