package dev.portability.jdbc.contract;

import dev.portability.jdbc.TestDatabase;
import dev.portability.testkit.Capabilities;
import java.util.Map;

/** The JDBC adapters keep the TableAdapter contract on H2. */
class H2ContractTest extends JdbcContract {

    private static final String VARCHAR_COUNTS_UTF16 = "KNOWN ADAPTER BUG (issue 6 report): H2 counts VARCHAR(n) "
            + "in UTF-16 units, so 20 characters with an emoji do not fit the column the adapter describes as "
            + "TEXT(20)";

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }

    @Override
    protected Capabilities capabilities() {
        return Capabilities.full().withoutNegativeZero("H2 stores DOUBLE -0.0 as 0.0")
                .withoutInfinity("H2 has no infinite dates or timestamps")
                .withoutNativeValues("H2 has no zero dates and no TIME beyond 24 hours")
                .withoutArrayDimensions("the H2 adapter reads and writes arrays of one dimension")
                .withoutArrayLowerBounds("H2 arrays start at 1");
    }

    @Override
    protected Map<String, String> knownFailures() {
        return Map.of(
                "fidelity TEXT(20): the longest allowed: 20 characters, the last an emoji", VARCHAR_COUNTS_UTF16,
                "fidelity: random rows with every column set", VARCHAR_COUNTS_UTF16);
    }
}
