/**
 * Internals of the testkit: value comparison and rendering, store reading, ZIP rewriting and the contract
 * tables. Unsupported and may change in any release; hosts use {@code dev.portability.testkit} only.
 */
package dev.portability.testkit.internal;
