package dev.portability.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The primary key values of one row, in key order. Two keys are equal when their values are equal, comparing
 * {@code byte[]} by content and decimals by numeric value ({@code 1.0} equals {@code 1.00}).
 */
public final class Key {

    private final Object[] values;
    private final Object[] normalized;

    private Key(Object[] values) {
        this.values = values;
        this.normalized = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value instanceof BigDecimal decimal) {
                normalized[i] = decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros();
            } else {
                normalized[i] = value;
            }
        }
    }

    /**
     * A key of the given values.
     *
     * @param values the key column values, in key order
     * @return the key
     */
    public static Key of(Object... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a key needs at least one value");
        }
        return new Key(values.clone());
    }

    /** @return the key values, in key order */
    public List<Object> values() {
        return Collections.unmodifiableList(new ArrayList<>(Arrays.asList(values)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Key other && Arrays.deepEquals(normalized, other.normalized);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(normalized);
    }

    /** @return the values, e.g. {@code 42} or {@code (7, 2024-01-31)} */
    @Override
    public String toString() {
        if (values.length == 1) {
            return String.valueOf(render(values[0]));
        }
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(render(values[i]));
        }
        return out.append(')').toString();
    }

    private static Object render(Object value) {
        if (value instanceof byte[] bytes) {
            StringBuilder hex = new StringBuilder("0x");
            for (byte b : bytes) {
                hex.append(String.format("%02x", b));
            }
            return hex;
        }
        return value;
    }
}
