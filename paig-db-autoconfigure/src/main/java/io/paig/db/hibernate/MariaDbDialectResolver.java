package io.paig.db.hibernate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;

/**
 * Gives a MariaDB server reached through MySQL Connector/J (how paig-db connects for
 * {@code mysql+...} and {@code mariadb+...} URLs) Hibernate's MariaDB dialect.
 * Connector/J names every server "MySQL" and reports MariaDB 10's version as
 * {@code 5.5.5-10.11.19-MariaDB}, so Hibernate would pick its MySQL dialect for version
 * 5.5.5, which writes JSON with {@code CAST(? AS JSON)}, a syntax MariaDB does not have.
 * Set as {@code hibernate.dialect_resolvers}; for every other database it answers nothing
 * and Hibernate's own resolution applies.
 *
 * @author paig-db authors
 */
public class MariaDbDialectResolver implements DialectResolver {

	private static final Pattern MARIADB_VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)-MariaDB");

	@Override
	public Dialect resolveDialect(DialectResolutionInfo info) {
		String version = info.getDatabaseVersion();
		if (!"MySQL".equals(info.getDatabaseName()) || version == null) {
			return null;
		}
		Matcher matcher = MARIADB_VERSION.matcher(version);
		if (!matcher.find()) {
			return null;
		}
		return new MariaDBDialect(DatabaseVersion.make(Integer.parseInt(matcher.group(1)),
				Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3))));
	}

}
