package io.paig.sample;

import java.util.Set;

import io.paig.db.test.MigrationChecks;
import io.paig.db.test.MigrationTest;
import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration checks over the sample's whole history on PostgreSQL.
 * <p>
 * The kit's {@code models-match-schema} check is replaced by one that expects exactly three differences,
 * all false: PAIG's unique indexes ({@code ix_group_name}, {@code ix_user_username}, {@code idx_group_user},
 * SQLAlchemy's {@code Index(unique=True)}) are mapped as unique {@code @Index}es, which Hibernate's
 * PostgreSQL dialect always writes as unique <em>constraints</em> (backed by an index of the same name and
 * columns); Liquibase's PostgreSQL snapshot tells the two apart, so the comparison asks to add the
 * constraints. No mapping makes Hibernate write a unique index there. When the comparison learns that a
 * unique index satisfies a unique constraint on the same columns, this test fails: then drop it and the
 * skip.
 *
 * @author paig-db
 */
@MigrationTest
class SampleMigrationChecksPostgresqlTests extends MigrationChecks {

	@RegisterExtension
	static final TestDatabase database = TestDatabase.postgresql();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("database.url", database::url);
	}

	@Autowired
	private ApplicationContext context;

	@Override
	protected Set<String> skippedChecks() {
		// replaced by entitiesMatchTheSchemaAtHeadButForUniqueIndexesHibernateWritesAsConstraints()
		return Set.of("models-match-schema");
	}

	@Test
	@Order(6)
	void entitiesMatchTheSchemaAtHeadButForUniqueIndexesHibernateWritesAsConstraints() {
		assertThat(EntitySchemaDifferences.atHead(this.context)).containsExactlyInAnyOrder(
				"addUniqueConstraint constraintName=ix_group_name, tableName=group",
				"addUniqueConstraint constraintName=ix_user_username, tableName=user",
				"addUniqueConstraint constraintName=idx_group_user, tableName=group_member");
	}

}
