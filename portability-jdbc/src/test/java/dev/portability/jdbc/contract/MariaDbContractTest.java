package dev.portability.jdbc.contract;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portability.api.ConfigurationException;
import dev.portability.api.LogicalType.Kind;
import dev.portability.jdbc.JdbcAdapters;
import dev.portability.jdbc.TestDatabase;
import dev.portability.testkit.Capabilities;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JDBC adapters keep the TableAdapter contract on MariaDB. */
class MariaDbContractTest extends JdbcContract {

    private static final String BOOLEAN_NOT_DISCOVERED = "KNOWN ADAPTER BUG (issue 6 report): discovery refuses "
            + "MariaDB BOOLEAN (tinyint(1)) columns as a type an archive cannot carry";

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.MARIADB;
    }

    @Override
    protected Capabilities capabilities() {
        return Capabilities.full()
                .withoutKind(Kind.BOOLEAN, BOOLEAN_NOT_DISCOVERED)
                .withoutKind(Kind.ARRAY, "MariaDB has no array type")
                .withoutKind(Kind.TIMESTAMP_TZ, "MariaDB has no timestamp with time zone")
                .withoutUnboundedDecimal("MariaDB DECIMAL needs a precision (65 digits at most)")
                .withoutNonFiniteDoubles("MariaDB DOUBLE cannot hold NaN or infinities")
                .withoutNegativeZero("MariaDB returns DOUBLE -0.0 as 0.0")
                .withFractionalSeconds(6, "MariaDB keeps microseconds");
    }

    @Override
    protected Map<String, String> knownFailures() {
        String dstShift = "KNOWN ADAPTER BUG (issue 6 report): a TIMESTAMP inside the default zone's DST gap "
                + "(2024-03-31T02:30 in Europe/Berlin) comes back an hour later (03:30)";
        return Map.of(
                DESCRIBE, "KNOWN ADAPTER BUG (issue 6 report): discovery describes MariaDB JSON columns "
                        + "(LONGTEXT with a JSON check) as TEXT",
                "fidelity TIMESTAMP: 2024-03-31T02:30, missing in Central Europe (DST gap)", dstShift,
                "fidelity: random rows with every column set", dstShift);
    }

    /** Fails once discovery carries BOOLEAN: then drop the BOOLEAN line of {@link #capabilities()} and this test. */
    @Test
    void knownBugBooleanColumnsAreNotDiscoveredYet() {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.MARIADB)) {
            database.execute("CREATE TABLE flags (id BIGINT PRIMARY KEY, flag BOOLEAN)");

            assertThatThrownBy(() -> JdbcAdapters.discover(database.dataSource()))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("column flag: type 'BOOLEAN'");
        }
    }
}
