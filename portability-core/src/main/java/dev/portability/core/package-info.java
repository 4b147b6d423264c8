/**
 * The entry point: {@link dev.portability.core.Portability}, built once per application with its store, schema
 * version, migrations and limits, then used for statistics, export, validation, preview and import.
 */
package dev.portability.core;
