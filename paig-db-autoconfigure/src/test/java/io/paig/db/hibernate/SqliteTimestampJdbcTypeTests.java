package io.paig.db.hibernate;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SqliteTimestampJdbcType}.
 *
 * @author paig-db authors
 */
class SqliteTimestampJdbcTypeTests {

	@Test
	void readsWhatPaigDbWrites() throws SQLException {
		assertThat(SqliteTimestampJdbcType.parse("2026-11-26 05:41:35.660"))
			.isEqualTo(Timestamp.valueOf(LocalDateTime.of(2026, 11, 26, 5, 41, 35, 660_000_000)));
	}

	@Test
	void readsPythonsMicrosecondsAndOffsetAsTheUtcTimeTheyName() throws SQLException {
		assertThat(SqliteTimestampJdbcType.parse("2026-11-26 05:41:35.660504+00:00"))
			.isEqualTo(Timestamp.valueOf(LocalDateTime.of(2026, 11, 26, 5, 41, 35, 660_504_000)));
		assertThat(SqliteTimestampJdbcType.parse("2026-11-26T07:41:35+02:00"))
			.isEqualTo(Timestamp.valueOf(LocalDateTime.of(2026, 11, 26, 5, 41, 35)));
	}

	@Test
	void readsWholeSecondsMinutesIsoAndEpochMilliseconds() throws SQLException {
		assertThat(SqliteTimestampJdbcType.parse("2026-11-26 05:41:35"))
			.isEqualTo(Timestamp.valueOf(LocalDateTime.of(2026, 11, 26, 5, 41, 35)));
		assertThat(SqliteTimestampJdbcType.parse("2026-11-26T05:41"))
			.isEqualTo(Timestamp.valueOf(LocalDateTime.of(2026, 11, 26, 5, 41)));
		assertThat(SqliteTimestampJdbcType.parse("1764135695660")).isEqualTo(new Timestamp(1764135695660L));
		assertThat(SqliteTimestampJdbcType.parse(null)).isNull();
	}

	@Test
	void textThatIsNoTimestampIsNamed() {
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> SqliteTimestampJdbcType.parse("yesterday"))
			.withMessageContaining("'yesterday'");
	}

}
