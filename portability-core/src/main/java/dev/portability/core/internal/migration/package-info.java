/**
 * Internal: the migration registry and the planner that chains a host's steps into an upgrade of an archive.
 * Unsupported, may change in any release.
 */
package dev.portability.core.internal.migration;
