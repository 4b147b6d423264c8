package dev.portability.testkit;

import java.util.Objects;

/**
 * A value at the edge of what a logical type holds, named for what makes it an edge: "empty string", "NaN",
 * "2024-03-31T02:30 (missing in Central Europe: DST gap)".
 *
 * @param description what the value is, for test names and messages
 * @param value the canonical Java value, or null for SQL NULL
 */
public record EdgeValue(String description, Object value) {

    /** Creates an edge value. */
    public EdgeValue {
        Objects.requireNonNull(description, "description");
    }

    @Override
    public String toString() {
        return description;
    }
}
