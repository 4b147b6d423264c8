/**
 * The public types of Portability: logical types, table schemas and rows, options, results, progress events,
 * cancellation and the exception hierarchy rooted at {@link dev.portability.api.PortabilityException}.
 * The engine itself is {@code dev.portability.core.Portability} in {@code portability-core}.
 */
package dev.portability.api;
