/**
 * Alembic's command set, run through the application itself:
 * {@code java -jar app.jar db upgrade head}.
 */
@NullMarked
package io.paig.db.command;

import org.jspecify.annotations.NullMarked;
