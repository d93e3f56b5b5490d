package io.paig.db.actuate.endpoint;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.paig.db.migration.MigrationSettings;
import io.paig.db.migration.runner.MigrationRunner;
import liquibase.changelog.RanChangeSet;
import liquibase.changelog.StandardChangeLogHistoryService;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.context.ApplicationContext;
import org.springframework.util.StringUtils;

/**
 * {@link Endpoint @Endpoint} {@code liquibase}, in the shape of Spring Boot's own
 * {@code LiquibaseEndpoint}: the changesets of Liquibase's history table, by application
 * context and bean. paig-db switches Spring Boot's Liquibase support off, and with it
 * that endpoint; tools that read {@code /actuator/liquibase}, such as Spring Boot Admin's
 * "Database Migrations" view, get the same document from this one. Each
 * {@link MigrationRunner} bean stands where Spring Boot lists a {@code SpringLiquibase}
 * bean, under its bean name, and its changesets are read from its history table (schema
 * and table name from its {@link MigrationSettings}) the way Spring Boot reads them.
 *
 * @author paig-db authors
 * @see MigrationsEndpoint
 */
@Endpoint(id = "liquibase")
public class LiquibaseHistoryEndpoint {

	private final ApplicationContext context;

	/**
	 * Create an endpoint.
	 * @param context the application context whose runners, and whose ancestors' runners,
	 * are listed
	 */
	public LiquibaseHistoryEndpoint(ApplicationContext context) {
		this.context = context;
	}

	/**
	 * The changesets each runner's database has run, by context and runner bean name.
	 * @return the document
	 */
	@ReadOperation
	public LiquibaseBeansDescriptor liquibaseBeans() {
		// as Spring Boot does: this context and each ancestor, with its own beans only
		Map<@Nullable String, ContextLiquibaseBeansDescriptor> contexts = new LinkedHashMap<>();
		ApplicationContext target = this.context;
		while (target != null) {
			Map<String, LiquibaseBeanDescriptor> beans = new LinkedHashMap<>();
			target.getBeansOfType(MigrationRunner.class)
				.forEach((name, runner) -> beans.put(name, new LiquibaseBeanDescriptor(changeSets(name, runner))));
			ApplicationContext parent = target.getParent();
			contexts.put(target.getId(),
					new ContextLiquibaseBeansDescriptor(beans, (parent != null) ? parent.getId() : null));
			target = parent;
		}
		return new LiquibaseBeansDescriptor(contexts);
	}

	private List<ChangeSetDescriptor> changeSets(String name, MigrationRunner runner) {
		MigrationSettings settings = runner.getSettings();
		try {
			JdbcConnection connection = new JdbcConnection(runner.getDataSource().getConnection());
			Database database = null;
			try {
				database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(connection);
				// the same history table, in the same schema, as the runner's
				if (StringUtils.hasText(settings.defaultSchema())) {
					database.setDefaultSchemaName(settings.defaultSchema());
				}
				if (StringUtils.hasText(settings.liquibaseSchema())) {
					database.setLiquibaseSchemaName(settings.liquibaseSchema());
				}
				database.setDatabaseChangeLogTableName(settings.changelogTable());
				database.setDatabaseChangeLogLockTableName(settings.changelogLockTable());
				StandardChangeLogHistoryService history = new StandardChangeLogHistoryService();
				history.setDatabase(database);
				// an empty list while the table does not exist: nothing is created
				return history.getRanChangeSets().stream().map(ChangeSetDescriptor::of).toList();
			}
			finally {
				// closing the database closes the connection and drops Liquibase's
				// executor for it
				if (database != null) {
					database.close();
				}
				else {
					connection.close();
				}
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not read the changesets of migration runner '" + name
					+ "' from its history table " + settings.changelogTable() + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The runners of an application, by context: Spring Boot's
	 * {@code LiquibaseBeansDescriptor}.
	 *
	 * @param contexts each context's runners, by context id
	 */
	public record LiquibaseBeansDescriptor(
			Map<@Nullable String, ContextLiquibaseBeansDescriptor> contexts) implements OperationResponseBody {
	}

	/**
	 * The runners of one application context: Spring Boot's
	 * {@code ContextLiquibaseBeansDescriptor}.
	 *
	 * @param liquibaseBeans the changesets of each runner, by bean name
	 * @param parentId the id of the parent context, or {@code null}
	 */
	public record ContextLiquibaseBeansDescriptor(Map<String, LiquibaseBeanDescriptor> liquibaseBeans,
			@Nullable String parentId) {
	}

	/**
	 * The changesets of one runner's history table: Spring Boot's
	 * {@code LiquibaseBeanDescriptor}.
	 *
	 * @param changeSets the rows, in the order Liquibase reads them
	 */
	public record LiquibaseBeanDescriptor(List<ChangeSetDescriptor> changeSets) {
	}

	/**
	 * A row of the history table: Spring Boot's {@code ChangeSetDescriptor}, field for
	 * field.
	 *
	 * @param author the changeset's author
	 * @param changeLog the changelog file as recorded ({@code FILENAME})
	 * @param comments its comments
	 * @param contexts the contexts of its context expression
	 * @param dateExecuted when it ran
	 * @param deploymentId the id of the run that applied it
	 * @param description Liquibase's description of its changes
	 * @param execType how it ran: the name of Liquibase's {@code ExecType}
	 * ({@code EXECUTED}, {@code MARK_RAN}, ...)
	 * @param id the changeset's id
	 * @param labels its labels
	 * @param checksum the checksum recorded, or {@code null}
	 * @param orderExecuted its place in the order of execution
	 * @param tag the tag on its row; paig-db tags each revision's last changeset with the
	 * revision id
	 */
	public record ChangeSetDescriptor(String author, String changeLog, @Nullable String comments, Set<String> contexts,
			@Nullable Instant dateExecuted, @Nullable String deploymentId, @Nullable String description,
			@Nullable String execType, String id, Set<String> labels, @Nullable String checksum,
			@Nullable Integer orderExecuted, @Nullable String tag) {

		static ChangeSetDescriptor of(RanChangeSet row) {
			return new ChangeSetDescriptor(row.getAuthor(), row.getChangeLog(), row.getComments(),
					(row.getContextExpression() != null) ? row.getContextExpression().getContexts() : Set.of(),
					(row.getDateExecuted() != null) ? Instant.ofEpochMilli(row.getDateExecuted().getTime()) : null,
					row.getDeploymentId(), row.getDescription(),
					(row.getExecType() != null) ? row.getExecType().name() : null, row.getId(),
					(row.getLabels() != null) ? row.getLabels().getLabels() : Set.of(),
					(row.getLastCheckSum() != null) ? row.getLastCheckSum().toString() : null, row.getOrderExecuted(),
					row.getTag());
		}

	}

}
