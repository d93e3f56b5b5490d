/**
 * Hibernate settings paig-db contributes: the dialect for MariaDB and SQLite, and
 * SQLite's timestamp type.
 */
@NullMarked
package io.paig.db.hibernate;

import org.jspecify.annotations.NullMarked;
