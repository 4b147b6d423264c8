/**
 * Migrations: how archives written by older versions of a host application become data of its current version.
 *
 * <p>A host declares its current data schema version ({@code Portability.builder().schemaVersion(n)}) and
 * registers one {@link dev.portability.api.migration.Migration} per change of its schema, written with the
 * fluent {@link dev.portability.api.migration.Migration#from(int)} vocabulary or by implementing the interface.
 * When an archive of an older version is validated, previewed or imported, Portability chains the steps from the
 * archive's version to the current one and runs every row through them while the archive streams.
 */
package dev.portability.api.migration;
