package io.paig.db.migration;

import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

/**
 * A Liquibase custom change that records whether usage analytics were enabled while it ran.
 *
 * @author paig-db
 */
public class AnalyticsProbe implements CustomTaskChange {

	static volatile Boolean enabled;

	@Override
	public void execute(Database database) {
		enabled = AnalyticsArgs.ENABLED.getCurrentValue();
	}

	@Override
	public String getConfirmationMessage() {
		return "analytics probed";
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
