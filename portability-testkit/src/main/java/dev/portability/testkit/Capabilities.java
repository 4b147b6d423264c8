package dev.portability.testkit;

import dev.portability.api.LogicalType;
import dev.portability.api.LogicalType.Kind;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a store cannot hold, each limitation with the reason: the honest declaration a host's
 * {@link TableAdapterContract} makes for a store that is narrower than the logical types (a database without
 * arrays, with microsecond timestamps, ...). The contract suite leaves out what is declared here and reports
 * each left-out case as skipped with its reason; the {@link DataGenerator} generates only values the store can
 * hold. Immutable; every {@code with...} method returns a copy.
 *
 * <pre>{@code
 * Capabilities.full()
 *         .withoutKind(Kind.ARRAY, "MariaDB has no array type")
 *         .withFractionalSeconds(6, "MariaDB keeps microseconds");
 * }</pre>
 */
public final class Capabilities {

    private static final Capabilities FULL = new Capabilities(new EnumMap<>(Kind.class), 9, null, null, null, null,
            null, null);

    private final Map<Kind, String> missingKinds;
    private final int fractionalSeconds;
    private final String fractionalSecondsReason;
    private final String nonFiniteDoubles;
    private final String negativeZero;
    private final String nulCharacters;
    private final String offsets;
    private final String unboundedDecimal;

    private Capabilities(Map<Kind, String> missingKinds, int fractionalSeconds, String fractionalSecondsReason,
            String nonFiniteDoubles, String negativeZero, String nulCharacters, String offsets,
            String unboundedDecimal) {
        this.missingKinds = missingKinds;
        this.fractionalSeconds = fractionalSeconds;
        this.fractionalSecondsReason = fractionalSecondsReason;
        this.nonFiniteDoubles = nonFiniteDoubles;
        this.negativeZero = negativeZero;
        this.nulCharacters = nulCharacters;
        this.offsets = offsets;
        this.unboundedDecimal = unboundedDecimal;
    }

    /** @return a store that holds every value of every logical type exactly (like {@link InMemoryStore}) */
    public static Capabilities full() {
        return FULL;
    }

