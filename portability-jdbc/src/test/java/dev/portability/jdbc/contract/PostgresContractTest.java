package dev.portability.jdbc.contract;

import dev.portability.jdbc.TestDatabase;
import dev.portability.testkit.Capabilities;

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
                .withoutNulCharacters("PostgreSQL text cannot hold U+0000")
                .withoutInfinity("the PostgreSQL adapter does not carry infinity yet")
                .withoutNativeValues("PostgreSQL has no zero dates and no TIME beyond 24 hours")
                .withoutArrayDimensions("the PostgreSQL adapter reads and writes arrays of one dimension")
                .withoutArrayLowerBounds("the PostgreSQL adapter writes arrays starting at 1");
    }
}
