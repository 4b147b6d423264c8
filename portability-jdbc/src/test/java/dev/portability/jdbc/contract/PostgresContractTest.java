package dev.portability.jdbc.contract;

import dev.portability.jdbc.TestDatabase;
import dev.portability.api.LogicalType;
import dev.portability.api.LogicalType.Kind;
import dev.portability.api.NativeValue;
import dev.portability.testkit.Capabilities;
import java.util.List;

/** The JDBC adapters keep the TableAdapter contract on PostgreSQL. */
class PostgresContractTest extends JdbcContract {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }

    @Override
    protected Capabilities capabilities() {
        return Capabilities.full()
                .withFractionalSeconds(6, "PostgreSQL keeps microseconds")
                .withOffsetsNormalized("PostgreSQL timestamptz stores the instant, not the offset")
                // text without U+0000: the adapter refuses it (TableAdapter.refusals)
                .withoutNativeValues("PostgreSQL has no zero dates and no TIME beyond 24 hours")
                // numeric's NaN and infinities (numeric(30,10) gets NaN only: it holds no infinity)
                .withNativeValues(Kind.DECIMAL, List.of(new NativeValue("postgresql", "NaN"),
                        new NativeValue("postgresql", "Infinity"), new NativeValue("postgresql", "-Infinity")))
                .withNativeType(LogicalType.nativeType("postgresql", "interval"),
                        List.of("1 year 2 mons -3 days +04:05:06.789", "00:00:00", "-178000000 years"))
                .withNativeType(LogicalType.nativeType("postgresql", "inet"),
                        List.of("192.168.0.1/24", "::1", "2001:db8::ff00:42:8329/64"))
                .withNativeType(LogicalType.nativeType("postgresql", "tstzrange"),
                        List.of("[\"2024-01-01 00:00:00+00\",infinity)", "empty"));
    }
}
