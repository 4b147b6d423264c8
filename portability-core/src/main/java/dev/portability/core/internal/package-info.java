/**
 * Internal implementation of Portability. Unsupported: these types may change or disappear in any release;
 * use only the public API of {@code dev.portability.core} and {@code dev.portability.api}.
 */
package dev.portability.core.internal;
