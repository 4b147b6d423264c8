/** Internal: the validate verb: checking an archive (container, manifest, schemas, every row) and the row checks an import shares with it. Unsupported, may change in any release. */
package dev.portability.core.internal.validation;
