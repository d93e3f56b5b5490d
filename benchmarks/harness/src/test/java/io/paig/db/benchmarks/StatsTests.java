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
		assertThat(Stats.of(List.of(5.0, 1.0, 3.0))).isEqualTo(new Stats(1.0, 3.0, 5.0, 3));
	}

	@Test
	void evenCountAveragesTheMiddleTwo() {
		assertThat(Stats.of(List.of(4.0, 1.0, 2.0, 10.0)).median()).isEqualTo(3.0);
	}

	@Test
	void noMeasurementsIsAnError() {
		assertThatIllegalArgumentException().isThrownBy(() -> Stats.of(List.of()));
	}

}
