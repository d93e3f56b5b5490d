/**
 * The sample's revisions checked against PAIG's own Alembic revisions: the schema and
 * seed rows they build on SQLite, PostgreSQL and MariaDB compared with the reference data
 * generated from PAIG (the {@code shared/paig-reference} folder beside the project).
 *
 * @author paig-db authors
 */
@NullMarked
package io.paig.sample.reference;

import org.jspecify.annotations.NullMarked;
