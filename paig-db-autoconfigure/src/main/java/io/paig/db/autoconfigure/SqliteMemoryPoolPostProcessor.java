package io.paig.db.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;
import io.paig.db.jdbc.DatabaseUrlConnectionDetails;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Gives an in-memory SQLite database a pool of one connection: its shared cache locks
 * whole tables and does not wait for them, so a second connection would fail where one
 * waits its turn.
 *
 * @author paig-db authors
 */
class SqliteMemoryPoolPostProcessor implements BeanPostProcessor {

	private static final Log logger = LogFactory.getLog(SqliteMemoryPoolPostProcessor.class);

	private final ObjectProvider<DatabaseUrlConnectionDetails> connectionDetails;

	SqliteMemoryPoolPostProcessor(ObjectProvider<DatabaseUrlConnectionDetails> connectionDetails) {
		this.connectionDetails = connectionDetails;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource dataSource) {
			DatabaseUrlConnectionDetails details = this.connectionDetails.getIfUnique();
			if (details != null && details.getSettings().sqliteInMemory()
					&& details.getJdbcUrl().equals(dataSource.getJdbcUrl())) {
				if (dataSource.getMaximumPoolSize() != 1) {
					logger.debug("In-memory SQLite: the pool keeps one connection");
				}
				dataSource.setMaximumPoolSize(1);
				dataSource.setMinimumIdle(1);
			}
		}
		return bean;
	}

}
