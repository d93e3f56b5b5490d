/**
 * The reactive application the R2DBC tests start.
 */
package io.paig.db.r2dbc.app;
