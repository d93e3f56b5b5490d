package io.paig.db.hibernate;

import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MariaDbDialectResolver}.
 *
 * @author paig-db authors
 */
class MariaDbDialectResolverTests {

	private final MariaDbDialectResolver resolver = new MariaDbDialectResolver();

	@Test
	void mariaDbBehindConnectorJGetsTheMariaDbDialectWithItsRealVersion() {
		Dialect dialect = this.resolver.resolveDialect(info("MySQL", "5.5.5-10.11.19-MariaDB-0+deb12u1"));
		assertThat(dialect).isInstanceOf(MariaDBDialect.class);
		assertThat(dialect.getVersion().getDatabaseMajorVersion()).isEqualTo(10);
		assertThat(dialect.getVersion().getDatabaseMinorVersion()).isEqualTo(11);
		assertThat(dialect.getVersion().getDatabaseMicroVersion()).isEqualTo(19);
	}

	@Test
	void mariaDbElevenWithoutTheCompatibilityPrefixIsRecognizedToo() {
		Dialect dialect = this.resolver.resolveDialect(info("MySQL", "11.4.2-MariaDB"));
		assertThat(dialect).isInstanceOf(MariaDBDialect.class);
		assertThat(dialect.getVersion().getDatabaseMajorVersion()).isEqualTo(11);
	}

	@Test
	void mySqlAndOtherDatabasesAreLeftToHibernate() {
		assertThat(this.resolver.resolveDialect(info("MySQL", "8.0.36"))).isNull();
		assertThat(this.resolver.resolveDialect(info("PostgreSQL", "15.18"))).isNull();
		assertThat(this.resolver.resolveDialect(info("SQLite", "3.53.0"))).isNull();
		assertThat(this.resolver.resolveDialect(info("MySQL", null))).isNull();
	}

	private static DialectResolutionInfo info(String name, String version) {
		return new DialectResolutionInfo() {

			@Override
			public String getDatabaseName() {
				return name;
			}

			@Override
			public String getDatabaseVersion() {
				return version;
			}

			@Override
			public int getDatabaseMajorVersion() {
				return 5;
			}

			@Override
			public int getDatabaseMinorVersion() {
				return 5;
			}

			@Override
			public String getDriverName() {
				return "MySQL Connector/J";
			}

			@Override
			public int getDriverMajorVersion() {
				return 9;
			}

			@Override
			public int getDriverMinorVersion() {
				return 7;
			}

			@Override
			public String getSQLKeywords() {
				return "";
			}

		};
	}

}