    /**
     * The store has no column of this kind.
     *
     * @param kind the kind ({@link Kind#INTEGER} and {@link Kind#TEXT} cannot be left out: the contract tables
     *     need them for their keys)
     * @param reason why, shown on every case left out
     * @return a copy with the limitation
     */
    public Capabilities withoutKind(Kind kind, String reason) {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.INTEGER || kind == Kind.TEXT) {
            throw new IllegalArgumentException("withoutKind: the contract needs " + kind + " columns for its keys");
        }
        Map<Kind, String> kinds = new EnumMap<>(missingKinds);
        kinds.put(kind, requireReason(reason));
        return new Capabilities(kinds, fractionalSeconds, fractionalSecondsReason, nonFiniteDoubles, negativeZero,
                nulCharacters, offsets, unboundedDecimal);
    }

    /**
     * TIME, TIMESTAMP and TIMESTAMP_TZ keep only this many digits of fractional seconds (the logical types keep
     * nine). Generated values are cut to this precision.
     *
     * @param digits 0 to 9
     * @param reason why
     * @return a copy with the limitation
     */
    public Capabilities withFractionalSeconds(int digits, String reason) {
        if (digits < 0 || digits > 9) {
            throw new IllegalArgumentException("withFractionalSeconds: digits must be 0 to 9, was " + digits);
        }
        return new Capabilities(missingKinds, digits, requireReason(reason), nonFiniteDoubles, negativeZero,
                nulCharacters, offsets, unboundedDecimal);
    }

    /**
     * DOUBLE cannot hold NaN, Infinity and -Infinity.
     *
     * @param reason why
     * @return a copy with the limitation
     */
    public Capabilities withoutNonFiniteDoubles(String reason) {
        return new Capabilities(missingKinds, fractionalSeconds, fractionalSecondsReason, requireReason(reason),
                negativeZero, nulCharacters, offsets, unboundedDecimal);
    }

    /**
     * DOUBLE turns -0.0 into 0.0.
     *
     * @param reason why
     * @return a copy with the limitation
     */
    public Capabilities withoutNegativeZero(String reason) {
        return new Capabilities(missingKinds, fractionalSeconds, fractionalSecondsReason, nonFiniteDoubles,
                requireReason(reason), nulCharacters, offsets, unboundedDecimal);
    }

    /**
     * TEXT cannot hold the character U+0000.
     *
     * @param reason why
     * @return a copy with the limitation
     */
    public Capabilities withoutNulCharacters(String reason) {
        return new Capabilities(missingKinds, fractionalSeconds, fractionalSecondsReason, nonFiniteDoubles,
                negativeZero, requireReason(reason), offsets, unboundedDecimal);
    }

    /**
     * TIMESTAMP_TZ keeps the instant but not the offset (values come back at another offset, often UTC): values
     * are then compared by instant.
     *
     * @param reason why
     * @return a copy with the limitation
     */
    public Capabilities withOffsetsNormalized(String reason) {
        return new Capabilities(missingKinds, fractionalSeconds, fractionalSecondsReason, nonFiniteDoubles,
                negativeZero, nulCharacters, requireReason(reason), unboundedDecimal);
    }

    /**
     * DECIMAL columns need a precision: the contract leaves out its DECIMAL column of unlimited precision and
     * checks decimals with its columns of declared precision.
     *
     * @param reason why
     * @return a copy with the limitation
     */
    public Capabilities withoutUnboundedDecimal(String reason) {
        return new Capabilities(missingKinds, fractionalSeconds, fractionalSecondsReason, nonFiniteDoubles,
                negativeZero, nulCharacters, offsets, requireReason(reason));
    }

    /**
     * @param type a logical type
     * @return whether the store has columns of this type (its kind, and an ARRAY's element kind)
     */
    public boolean supports(LogicalType type) {
        if (missingKinds.containsKey(type.kind())) {
            return false;
        }
        if (type.kind() == Kind.DECIMAL && type.precision().isEmpty() && unboundedDecimal != null) {
            return false;
        }
        return type.elementType().map(this::supports).orElse(true);
    }

    /**
     * Why the store has no columns of this type.
     *
     * @param type a logical type
     * @return the reason, or empty if it has
     */
    public Optional<String> whyNot(LogicalType type) {
        if (missingKinds.containsKey(type.kind())) {
            return Optional.of(missingKinds.get(type.kind()));
        }
        if (type.kind() == Kind.DECIMAL && type.precision().isEmpty() && unboundedDecimal != null) {
            return Optional.of(unboundedDecimal);
        }
        return type.elementType().flatMap(this::whyNot);
    }

    /** @return the digits of fractional seconds the store keeps, 0 to 9 */
    public int fractionalSeconds() {
        return fractionalSeconds;
    }

    /** @return whether TIMESTAMP_TZ values keep their offset */
    public boolean keepsOffsets() {
        return offsets == null;
    }

    /**
     * Why the store cannot hold a value of a type it has.
     *
     * @param type the value's type
     * @param value the value, or null
     * @return the reason, or empty if it can hold it
     */
    public Optional<String> whyNot(LogicalType type, Object value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof List<?> list) {
            LogicalType element = type.elementType().orElse(type);
            for (Object item : list) {
                Optional<String> reason = whyNot(element, item);
                if (reason.isPresent()) {
                    return reason;
                }
            }
            return Optional.empty();
        }
        if (value instanceof Double d) {
            if (nonFiniteDoubles != null && !Double.isFinite(d)) {
                return Optional.of(nonFiniteDoubles);
            }
            if (negativeZero != null && Double.doubleToRawLongBits(d) == Double.doubleToRawLongBits(-0.0)) {
                return Optional.of(negativeZero);
            }
        }
        if (value instanceof String text && type.kind() == Kind.TEXT && nulCharacters != null
                && text.indexOf('\0') >= 0) {
            return Optional.of(nulCharacters);
        }
        return Optional.empty();
    }

    /**
     * Cuts the fractional seconds of temporal values (also inside arrays) to the store's precision.
     *
     * @param value a canonical value, or null
     * @return the value as the store can hold it
     */
    Object adapt(Object value) {
        if (fractionalSeconds == 9 || value == null) {
            return value;
        }
        if (value instanceof List<?> list) {
            List<Object> adapted = new ArrayList<>(list.size());
            list.forEach(item -> adapted.add(adapt(item)));
            return Collections.unmodifiableList(adapted);
        }
        if (value instanceof LocalTime time) {
            return time.withNano(cut(time.getNano()));
        }
        if (value instanceof LocalDateTime timestamp) {
            return timestamp.withNano(cut(timestamp.getNano()));
        }
        if (value instanceof OffsetDateTime timestamp) {
            return timestamp.withNano(cut(timestamp.getNano()));
        }
        return value;
    }

    private int cut(int nanos) {
        int unit = 1;
        for (int i = fractionalSeconds; i < 9; i++) {
            unit *= 10;
        }
        return nanos - nanos % unit;
    }

    /** @return one line per declared limitation, for reports */
    public List<String> limitations() {
        List<String> lines = new ArrayList<>();
        missingKinds.forEach((kind, reason) -> lines.add("no " + kind + " columns: " + reason));
        if (fractionalSecondsReason != null) {
            lines.add(fractionalSeconds + " digits of fractional seconds: " + fractionalSecondsReason);
        }
        add(lines, "no NaN or infinite DOUBLE values", nonFiniteDoubles);
        add(lines, "no DOUBLE -0.0", negativeZero);
        add(lines, "no U+0000 in TEXT", nulCharacters);
        add(lines, "TIMESTAMP_TZ offsets are not kept", offsets);
        add(lines, "no DECIMAL of unlimited precision", unboundedDecimal);
        return lines;
    }

    private static void add(List<String> lines, String what, String reason) {
        if (reason != null) {
            lines.add(what + ": " + reason);
        }
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("give the reason for the limitation: it is shown on every case it "
                    + "leaves out");
        }
        return reason;
    }

    @Override
    public String toString() {
        List<String> lines = limitations();
        return lines.isEmpty() ? "Capabilities[full]" : "Capabilities" + lines;
    }
}
