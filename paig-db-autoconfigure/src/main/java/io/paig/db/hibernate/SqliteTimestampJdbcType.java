package io.paig.db.hibernate;

import java.sql.CallableStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

import org.hibernate.type.descriptor.ValueExtractor;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.BasicExtractor;
import org.hibernate.type.descriptor.jdbc.TimestampJdbcType;
import org.jspecify.annotations.Nullable;

/**
 * Reads SQLite's text timestamps whatever wrote them: paig-db's
 * {@code 2026-11-26 05:41:35.660}, Python's {@code 2026-11-26 05:41:35.660504+00:00}
 * (what Alembic and SQLAlchemy leave in a PAIG database), an ISO {@code T}, or epoch
 * milliseconds. sqlite-jdbc parses text with one fixed pattern whose {@code SSS} takes
 * every digit as milliseconds, so {@code .660504} became eleven minutes. A time with an
 * offset is read as the UTC time it names, the way PAIG keeps times. Writing is left as
 * it is.
 *
 * @author paig-db authors
 */
final class SqliteTimestampJdbcType extends TimestampJdbcType {

	static final SqliteTimestampJdbcType INSTANCE = new SqliteTimestampJdbcType();

	private static final DateTimeFormatter TEXT = new DateTimeFormatterBuilder().parseCaseInsensitive()
		.append(DateTimeFormatter.ISO_LOCAL_DATE)
		.optionalStart()
		.appendLiteral('T')
		.optionalEnd()
		.optionalStart()
		.appendLiteral(' ')
		.optionalEnd()
		.appendPattern("HH:mm")
		.optionalStart()
		.appendPattern(":ss")
		.optionalEnd()
		.optionalStart()
		.appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
		.optionalEnd()
		.optionalStart()
		.appendOffset("+HH:MM", "Z")
		.optionalEnd()
		.optionalStart()
		.appendOffset("+HHMM", "Z")
		.optionalEnd()
		.toFormatter();

	@Override
	public <X> ValueExtractor<X> getExtractor(JavaType<X> javaType) {
		return new BasicExtractor<>(javaType, this) {

			@Override
			protected X doExtract(ResultSet rs, int paramIndex, WrapperOptions options) throws SQLException {
				return javaType.wrap(parse(rs.getString(paramIndex)), options);
			}

			@Override
			protected X doExtract(CallableStatement statement, int index, WrapperOptions options) throws SQLException {
				return javaType.wrap(parse(statement.getString(index)), options);
			}

			@Override
			protected X doExtract(CallableStatement statement, String name, WrapperOptions options)
					throws SQLException {
				return javaType.wrap(parse(statement.getString(name)), options);
			}

		};
	}

	/**
	 * The timestamp a SQLite value stands for.
	 * @param text the column's text, or {@code null}
	 * @return the timestamp: the wall-clock time as written; where the text has an
	 * offset, that time in UTC
	 * @throws SQLException when the text is no timestamp
	 */
	static @Nullable Timestamp parse(@Nullable String text) throws SQLException {
		if (text == null) {
			return null;
		}
		String value = text.strip();
		if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
			return new Timestamp(Long.parseLong(value));
		}
		try {
			TemporalAccessor parsed = TEXT.parse(value);
			LocalDateTime local = LocalDateTime.of(LocalDate.from(parsed), LocalTime.of(
					parsed.get(ChronoField.HOUR_OF_DAY), parsed.get(ChronoField.MINUTE_OF_HOUR),
					parsed.isSupported(ChronoField.SECOND_OF_MINUTE) ? parsed.get(ChronoField.SECOND_OF_MINUTE) : 0,
					parsed.isSupported(ChronoField.NANO_OF_SECOND) ? parsed.get(ChronoField.NANO_OF_SECOND) : 0));
			if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
				// PAIG keeps UTC times without a zone (on PostgreSQL, Alembic's aware
				// times were stored so too)
				local = OffsetDateTime.of(local, ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)))
					.withOffsetSameInstant(ZoneOffset.UTC)
					.toLocalDateTime();
			}
			return Timestamp.valueOf(local);
		}
		catch (DateTimeParseException ex) {
			throw new SQLException("'" + text + "' in a timestamp column of SQLite is no timestamp that paig-db can "
					+ "read (yyyy-MM-dd HH:mm:ss[.fraction][+HH:MM])", ex);
		}
	}

}
