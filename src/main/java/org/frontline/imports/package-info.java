/**
 * Imports, all or nothing, as background jobs with progress: ACLED CSV exports (re-importing a newer export
 * corrects the events it already holds, keeping their history), GeoPackage feature tables and large GeoJSON
 * files. {@code POST /api/imports} answers a job id; {@code GET /api/imports/{id}} its rows read, accepted
 * and refused; {@code DELETE} cancels it. Nothing is stored unless every row is accepted.
 */
package org.frontline.imports;
