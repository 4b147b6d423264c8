/** Internal implementation of the JDBC adapters: unsupported, may change in any release. */
package dev.portability.jdbc.internal;
