/**
 * The embedded database: SQLite connections with the settings crash safety rests on (WAL, synchronous=FULL,
 * IMMEDIATE write transactions, java.time values as fixed-width UTC text) and the online backup endpoint
 * ({@code POST /api/admin/backup}). Nothing here is used by other modules: the pool picks it up by URL
 * ({@code jdbc:sqlite:…}); all of it is in {@code internal}.
 */
package org.frontline.database;
