/**
 * Translation of SQLAlchemy-style database URLs
 * ({@code dialect+driver://user:password@host:port/database}) into JDBC connection
 * settings.
 */
@NullMarked
package io.paig.db.url;

import org.jspecify.annotations.NullMarked;
