/**
 * The revision model and the migration runner: revisions on Liquibase changelogs, applied
 * under a lock that the database releases when its holder dies.
 */
@NullMarked
package io.paig.db.migration;

import org.jspecify.annotations.NullMarked;
