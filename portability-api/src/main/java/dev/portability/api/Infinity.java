package dev.portability.api;

/**
 * A date or timestamp later (or earlier) than every other: PostgreSQL's {@code infinity} and {@code -infinity}
 * for {@code date}, {@code timestamp} and {@code timestamptz} (PostgreSQL documentation, "Date/Time Types",
 * special values).
 *
 * <p>A value of a {@link LogicalType.Kind#DATE}, {@link LogicalType.Kind#TIMESTAMP} or
 * {@link LogicalType.Kind#TIMESTAMP_TZ} column may be one of these instead of a {@code java.time} value. It is
 * never turned into a far-away date ({@code +999999999-12-31} is a legal date elsewhere): a store that has no
 * infinity refuses it before anything is written. The archive writes the strings {@code "infinity"} and
 * {@code "-infinity"}.
 */
public enum Infinity {
    /** Later than every other value: {@code infinity}. */
    POSITIVE("infinity"),
    /** Earlier than every other value: {@code -infinity}. */
    NEGATIVE("-infinity");

    private final String text;

    Infinity(String text) {
        this.text = text;
    }

    /** @return the archive's (and PostgreSQL's) spelling: {@code infinity} or {@code -infinity} */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
