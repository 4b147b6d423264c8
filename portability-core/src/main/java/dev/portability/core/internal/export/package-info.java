/** Internal: the export verb: reading every table from one snapshot into an archive, and verifying it. Unsupported, may change in any release. */
package dev.portability.core.internal.export;
