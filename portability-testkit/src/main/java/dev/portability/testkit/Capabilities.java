package dev.portability.testkit;

import dev.portability.api.BoundedArray;
import dev.portability.api.Infinity;
import dev.portability.api.LogicalType;
import dev.portability.api.LogicalType.Kind;
import dev.portability.api.NativeValue;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
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
 * <p>Values only some stores hold — the JSON literal {@code null}, {@link Infinity}, {@link NativeValue}s (of
 * decimals, dates and times), arrays of several dimensions and {@link BoundedArray}s — are declared the same way,
 * but the contract does not skip them:
 * it checks that the store <em>refuses</em> them (its insert throws and nothing is stored), because storing
 * something else instead would change data silently. NATIVE columns are declared with
 * {@link #withNativeType(LogicalType, List)}, with sample values.
 *
 * <pre>{@code
 * Capabilities.full()
 *         .withoutKind(Kind.ARRAY, "MariaDB has no array type")
 *         .withFractionalSeconds(6, "MariaDB keeps microseconds")
 *         .withoutInfinity("MariaDB has no infinite dates");
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
    private String jsonNull;
    private String infinity;
    private String nativeValues;
    private Map<Kind, List<NativeValue>> nativeValueSamples = Map.of();
    private String arrayDimensions;
    private String arrayLowerBounds;
    private Map<LogicalType, List<String>> nativeTypes = Map.of();

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

    /** Carries the limitations of values only some stores hold over to a copy, which is returned. */
    private Capabilities with(Capabilities copy) {
        copy.jsonNull = jsonNull;
        copy.infinity = infinity;
        copy.nativeValues = nativeValues;
        copy.nativeValueSamples = nativeValueSamples;
        copy.arrayDimensions = arrayDimensions;
        copy.arrayLowerBounds = arrayLowerBounds;
        copy.nativeTypes = nativeTypes;
        return copy;
    }

    private Capabilities copy() {
        return with(new Capabilities(missingKinds, fractionalSeconds, fractionalSecondsReason, nonFiniteDoubles,
                negativeZero, nulCharacters, offsets, unboundedDecimal));
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
        return with(new Capabilities(kinds, fractionalSeconds, fractionalSecondsReason, nonFiniteDoubles, negativeZero,
                nulCharacters, offsets, unboundedDecimal));
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
        return with(new Capabilities(missingKinds, digits, requireReason(reason), nonFiniteDoubles, negativeZero,
                nulCharacters, offsets, unboundedDecimal));
    }

    /**
     * DOUBLE cannot hold NaN, Infinity and -Infinity.
     *
     * @param reason why
     * @return a copy with the limitation
     */
    public Capabilities withoutNonFiniteDoubles(String reason) {
        return with(new Capabilities(missingKinds, fractionalSeconds, fractionalSecondsReason, requireReason(reason),
                negativeZero, nulCharacters, offsets, unboundedDecimal));
    }

    /**
     * DOUBLE turns -0.0 into 0.0.
     *
     * @param reason why
     * @return a copy with the limitation
     */
    public Capabilities withoutNegativeZero(String reason) {
        return with(new Capabilities(missingKinds, fractionalSeconds, fractionalSecondsReason, nonFiniteDoubles,
                requireReason(reason), nulCharacters, offsets, unboundedDecimal));
    }

    /**
     * TEXT cannot hold the character U+0000.
     *
     * @param reason why
     * @return a copy with the limitation
     */
    public Capabilities withoutNulCharacters(String reason) {
        return with(new Capabilities(missingKinds, fractionalSeconds, fractionalSecondsReason, nonFiniteDoubles,
                negativeZero, requireReason(reason), offsets, unboundedDecimal));
    }

    /**
     * TIMESTAMP_TZ keeps the instant but not the offset (values come back at another offset, often UTC): values
     * are then compared by instant.
     *
     * @param reason why
     * @return a copy with the limitation
     */
    public Capabilities withOffsetsNormalized(String reason) {
        return with(new Capabilities(missingKinds, fractionalSeconds, fractionalSecondsReason, nonFiniteDoubles,
                negativeZero, nulCharacters, requireReason(reason), unboundedDecimal));
    }

    /**
     * DECIMAL columns need a precision: the contract leaves out its DECIMAL column of unlimited precision and
     * checks decimals with its columns of declared precision.
     *
     * @param reason why
     * @return a copy with the limitation
     */
    public Capabilities withoutUnboundedDecimal(String reason) {
        return with(new Capabilities(missingKinds, fractionalSeconds, fractionalSecondsReason, nonFiniteDoubles,
                negativeZero, nulCharacters, offsets, requireReason(reason)));
    }

    /**
     * JSON columns cannot hold the JSON literal {@code null} (the text {@code "null"}), which is not SQL NULL. The
     * contract then checks that the store refuses it rather than storing SQL NULL.
     *
     * @param reason why
     * @return a copy with the limitation
     */
    public Capabilities withoutJsonNull(String reason) {
        Capabilities copy = copy();
        copy.jsonNull = requireReason(reason);
        return copy;
    }

    /**
     * DATE, TIMESTAMP and TIMESTAMP_TZ cannot hold {@link Infinity} (PostgreSQL's {@code infinity} and
     * {@code -infinity}). The contract then checks that the store refuses them rather than storing another date.
     *
     * @param reason why, e.g. "H2 has no infinite dates"
     * @return a copy with the limitation
     */
    public Capabilities withoutInfinity(String reason) {
        Capabilities copy = copy();
        copy.infinity = requireReason(reason);
        return copy;
    }

    /**
     * The store holds no {@link NativeValue}s (MariaDB's zero dates, a {@code TIME} beyond 24 hours, PostgreSQL's
     * numeric {@code NaN}) but those of the kinds declared with {@link #withNativeValues}. The contract then checks
     * that the store refuses the others rather than storing NULL or another value.
     *
     * @param reason why, e.g. "PostgreSQL has no zero dates"
     * @return a copy with the limitation
     */
    public Capabilities withoutNativeValues(String reason) {
        Capabilities copy = copy();
        copy.nativeValues = requireReason(reason);
        return copy;
    }

    /**
     * The native values a column of this kind holds, exactly as the store reads them back, in place of the
     * generator's (MariaDB's: {@code 0000-00-00}, {@code 2024-00-15}, {@code 838:59:59}, {@code -838:59:59},
     * {@code 0000-00-00 00:00:00}; PostgreSQL's DECIMAL: {@code NaN}, {@code Infinity}, {@code -Infinity}). Each
     * column gets those of them its type holds ({@link NativeValue#fits}: a DECIMAL with a declared precision gets
     * PostgreSQL's {@code NaN} only). With {@link #withoutNativeValues} the store refuses every other native value.
     *
     * @param kind DECIMAL, DATE, TIME, TIMESTAMP or TIMESTAMP_TZ
     * @param samples the values, at least one, each fitting a column of the kind without declared bounds
     * @return a copy with the samples
     * @throws IllegalArgumentException if the kind has no native values, or a sample is none of it
     */
    public Capabilities withNativeValues(Kind kind, List<NativeValue> samples) {
        if (kind != Kind.DECIMAL && kind != Kind.DATE && kind != Kind.TIME && kind != Kind.TIMESTAMP
                && kind != Kind.TIMESTAMP_TZ) {
            throw new IllegalArgumentException("withNativeValues: only DECIMAL, DATE, TIME, TIMESTAMP and "
                    + "TIMESTAMP_TZ values may be native values, not " + kind);
        }
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("withNativeValues: give at least one value, or declare "
                    + "withoutNativeValues(reason)");
        }
        for (NativeValue sample : samples) {
            if (!sample.fits(LogicalType.of(kind))) {
                throw new IllegalArgumentException("withNativeValues: " + sample + " is no native value of a "
                        + kind + " column (see NativeValue.fits and docs/archive-format.md)");
            }
        }
        Capabilities copy = copy();
        Map<Kind, List<NativeValue>> all = new EnumMap<>(Kind.class);
        all.putAll(nativeValueSamples);
        all.put(kind, List.copyOf(samples));
        copy.nativeValueSamples = Collections.unmodifiableMap(all);
        return copy;
    }

    /**
     * ARRAY columns hold arrays of one dimension only (no nested lists). The contract then checks that the store
     * refuses arrays of several dimensions rather than flattening them.
     *
     * @param reason why
     * @return a copy with the limitation
     */
    public Capabilities withoutArrayDimensions(String reason) {
        Capabilities copy = copy();
        copy.arrayDimensions = requireReason(reason);
        return copy;
    }

    /**
     * ARRAY columns hold arrays whose dimensions start at 1 only (no {@link BoundedArray}). The contract then
     * checks that the store refuses other lower bounds rather than renumbering the elements.
     *
     * @param reason why
     * @return a copy with the limitation
     */
    public Capabilities withoutArrayLowerBounds(String reason) {
        Capabilities copy = copy();
        copy.arrayLowerBounds = requireReason(reason);
        return copy;
    }

    /**
     * The store has columns of this NATIVE type; the contract creates one and checks that each sample value
     * comes back exactly. Without any, the contract's NATIVE cases are skipped.
     *
     * @param type a NATIVE type, e.g. {@code LogicalType.nativeType("postgresql", "interval")}
     * @param samples values in the engine's canonical text form, exactly as the store reads them back, at least
     *     one
     * @return a copy with the type
     */
    public Capabilities withNativeType(LogicalType type, List<String> samples) {
        if (type.kind() != Kind.NATIVE) {
            throw new IllegalArgumentException("withNativeType: " + type + " is not a NATIVE type");
        }
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("withNativeType: give at least one value of " + type);
        }
        Capabilities copy = copy();
        Map<LogicalType, List<String>> all = new LinkedHashMap<>(nativeTypes);
        all.put(type, List.copyOf(samples));
        copy.nativeTypes = Collections.unmodifiableMap(all);
        return copy;
    }

    /** @return the NATIVE types declared with {@link #withNativeType}, in declaration order */
    public List<LogicalType> nativeTypes() {
        return List.copyOf(nativeTypes.keySet());
    }

    /**
     * @param type a NATIVE type declared with {@link #withNativeType}
     * @return its sample values; empty for another type
     */
    public List<String> nativeSamples(LogicalType type) {
        return nativeTypes.getOrDefault(type, List.of());
    }

    /**
     * @param kind DECIMAL, DATE, TIME, TIMESTAMP or TIMESTAMP_TZ
     * @return the native values declared for the kind with {@link #withNativeValues}, or empty for the
     *     generator's own
     */
    public List<NativeValue> nativeValueSamples(Kind kind) {
        return nativeValueSamples.getOrDefault(kind, List.of());
    }

    /**
     * @param type a logical type
     * @return whether the store has columns of this type (its kind, and an ARRAY's element kind; a NATIVE type
     *     only when declared with {@link #withNativeType})
     */
    public boolean supports(LogicalType type) {
        return whyNot(type).isEmpty();
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
        if (type.kind() == Kind.NATIVE && !nativeTypes.containsKey(type)) {
            return Optional.of("the store declares no " + type + " columns (Capabilities.withNativeType)");
        }
        return type.elementType().flatMap(this::whyNot);
    }

    /**
     * Why the store refuses a value of a type it has: what it declared it cannot hold of the values only some
     * stores hold (the JSON literal null, infinities, native values, arrays of several dimensions or with lower
     * bounds). The contract checks that writing such a value fails and stores nothing.
     *
     * @param type the value's type
     * @param value the value, or null
     * @return the reason, or empty if the store holds it (or the value is not one of these)
     */
    public Optional<String> refuses(LogicalType type, Object value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Infinity && infinity != null) {
            return Optional.of(infinity);
        }
        if (value instanceof NativeValue && nativeValues != null
                && !nativeValueSamples.getOrDefault(type.kind(), List.of()).contains(value)) {
            return Optional.of(nativeValues);
        }
        if (value instanceof String text && type.kind() == Kind.JSON && jsonNull != null
                && text.strip().equals("null")) {
            return Optional.of(jsonNull);
        }
        if (value instanceof BoundedArray array) {
            if (arrayLowerBounds != null) {
                return Optional.of(arrayLowerBounds);
            }
            return refuses(type, array.elements());
        }
        if (value instanceof List<?> list) {
            LogicalType element = type.elementType().orElse(type);
            for (Object item : list) {
                if (item instanceof List<?> && arrayDimensions != null) {
                    return Optional.of(arrayDimensions);
                }
                Optional<String> reason = refuses(item instanceof List<?> ? type : element, item);
                if (reason.isPresent()) {
                    return reason;
                }
            }
        }
        return Optional.empty();
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
        if (value instanceof BoundedArray array) {
            return whyNot(type, array.elements());
        }
        if (value instanceof List<?> list) {
            LogicalType element = type.elementType().orElse(type);
            for (Object item : list) {
                Optional<String> reason = whyNot(item instanceof List<?> ? type : element, item);
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
        if (value instanceof BoundedArray array) {
            return new BoundedArray(array.lowerBounds(), (List<?>) adapt(array.elements()));
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
        add(lines, "no JSON literal null (refused)", jsonNull);
        add(lines, "no infinite dates or timestamps (refused)", infinity);
        add(lines, "no native values but those declared (refused)", nativeValues);
        add(lines, "no arrays of several dimensions (refused)", arrayDimensions);
        add(lines, "no array lower bounds other than 1 (refused)", arrayLowerBounds);
        nativeValueSamples.forEach((kind, samples) -> lines.add(kind + " native values " + samples));
        nativeTypes.forEach((type, samples) -> lines.add(type + " columns, e.g. " + samples));
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
