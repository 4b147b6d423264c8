package dev.portability.jdbc.contract;

import dev.portability.api.LogicalType.Kind;
import dev.portability.api.NativeValue;
import dev.portability.jdbc.TestDatabase;
import dev.portability.testkit.Capabilities;
import java.util.List;

/** The JDBC adapters keep the TableAdapter contract on H2. */
class H2ContractTest extends JdbcContract {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }

    @Override
    protected Capabilities capabilities() {
        // H2 counts VARCHAR(n) in UTF-16 code units and stores DOUBLE -0.0 as 0.0: the adapter refuses such values
        // (TableAdapter.refusals), which the contract checks
        return Capabilities.full()
                .withoutInfinity("H2 has no infinite dates or timestamps")
                .withoutNativeValues("H2 has no zero dates and no TIME beyond 24 hours")
                // DECFLOAT's NaN and infinities (the contract's DECIMAL(30,10) is a NUMERIC, which has none)
                .withNativeValues(Kind.DECIMAL, List.of(new NativeValue("h2", "NaN"), new NativeValue("h2",
                        "Infinity"), new NativeValue("h2", "-Infinity")))
                .withoutArrayDimensions("the H2 adapter reads and writes arrays of one dimension")
                .withoutArrayLowerBounds("H2 arrays start at 1");
    }
}
