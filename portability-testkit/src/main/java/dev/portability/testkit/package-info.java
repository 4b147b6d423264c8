/**
 * What a host application puts in its test scope: {@link dev.portability.testkit.RoundTripAssertions} and the
 * JUnit 5 {@link dev.portability.testkit.PortabilityExtension} prove data survives an export and an import;
 * {@link dev.portability.testkit.TableAdapterContract} checks a host-written store and its adapters, with
 * {@link dev.portability.testkit.InMemoryStore} as the reference example; {@link dev.portability.testkit.ArchiveBuilder}
 * and {@link dev.portability.testkit.BrokenArchive} make valid and damaged archives for migration and
 * error-handling tests; {@link dev.portability.testkit.DataGenerator} makes edge values and random rows from a
 * seed. See {@code docs/testing.md}.
 */
package dev.portability.testkit;
