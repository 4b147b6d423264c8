package dev.portability.jdbc.contract;

import dev.portability.api.LogicalType.Kind;
import dev.portability.jdbc.TestDatabase;
import dev.portability.testkit.Capabilities;

/** The JDBC adapters keep the TableAdapter contract on MariaDB. */
class MariaDbContractTest extends JdbcContract {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.MARIADB;
    }

    @Override
    protected Capabilities capabilities() {
        return Capabilities.full()
                .withoutKind(Kind.ARRAY, "MariaDB has no array type")
                .withoutKind(Kind.TIMESTAMP_TZ, "MariaDB has no timestamp with time zone")
                .withoutUnboundedDecimal("MariaDB DECIMAL needs a precision (65 digits at most)")
                .withoutNonFiniteDoubles("MariaDB DOUBLE cannot hold NaN or infinities")
                .withoutNegativeZero("MariaDB returns DOUBLE -0.0 as 0.0")
                .withFractionalSeconds(6, "MariaDB keeps microseconds")
                .withoutInfinity("MariaDB has no infinite dates or timestamps")
                .withoutNativeValues("the MariaDB adapter does not carry zero dates yet");
    }
}
