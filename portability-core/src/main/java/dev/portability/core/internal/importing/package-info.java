/** Internal: the preview and import verbs: planning against the target, refusals, writing in one unit of work, generators. Unsupported, may change in any release. */
package dev.portability.core.internal.importing;
