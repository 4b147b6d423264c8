/**
 * The service provider interface: what a host implements to let Portability export and import a store that is
 * not reached through JDBC. A {@link dev.portability.api.spi.DataStore} lists one
 * {@link dev.portability.api.spi.TableAdapter} per table and opens {@link dev.portability.api.spi.UnitOfWork}s.
 */
package dev.portability.api.spi;
