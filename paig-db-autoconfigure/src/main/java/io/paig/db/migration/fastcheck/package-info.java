/**
 * The fast up-to-date check: a fingerprint of the changelog files, recorded when a full
 * check found the database at head, that lets the next start skip parsing.
 */
@NullMarked
package io.paig.db.migration.fastcheck;

import org.jspecify.annotations.NullMarked;
