package io.paig.db.migration.runner;

import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.change.custom.CustomTaskChange;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

/**
 * A Liquibase custom change that records, while it runs, whether usage analytics are
 * enabled and which history service Liquibase uses for the database.
 *
 * @author paig-db authors
 */
public class RunProbe implements CustomTaskChange {

	static volatile Boolean analyticsEnabled;

	static volatile Class<?> historyService;

	@Override
	public void execute(Database database) {
		analyticsEnabled = AnalyticsArgs.ENABLED.getCurrentValue();
		historyService = ChangeLogHistoryServiceFactory.getInstance().getChangeLogService(database).getClass();
	}

	@Override
	public String getConfirmationMessage() {
		return "run probed";
	}

	@Override
	public void setUp() {
	}

	@Override
	public void setFileOpener(ResourceAccessor resourceAccessor) {
	}

	@Override
	public ValidationErrors validate(Database database) {
		return new ValidationErrors();
	}

}
