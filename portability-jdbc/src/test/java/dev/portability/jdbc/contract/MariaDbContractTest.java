package dev.portability.jdbc.contract;

import dev.portability.api.LogicalType.Kind;
import dev.portability.api.NativeValue;
import dev.portability.jdbc.TestDatabase;
import dev.portability.testkit.Capabilities;
import java.util.List;

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
                // DOUBLE without NaN, infinities and -0.0: the adapter refuses them (TableAdapter.refusals)
                .withFractionalSeconds(6, "MariaDB keeps microseconds")
                .withoutInfinity("MariaDB has no infinite dates or timestamps")
                .withoutNativeValues("MariaDB DECIMAL has no NaN or infinities")
                // zero dates, TIME beyond a day, as MariaDB writes them for the contract's TIME(6) and DATETIME(6)
                .withNativeValues(Kind.DATE, List.of(mariadb("0000-00-00"), mariadb("2024-00-15")))
                .withNativeValues(Kind.TIME, List.of(mariadb("838:59:59.000000"), mariadb("-00:00:01.500000")))
                .withNativeValues(Kind.TIMESTAMP, List.of(mariadb("0000-00-00 00:00:00.000000"),
                        mariadb("2020-05-00 10:00:00.500000")));
    }

    private static NativeValue mariadb(String text) {
        return new NativeValue("mariadb", text);
    }
}
