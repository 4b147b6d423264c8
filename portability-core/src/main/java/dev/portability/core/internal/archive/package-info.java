/** Internal: unsupported, may change in any release. */
package dev.portability.core.internal.archive;
