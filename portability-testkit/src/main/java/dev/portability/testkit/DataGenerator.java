package dev.portability.testkit;

import dev.portability.api.BoundedArray;
import dev.portability.api.Column;
import dev.portability.api.Infinity;
import dev.portability.api.Key;
import dev.portability.api.LogicalType;
import dev.portability.api.LogicalType.Kind;
import dev.portability.api.NativeValue;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Values of every logical type, made deterministically from a seed: named {@linkplain #edgeValues edge values}
 * (empty and 1 MB text, non-ASCII, extreme numbers, NaN and infinities, timestamps around daylight-saving changes,
 * the JSON literal null, PostgreSQL's infinite dates, MariaDB's zero dates and PostgreSQL's numeric {@code NaN} as
 * native values, arrays of two dimensions and with lower bounds, the declared samples of NATIVE types, ...) and
 * ordinary random values and rows. The same seed gives the same values on every machine and run.
 *
 * <p>A {@link NativeValue} travels only in a column whose {@link Column#nativeType()} names its engine: the
 * methods that take a column ({@link #edgeValues(Column)}, {@link #value(Column)}, {@link #row}, {@link #rows})
 * make native values of that engine only (none for a column without a native type), so that an export of the
 * rows succeeds; the methods that take a type make those of any engine, for tests of a store's adapter.
 *
 * <pre>{@code
 * DataGenerator generator = DataGenerator.seeded(42);
 * for (EdgeValue edge : generator.edgeValues(LogicalType.float64())) { ... }  // 0.0, -0.0, NaN, Infinity, ...
 * List<Row> rows = generator.rows(customers, 1000);                          // unique primary keys
 * }</pre>
 *
 * <p>Values respect their type's declared bounds (TEXT and BINARY length, DECIMAL precision and scale) and the
 * {@link Capabilities} the generator was made {@linkplain #within within}. Not thread-safe: use one per thread.
 */
public final class DataGenerator {

    /** The length of the long text and binary edge values: 1 MiB characters or bytes. */
    public static final int LONG_VALUE_LENGTH = 1 << 20;

    private static final String MARIADB = "mariadb";
    private static final String POSTGRESQL = "postgresql";
    private static final String H2 = "h2";

    /** The engine filter that admits native values of every engine (never an engine's name, which is not blank). */
    private static final String ANY_ENGINE = "*";

    /** The engine filter of a column without a native type: no native values. */
    private static final String NO_ENGINE = "";

    private static final String[] TEXT_POOL = {
        "a", "b", "z", "A", "Q", "0", "7", " ", "-", ".", ",", "'", "\"", "ä", "ö", "ü", "ß", "é", "ñ", "ç", "ø",
        "Ω", "π", "ж", "日", "本", "語", "中", "한", "ש", "ل", "€", "🌍", "🎉", "😀", "e\u0301"};

    private final long seed;
    private final Random random;
    private final Capabilities capabilities;
    private String longText;
    private byte[] longBinary;

    private DataGenerator(long seed, Capabilities capabilities) {
        this.seed = seed;
        this.random = new Random(seed);
        this.capabilities = capabilities;
    }

    /**
     * A generator for a store that holds every value.
     *
     * @param seed the seed: the same seed gives the same values
     * @return the generator
     */
    public static DataGenerator seeded(long seed) {
        return new DataGenerator(seed, Capabilities.full());
    }

    /**
     * A generator with the same seed that makes only values a store with these capabilities holds.
     *
     * @param storeCapabilities what the store can hold
     * @return a new generator, starting afresh from the seed
     */
    public DataGenerator within(Capabilities storeCapabilities) {
        return new DataGenerator(seed, Objects.requireNonNull(storeCapabilities, "storeCapabilities"));
    }

    /** @return the seed */
    public long seed() {
        return seed;
    }

    /**
     * The edge values of a type that the store can hold, fitted to the type's bounds; never NULL (NULL is an
     * edge of every nullable column: test it too).
     *
     * @param type the type
     * @return the values, in a fixed order
     */
    public List<EdgeValue> edgeValues(LogicalType type) {
        return edgeValues(type, ANY_ENGINE);
    }

    /**
     * The edge values of a column that the store can hold, as {@link #edgeValues(LogicalType)} gives them for its
     * type, with native values only of the engine the column's {@link Column#nativeType()} names (none without a
     * native type): every one can be exported in that column.
     *
     * @param column the column
     * @return the values, in a fixed order
     */
    public List<EdgeValue> edgeValues(Column column) {
        return edgeValues(column.type(), engineOf(column));
    }

    private static String engineOf(Column column) {
        return column.nativeType() == null ? NO_ENGINE : column.nativeType().engine();
    }

    private List<EdgeValue> edgeValues(LogicalType type, String engine) {
        List<EdgeValue> values = new ArrayList<>();
        for (EdgeValue edge : allEdgeValues(type, engine)) {
            if (capabilities.whyNot(type, edge.value()).isEmpty()
                    && capabilities.refuses(type, edge.value()).isEmpty()) {
                values.add(new EdgeValue(edge.description(), capabilities.adapt(edge.value())));
            }
        }
        return values;
    }

    /**
     * Every edge value of a type, fitted to its bounds, including those the store cannot hold (arrays are built
     * from element values it can hold). Not adapted to the store's fractional seconds.
     */
    List<EdgeValue> allEdgeValues(LogicalType type) {
        return allEdgeValues(type, ANY_ENGINE);
    }

    /** As {@link #allEdgeValues(LogicalType)}, with native values of the engine only (or of any, or none). */
    private List<EdgeValue> allEdgeValues(LogicalType type, String engine) {
        List<EdgeValue> edges = new ArrayList<>();
        switch (type.kind()) {
            case BOOLEAN -> {
                edges.add(new EdgeValue("true", true));
                edges.add(new EdgeValue("false", false));
            }
            case INTEGER -> {
                edges.add(new EdgeValue("zero", 0L));
                edges.add(new EdgeValue("minus one", -1L));
                edges.add(new EdgeValue("largest 64-bit integer", Long.MAX_VALUE));
                edges.add(new EdgeValue("smallest 64-bit integer", Long.MIN_VALUE));
                edges.add(new EdgeValue("2^53 + 1, beyond the integers a double holds", (1L << 53) + 1));
            }
            case DECIMAL -> {
                decimalEdges(type, edges);
                nativeValues(type, engine, edges);
            }
            case DOUBLE -> {
                edges.add(new EdgeValue("zero", 0.0));
                edges.add(new EdgeValue("negative zero", -0.0));
                edges.add(new EdgeValue("one third", 1.0 / 3));
                edges.add(new EdgeValue("smallest subnormal", Double.MIN_VALUE));
                edges.add(new EdgeValue("smallest normal", Double.MIN_NORMAL));
                edges.add(new EdgeValue("largest", Double.MAX_VALUE));
                edges.add(new EdgeValue("most negative", -Double.MAX_VALUE));
                edges.add(new EdgeValue("NaN", Double.NaN));
                edges.add(new EdgeValue("Infinity", Double.POSITIVE_INFINITY));
                edges.add(new EdgeValue("-Infinity", Double.NEGATIVE_INFINITY));
            }
            case TEXT -> textEdges(type, edges);
            case BINARY -> binaryEdges(type, edges);
            case DATE -> {
                edges.add(new EdgeValue("0001-01-01, the first day of year 1", LocalDate.of(1, 1, 1)));
                edges.add(new EdgeValue("1582-10-10, skipped by the Julian-Gregorian switch",
                        LocalDate.of(1582, 10, 10)));
                edges.add(new EdgeValue("1970-01-01, the epoch", LocalDate.EPOCH));
                edges.add(new EdgeValue("2000-02-29, a leap day", LocalDate.of(2000, 2, 29)));
                edges.add(new EdgeValue("2024-03-31, a daylight-saving change in Europe",
                        LocalDate.of(2024, 3, 31)));
                edges.add(new EdgeValue("9999-12-31, the last day of year 9999", LocalDate.of(9999, 12, 31)));
                infinities(edges);
                nativeValues(type, engine, edges);
            }
            case TIME -> {
                edges.add(new EdgeValue("midnight", LocalTime.MIDNIGHT));
                edges.add(new EdgeValue("02:30, inside a daylight-saving gap", LocalTime.of(2, 30)));
                edges.add(new EdgeValue("with milliseconds", LocalTime.of(13, 45, 30, 123_000_000)));
                edges.add(new EdgeValue("the last instant of the day", LocalTime.MAX));
                nativeValues(type, engine, edges);
            }
            case TIMESTAMP -> {
                edges.add(new EdgeValue("1970-01-01T00:00, the epoch", LocalDateTime.of(1970, 1, 1, 0, 0)));
                edges.add(new EdgeValue("2024-03-31T02:30, missing in Central Europe (DST gap)",
                        LocalDateTime.of(2024, 3, 31, 2, 30)));
                edges.add(new EdgeValue("2024-10-27T02:30, twice in Central Europe (DST overlap)",
                        LocalDateTime.of(2024, 10, 27, 2, 30)));
                edges.add(new EdgeValue("2024-03-10T02:30, missing in the US (DST gap)",
                        LocalDateTime.of(2024, 3, 10, 2, 30)));
                edges.add(new EdgeValue("2000-02-29T12:00, a leap day", LocalDateTime.of(2000, 2, 29, 12, 0)));
                edges.add(new EdgeValue("0001-01-01T00:00, the first instant of year 1",
                        LocalDateTime.of(1, 1, 1, 0, 0)));
                edges.add(new EdgeValue("9999-12-31T23:59:59.999999999, the last instant of year 9999",
                        LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999)));
                infinities(edges);
                nativeValues(type, engine, edges);
            }
            case TIMESTAMP_TZ -> {
                edges.add(new EdgeValue("1970-01-01T00:00Z, the epoch",
                        OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
                edges.add(new EdgeValue("2024-03-31T01:59:59.999999+01:00, just before a DST change",
                        OffsetDateTime.of(2024, 3, 31, 1, 59, 59, 999_999_000, ZoneOffset.ofHours(1))));
                edges.add(new EdgeValue("2024-03-31T03:00+02:00, just after a DST change",
                        OffsetDateTime.of(2024, 3, 31, 3, 0, 0, 0, ZoneOffset.ofHours(2))));
                edges.add(new EdgeValue("2024-10-27T02:30+02:00, the first of two 02:30 (DST overlap)",
                        OffsetDateTime.of(2024, 10, 27, 2, 30, 0, 0, ZoneOffset.ofHours(2))));
                edges.add(new EdgeValue("2024-10-27T02:30+01:00, the second of two 02:30 (DST overlap)",
                        OffsetDateTime.of(2024, 10, 27, 2, 30, 0, 0, ZoneOffset.ofHours(1))));
                edges.add(new EdgeValue("offset +14:00, the largest in use",
                        OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(14))));
                edges.add(new EdgeValue("offset -12:00, the smallest in use",
                        OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(-12))));
                edges.add(new EdgeValue("offset +05:45, not whole hours",
                        OffsetDateTime.of(2024, 6, 15, 12, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 45))));
                edges.add(new EdgeValue("9999-12-31T23:59:59.999999999Z, the last instant of year 9999",
                        OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999, ZoneOffset.UTC)));
                infinities(edges);
                nativeValues(type, engine, edges);
            }
            case UUID -> {
                edges.add(new EdgeValue("the nil UUID", new UUID(0, 0)));
                edges.add(new EdgeValue("the max UUID", new UUID(-1L, -1L)));
                edges.add(new EdgeValue("a random version 4 UUID", randomUuid(new Random(seed))));
            }
            case JSON -> {
                edges.add(new EdgeValue("an empty object", "{}"));
                edges.add(new EdgeValue("an empty array", "[]"));
                edges.add(new EdgeValue("a nested object with an array, null and booleans",
                        "{\"a\":[1,2.5,null,true],\"b\":{\"c\":\"d\",\"e\":false}}"));
                edges.add(new EdgeValue("a string", "\"text\""));
                edges.add(new EdgeValue("a number", "42"));
                edges.add(new EdgeValue("a decimal of 36 digits", "3.14159265358979323846264338327950288"));
                edges.add(new EdgeValue("non-ASCII text and escapes",
                        "{\"emoji\":\"🌍\",\"escaped\":\"\\\"\\\\\\n\\t\",\"unicode\":\"\\u00e9\"}"));
                edges.add(new EdgeValue("the JSON literal null, which is not SQL NULL", "null"));
            }
            case ARRAY -> arrayEdges(type, engine, edges);
            case NATIVE -> {
                List<String> samples = capabilities.nativeSamples(type);
                if (samples.isEmpty()) {
                    edges.add(new EdgeValue("empty text", ""));
                    edges.add(new EdgeValue("non-ASCII text", "Zoë 🌍 \"quoted\""));
                }
                for (int i = 0; i < samples.size(); i++) {
                    edges.add(new EdgeValue("sample " + (i + 1) + ", " + samples.get(i), samples.get(i)));
                }
            }
        }
        return edges;
    }

    private static void infinities(List<EdgeValue> edges) {
        edges.add(new EdgeValue("infinity, later than every other (PostgreSQL)", Infinity.POSITIVE));
        edges.add(new EdgeValue("-infinity, earlier than every other (PostgreSQL)", Infinity.NEGATIVE));
    }

    /**
     * The native values of a type: the store's declared ones of its kind, or the generator's own of the engine (of
     * MariaDB for dates and times and of PostgreSQL for decimals when any engine will do); only those the type
     * holds ({@link NativeValue#fits}), only of the engine.
     */
    private void nativeValues(LogicalType type, String engine, List<EdgeValue> edges) {
        if (engine.equals(NO_ENGINE)) {
            return;
        }
        List<NativeValue> declared = capabilities.nativeValueSamples(type.kind());
        if (!declared.isEmpty()) {
            for (NativeValue value : declared) {
                if ((engine.equals(ANY_ENGINE) || value.engine().equals(engine)) && value.fits(type)) {
                    edges.add(new EdgeValue("the " + value.engine() + " value " + value.text(), value));
                }
            }
            return;
        }
        String source = !engine.equals(ANY_ENGINE) ? engine : type.kind() == Kind.DECIMAL ? POSTGRESQL : MARIADB;
        for (EdgeValue edge : ownNativeValues(source, type.kind())) {
            if (((NativeValue) edge.value()).fits(type)) {
                edges.add(edge);
            }
        }
    }

    /** The generator's own native values of an engine and kind (see {@link NativeValue#fits}). */
    private static List<EdgeValue> ownNativeValues(String engine, Kind kind) {
        List<EdgeValue> edges = new ArrayList<>();
        switch (engine + " " + kind) {
            case MARIADB + " DATE" -> {
                edges.add(nativeEdge("a MariaDB zero date", MARIADB, "0000-00-00"));
                edges.add(nativeEdge("a MariaDB date with a zero month", MARIADB, "2024-00-15"));
            }
            case MARIADB + " TIME" -> {
                edges.add(nativeEdge("a MariaDB TIME beyond 24 hours", MARIADB, "838:59:59"));
                edges.add(nativeEdge("a negative MariaDB TIME", MARIADB, "-01:00:00"));
            }
            case MARIADB + " TIMESTAMP" -> edges.add(nativeEdge("a MariaDB zero DATETIME", MARIADB,
                    "0000-00-00 00:00:00"));
            case MARIADB + " TIMESTAMP_TZ" -> edges.add(nativeEdge("a MariaDB zero TIMESTAMP", MARIADB,
                    "0000-00-00 00:00:00"));
            case POSTGRESQL + " DECIMAL" -> {
                edges.add(nativeEdge("a PostgreSQL numeric not-a-number", POSTGRESQL, "NaN"));
                edges.add(nativeEdge("a PostgreSQL numeric infinity", POSTGRESQL, "Infinity"));
                edges.add(nativeEdge("a PostgreSQL numeric negative infinity", POSTGRESQL, "-Infinity"));
            }
            case H2 + " DECIMAL" -> {
                edges.add(nativeEdge("an H2 DECFLOAT not-a-number", H2, "NaN"));
                edges.add(nativeEdge("an H2 DECFLOAT infinity", H2, "Infinity"));
                edges.add(nativeEdge("an H2 DECFLOAT negative infinity", H2, "-Infinity"));
            }
            default -> {
                // the engine has no native values of this kind
            }
        }
        return edges;
    }

    private static EdgeValue nativeEdge(String description, String engine, String text) {
        return new EdgeValue(description + ", " + text, new NativeValue(engine, text));
    }

    private static void decimalEdges(LogicalType type, List<EdgeValue> edges) {
        if (type.precision().isEmpty()) {
            BigDecimal large = new BigDecimal("12345678901234567890123456789012345678901234567890.123456789");
            edges.add(new EdgeValue("zero", BigDecimal.ZERO));
            edges.add(new EdgeValue("one with trailing zeros", new BigDecimal("1.000")));
            edges.add(new EdgeValue("30 decimal places", new BigDecimal("0.000000000000000000000000000001")));
            edges.add(new EdgeValue("59 digits", large));
            edges.add(new EdgeValue("minus 59 digits", large.negate()));
            return;
        }
        int precision = type.precision().get();
        int scale = type.scale().orElseThrow();
        BigDecimal step = BigDecimal.ONE.scaleByPowerOfTen(-scale).setScale(Math.max(scale, 0));
        BigDecimal largest = new BigDecimal(BigInteger.TEN.pow(precision).subtract(BigInteger.ONE), scale);
        edges.add(new EdgeValue("zero", BigDecimal.ZERO.setScale(Math.max(scale, 0))));
        edges.add(new EdgeValue("the smallest step", step));
        edges.add(new EdgeValue("minus the smallest step", step.negate()));
        edges.add(new EdgeValue("the largest, all " + precision + " digits", largest));
        edges.add(new EdgeValue("the most negative", largest.negate()));
    }

    private void textEdges(LogicalType type, List<EdgeValue> edges) {
        int max = type.maxLength().orElse(Integer.MAX_VALUE);
        List<EdgeValue> all = List.of(
                new EdgeValue("empty string", ""),
                new EdgeValue("a single space", " "),
                new EdgeValue("leading and trailing spaces", "  padded  "),
                new EdgeValue("non-ASCII: accents, CJK, emoji", "Zoë Ñandú — 日本語 🌍"),
                new EdgeValue("quotes, backslash, newline, tab", "it's \"quoted\" \\ new\nline\ttab\r\n"),
                new EdgeValue("right-to-left text and a combining accent", "שלום مرحبا e\u0301"),
                new EdgeValue("a NUL character", "before\u0000after"));
        for (EdgeValue edge : all) {
            String text = (String) edge.value();
            int length = text.codePointCount(0, text.length());
            edges.add(length <= max ? edge : new EdgeValue(edge.description() + ", cut to " + max + " characters",
                    text.substring(0, text.offsetByCodePoints(0, max))));
        }
        if (type.maxLength().isPresent()) {
            StringBuilder longest = new StringBuilder(randomText(new Random(seed), max - 1, false));
            edges.add(new EdgeValue("the longest allowed: " + max + " characters, the last an emoji",
                    longest.append("🌍").toString()));
        } else {
            edges.add(new EdgeValue("1 MB of non-ASCII text (" + LONG_VALUE_LENGTH + " UTF-16 characters)",
                    longText()));
        }
    }

    private void binaryEdges(LogicalType type, List<EdgeValue> edges) {
        int max = type.maxLength().orElse(Integer.MAX_VALUE);
        byte[] everyByte = new byte[256];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        edges.add(new EdgeValue("empty", new byte[0]));
        edges.add(new EdgeValue("one zero byte", new byte[1]));
        edges.add(everyByte.length <= max ? new EdgeValue("every byte value 0 to 255", everyByte)
                : new EdgeValue("byte values 0 to " + (max - 1), Arrays.copyOf(everyByte, max)));
        if (type.maxLength().isPresent()) {
            byte[] longest = new byte[max];
            new Random(seed).nextBytes(longest);
            edges.add(new EdgeValue("the longest allowed: " + max + " random bytes", longest));
        } else {
            edges.add(new EdgeValue("1 MB of random bytes", longBinary()));
        }
    }

    private void arrayEdges(LogicalType type, String engine, List<EdgeValue> edges) {
        LogicalType element = type.elementType().orElseThrow();
        List<Object> small = new ArrayList<>();
        for (EdgeValue edge : edgeValues(element, engine)) {
            if (!isLarge(edge.value())) {
                small.add(edge.value());
            }
        }
        edges.add(new EdgeValue("an empty array", List.of()));
        edges.add(new EdgeValue("one NULL element", Collections.singletonList(null)));
        if (small.size() >= 2) {
            edges.add(new EdgeValue("two elements around a NULL", Collections.unmodifiableList(
                    Arrays.asList(small.get(0), null, small.get(1)))));
        }
        edges.add(new EdgeValue("every edge value of " + element, Collections.unmodifiableList(small)));
        if (small.size() >= 3) {
            Object a = small.get(0);
            Object b = small.get(1);
            Object c = small.get(2);
            edges.add(new EdgeValue("two dimensions, 2 x 2, with a NULL element", List.of(List.of(a, b),
                    Collections.unmodifiableList(Arrays.asList(c, null)))));
            edges.add(new EdgeValue("lower bound 0, as PostgreSQL's [0:2]={...}", new BoundedArray(List.of(0),
                    Collections.unmodifiableList(Arrays.asList(a, null, b)))));
            edges.add(new EdgeValue("two dimensions with lower bounds -1 and 5", new BoundedArray(List.of(-1, 5),
                    List.of(List.of(a, b, c), List.of(c, b, a)))));
        }
    }

    private static boolean isLarge(Object value) {
        return value instanceof String s && s.length() > 1000 || value instanceof byte[] b && b.length > 1000;
    }

    private String longText() {
        if (longText == null) {
            longText = randomText(new Random(seed), LONG_VALUE_LENGTH, true);
        }
        return longText;
    }

    private byte[] longBinary() {
        if (longBinary == null) {
            longBinary = new byte[LONG_VALUE_LENGTH];
            new Random(seed).nextBytes(longBinary);
        }
        return longBinary.clone();
    }

    /**
     * Random text from a pool of ASCII and non-ASCII characters.
     *
     * @param length the length in code points, or in UTF-16 characters when {@code utf16Length}
     */
    private static String randomText(Random random, int length, boolean utf16Length) {
        StringBuilder out = new StringBuilder();
        int units = 0;
        while (units < length) {
            String piece = TEXT_POOL[random.nextInt(TEXT_POOL.length)];
            int size = utf16Length ? piece.length() : piece.codePointCount(0, piece.length());
            if (units + size > length) {
                piece = "x";
                size = 1;
            }
            out.append(piece);
            units += size;
        }
        return out.toString();
    }

    private static UUID randomUuid(Random random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /**
     * A random value of a type, never NULL: now and then a (small) edge value, otherwise an ordinary value. Native
     * values of any engine may come; {@link #value(Column)} gives values an export of the column accepts.
     *
     * @param type the type
     * @return the canonical Java value
     */
    public Object value(LogicalType type) {
        return value(type, ANY_ENGINE);
    }

    private Object value(LogicalType type, String engine) {
        if (random.nextInt(5) == 0) {
            List<EdgeValue> edges = new ArrayList<>(edgeValues(type, engine));
            edges.removeIf(edge -> isLarge(edge.value()));
            if (!edges.isEmpty()) {
                return edges.get(random.nextInt(edges.size())).value();
            }
        }
        return capabilities.adapt(ordinary(type, engine));
    }

    private Object ordinary(LogicalType type, String engine) {
        return switch (type.kind()) {
            case BOOLEAN -> random.nextBoolean();
            case INTEGER -> random.nextBoolean() ? (long) random.nextInt(100_000) : random.nextLong();
            case DECIMAL -> ordinaryDecimal(type);
            case DOUBLE -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(30) - 10);
            case TEXT -> randomText(random, random.nextInt(Math.min(40, type.maxLength().orElse(40)) + 1), false);
            case BINARY -> {
                byte[] bytes = new byte[random.nextInt(Math.min(64, type.maxLength().orElse(64)) + 1)];
                random.nextBytes(bytes);
                yield bytes;
            }
            case DATE -> LocalDate.ofEpochDay(randomBetween(LocalDate.of(1, 1, 1).toEpochDay(),
                    LocalDate.of(9999, 12, 31).toEpochDay()));
            case TIME -> LocalTime.ofNanoOfDay(randomBetween(0, LocalTime.MAX.toNanoOfDay()));
            case TIMESTAMP -> LocalDateTime.of((LocalDate) ordinary(LogicalType.date(), engine),
                    (LocalTime) ordinary(LogicalType.time(), engine));
            case TIMESTAMP_TZ -> OffsetDateTime.of((LocalDateTime) ordinary(LogicalType.timestamp(), engine),
                    ZoneOffset.ofTotalSeconds((random.nextInt(26 * 4 + 1) - 12 * 4) * 15 * 60));
            case UUID -> randomUuid(random);
            case JSON -> "{\"id\":" + random.nextInt(1000) + ",\"name\":\"" + randomText(random, 8, false)
                    .replace("\\", "").replace("\"", "") + "\",\"tags\":[" + random.nextInt(10) + ","
                    + random.nextBoolean() + ",null],\"score\":" + random.nextInt(10_000) / 100.0 + "}";
            case ARRAY -> {
                LogicalType element = type.elementType().orElseThrow();
                List<Object> items = new ArrayList<>();
                int size = random.nextInt(5);
                for (int i = 0; i < size; i++) {
                    items.add(random.nextInt(6) == 0 ? null : value(element, engine));
                }
                yield Collections.unmodifiableList(items);
            }
            case NATIVE -> {
                List<String> samples = capabilities.nativeSamples(type);
                yield samples.isEmpty() ? randomText(random, 1 + random.nextInt(20), false)
                        : samples.get(random.nextInt(samples.size()));
            }
        };
    }

    private Object ordinaryDecimal(LogicalType type) {
        int precision = type.precision().orElse(30);
        int scale = type.scale().orElse(random.nextInt(10));
        int digits = 1 + random.nextInt(Math.max(1, precision));
        StringBuilder unscaled = new StringBuilder(random.nextBoolean() ? "-" : "");
        for (int i = 0; i < digits; i++) {
            unscaled.append((char) ('0' + random.nextInt(10)));
        }
        return new BigDecimal(new BigInteger(unscaled.toString()), scale);
    }

    private long randomBetween(long from, long to) {
        return from + Math.floorMod(random.nextLong(), to - from + 1);
    }

    /**
     * A random value for a column: NULL now and then if the column accepts it; native values only of the engine
     * its native type names.
     *
     * @param column the column
     * @return the value, or null
     */
    public Object value(Column column) {
        if (column.nullable() && random.nextInt(8) == 0) {
            return null;
        }
        return value(column.type(), engineOf(column));
    }

    /**
     * A random row of a table.
     *
     * @param schema the table
     * @return the row
     */
    public Row row(TableSchema schema) {
        Object[] values = new Object[schema.columns().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(schema.columns().get(i));
        }
        return Row.of(schema, values);
    }

    /**
     * Random rows of a table with distinct primary keys (foreign keys are not made to match anything).
     *
     * @param schema the table
     * @param count how many
     * @return the rows
     * @throws IllegalArgumentException if the key's type cannot take that many distinct values
     */
    public List<Row> rows(TableSchema schema, int count) {
        List<Row> rows = new ArrayList<>(count);
        Set<Key> keys = new HashSet<>();
        int attempts = 0;
        while (rows.size() < count) {
            Row row = row(schema);
            if (!schema.hasPrimaryKey() || keys.add(schema.keyOf(row))) {
                rows.add(row);
            } else if (++attempts > 100 * count + 1000) {
                throw new IllegalArgumentException("cannot make " + count + " distinct keys for table "
                        + schema.name() + " with key " + schema.primaryKey() + "; ask for fewer rows");
            }
        }
        return rows;
    }
}
