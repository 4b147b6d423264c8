package dev.portability.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portability.api.BoundedArray;
import dev.portability.api.Column;
import dev.portability.api.Infinity;
import dev.portability.api.Key;
import dev.portability.api.LogicalType;
import dev.portability.api.LogicalType.Kind;
import dev.portability.api.NativeType;
import dev.portability.api.NativeValue;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import dev.portability.core.Portability;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataGeneratorTest {

    /** One column per logical type, with and without bounds, plus a key. */
    private static final TableSchema EVERY_TYPE = everyType();

    private static TableSchema everyType() {
        TableSchema.Builder builder = TableSchema.builder("every_type").column("id", LogicalType.uuid(), false);
        List<LogicalType> types = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            types.add(kind == Kind.ARRAY ? LogicalType.array(LogicalType.timestampTz())
                    : kind == Kind.NATIVE ? LogicalType.nativeType("testkit", "opaque") : LogicalType.of(kind));
        }
        types.add(LogicalType.text(5));
        types.add(LogicalType.binary(3));
        types.add(LogicalType.decimal(5, 2));
        types.add(LogicalType.array(LogicalType.text()));
        types.add(LogicalType.decimal());
        types.add(LogicalType.date());
        for (int i = 0; i < types.size(); i++) {
            builder.column(new Column("c" + i, types.get(i), true, nativeType(types.get(i), i == types.size() - 2)));
        }
        return builder.primaryKey("id").build();
    }

    /** MariaDB's dates and times, PostgreSQL's decimals and one H2 DECFLOAT: columns with native values. */
    private static NativeType nativeType(LogicalType type, boolean h2) {
        Kind kind = type.elementType().orElse(type).kind();
        return switch (kind) {
            case DATE, TIME, TIMESTAMP, TIMESTAMP_TZ -> NativeType.of("mariadb", kind.name().toLowerCase());
            case DECIMAL -> h2 ? NativeType.of("h2", "DECFLOAT") : NativeType.of("postgresql", "numeric");
            default -> null;
        };
    }

    private static List<Object> values(DataGenerator generator) {
        List<Object> values = new ArrayList<>();
        for (Row row : generator.rows(EVERY_TYPE, 30)) {
            values.add(java.util.Arrays.deepToString(row.values()));
        }
        return values;
    }

    @Test
    void theSameSeedGivesTheSameValuesAndAnotherSeedOthers() {
        assertThat(values(DataGenerator.seeded(1))).isEqualTo(values(DataGenerator.seeded(1)));
        assertThat(values(DataGenerator.seeded(1))).isNotEqualTo(values(DataGenerator.seeded(2)));
        assertThat(DataGenerator.seeded(5).edgeValues(LogicalType.text()).toString())
                .isEqualTo(DataGenerator.seeded(5).edgeValues(LogicalType.text()).toString());
    }

    @Test
    void edgeValuesCoverEmptyAndLongNonAsciiTextExtremeNumbersNonFiniteDoublesAndDaylightSavingChanges() {
        DataGenerator generator = DataGenerator.seeded(42);

        List<Object> text = valuesOf(generator.edgeValues(LogicalType.text()));
        assertThat(text).contains("", " ");
        assertThat(text).anySatisfy(v -> assertThat((String) v).hasSize(DataGenerator.LONG_VALUE_LENGTH)
                .matches(s -> !s.chars().allMatch(c -> c < 128)));
        assertThat(text).anySatisfy(v -> assertThat((String) v).contains("🌍"));
        assertThat(valuesOf(generator.edgeValues(LogicalType.integer())))
                .contains(Long.MAX_VALUE, Long.MIN_VALUE, 0L);
        assertThat(valuesOf(generator.edgeValues(LogicalType.float64())))
                .contains(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, Double.MAX_VALUE,
                        Double.MIN_VALUE);
        assertThat(valuesOf(generator.edgeValues(LogicalType.timestamp())))
                .contains(LocalDateTime.of(2024, 3, 31, 2, 30), LocalDateTime.of(2024, 10, 27, 2, 30));
        assertThat(valuesOf(generator.edgeValues(LogicalType.timestampTz()))).anySatisfy(v -> assertThat(
                ((OffsetDateTime) v).toString()).isEqualTo("2024-10-27T02:30+01:00"));
        assertThat(valuesOf(generator.edgeValues(LogicalType.binary())))
                .anySatisfy(v -> assertThat((byte[]) v).hasSize(DataGenerator.LONG_VALUE_LENGTH))
                .anySatisfy(v -> assertThat((byte[]) v).isEmpty());
    }

    @Test
    void valuesRespectTheBoundsOfTheirType() {
        DataGenerator generator = DataGenerator.seeded(3);
        for (int i = 0; i < 300; i++) {
            String text = (String) generator.value(LogicalType.text(5));
            assertThat(text.codePointCount(0, text.length())).isLessThanOrEqualTo(5);
            assertThat((byte[]) generator.value(LogicalType.binary(3))).hasSizeLessThanOrEqualTo(3);
            Object decimal = generator.value(LogicalType.decimal(5, 2));
            if (decimal instanceof NativeValue nativeValue) {
                assertThat(nativeValue).isEqualTo(new NativeValue("postgresql", "NaN")); // what numeric(5,2) holds
            } else {
                assertThat(((BigDecimal) decimal).setScale(2).precision()).isLessThanOrEqualTo(5);
            }
        }
        assertThat(valuesOf(generator.edgeValues(LogicalType.text(5)))).allSatisfy(v ->
                assertThat(((String) v).codePointCount(0, ((String) v).length())).isLessThanOrEqualTo(5));
        assertThat(valuesOf(generator.edgeValues(LogicalType.decimal(5, 2))))
                .contains(new BigDecimal("999.99"), new BigDecimal("-999.99"), new BigDecimal("0.01"));
    }

    @Test
    void capabilitiesLeaveOutWhatTheStoreCannotHoldAndCutFractionalSeconds() {
        DataGenerator generator = DataGenerator.seeded(42).within(Capabilities.full()
                .withoutNonFiniteDoubles("no NaN here")
                .withoutNulCharacters("no NUL here")
                .withFractionalSeconds(6, "microseconds"));

        assertThat(valuesOf(generator.edgeValues(LogicalType.float64())))
                .doesNotContain(Double.NaN, Double.POSITIVE_INFINITY).contains(-0.0);
        assertThat(valuesOf(generator.edgeValues(LogicalType.text())))
                .noneSatisfy(v -> assertThat((String) v).contains("\0"));
        assertThat(valuesOf(generator.edgeValues(LogicalType.time()))).contains(LocalTime.of(23, 59, 59, 999_999_000));
        for (int i = 0; i < 100; i++) {
            if (generator.value(LogicalType.time()) instanceof LocalTime time) {
                assertThat(time.getNano() % 1000).isZero();
            }
        }
    }

    @Test
    void edgeValuesCoverWhatOnlySomeStoresHold() {
        DataGenerator generator = DataGenerator.seeded(42);

        assertThat(valuesOf(generator.edgeValues(LogicalType.json()))).contains("null");
        for (LogicalType type : List.of(LogicalType.date(), LogicalType.timestamp(), LogicalType.timestampTz())) {
            assertThat(valuesOf(generator.edgeValues(type))).as("%s", type)
                    .contains(Infinity.POSITIVE, Infinity.NEGATIVE);
        }
        assertThat(valuesOf(generator.edgeValues(LogicalType.date())))
                .contains(new NativeValue("mariadb", "0000-00-00"), new NativeValue("mariadb", "2024-00-15"));
        assertThat(valuesOf(generator.edgeValues(LogicalType.time())))
                .contains(new NativeValue("mariadb", "838:59:59")).doesNotContain(Infinity.POSITIVE);
        assertThat(valuesOf(generator.edgeValues(LogicalType.array(LogicalType.integer()))))
                .anySatisfy(v -> assertThat(v).isInstanceOf(BoundedArray.class))
                .anyMatch(v -> v instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof List);
        assertThat(valuesOf(generator.edgeValues(LogicalType.decimal()))).contains(new NativeValue("postgresql",
                "NaN"), new NativeValue("postgresql", "Infinity"), new NativeValue("postgresql", "-Infinity"));
        assertThat(valuesOf(generator.edgeValues(LogicalType.decimal(5, 2))))
                .contains(new NativeValue("postgresql", "NaN"))
                .doesNotContain(new NativeValue("postgresql", "Infinity")); // numeric(5,2) holds no infinity
        LogicalType interval = LogicalType.nativeType("postgresql", "interval");
        assertThat(valuesOf(DataGenerator.seeded(1).within(Capabilities.full().withNativeType(interval,
                List.of("1 day", "-00:00:01"))).edgeValues(interval))).containsExactly("1 day", "-00:00:01");
    }

    @Test
    void aColumnGetsNativeValuesOnlyOfTheEngineItsNativeTypeNames() {
        DataGenerator generator = DataGenerator.seeded(42);

        assertThat(valuesOf(generator.edgeValues(Column.nullable("d", LogicalType.date()))))
                .noneMatch(v -> v instanceof NativeValue).contains(Infinity.POSITIVE);
        assertThat(valuesOf(generator.edgeValues(new Column("d", LogicalType.date(), true,
                NativeType.of("mariadb", "date"))))).contains(new NativeValue("mariadb", "0000-00-00"));
        assertThat(valuesOf(generator.edgeValues(new Column("d", LogicalType.date(), true,
                NativeType.of("postgresql", "date"))))).noneMatch(v -> v instanceof NativeValue);
        assertThat(valuesOf(generator.edgeValues(new Column("r", LogicalType.decimal(), true,
                NativeType.of("h2", "DECFLOAT"))))).contains(new NativeValue("h2", "NaN"),
                new NativeValue("h2", "Infinity"), new NativeValue("h2", "-Infinity"))
                .doesNotContain(new NativeValue("postgresql", "NaN"));
        assertThat(valuesOf(generator.edgeValues(new Column("r", LogicalType.decimal(10, 2), true,
                NativeType.of("h2", "NUMERIC(10,2)"))))).noneMatch(v -> v instanceof NativeValue);
        Column dates = new Column("ds", LogicalType.array(LogicalType.date()), true, NativeType.of("postgresql",
                "date[]"));
        for (int i = 0; i < 300; i++) {
            assertThat(String.valueOf(generator.value(dates))).doesNotContain("mariadb");
        }
    }

    @Test
    void declaredNativeValuesMustBeNativeValuesOfTheKind() {
        assertThatThrownBy(() -> Capabilities.full().withNativeValues(Kind.DATE,
                List.of(new NativeValue("mariadb", "2024-01-15"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mariadb '2024-01-15'");
        assertThatThrownBy(() -> Capabilities.full().withNativeValues(Kind.TEXT,
                List.of(new NativeValue("mariadb", "x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not TEXT");
    }

    @Test
    void capabilitiesLeaveOutWhatTheStoreRefusesAndDeclareItsOwnNativeValues() {
        DataGenerator generator = DataGenerator.seeded(42).within(Capabilities.full()
                .withoutJsonNull("no JSON null")
                .withoutInfinity("no infinity")
                .withNativeValues(Kind.DATE, List.of(new NativeValue("mariadb", "0000-00-00")))
                .withNativeValues(Kind.DECIMAL, List.of(new NativeValue("h2", "NaN"),
                        new NativeValue("h2", "Infinity")))
                .withoutNativeValues("no others")
                .withoutArrayDimensions("one dimension")
                .withoutArrayLowerBounds("from 1"));

        assertThat(valuesOf(generator.edgeValues(LogicalType.json()))).doesNotContain("null");
        assertThat(valuesOf(generator.edgeValues(LogicalType.date()))).doesNotContain(Infinity.POSITIVE)
                .containsOnlyOnce(new NativeValue("mariadb", "0000-00-00"))
                .doesNotContain(new NativeValue("mariadb", "2024-00-15"));
        assertThat(valuesOf(generator.edgeValues(LogicalType.decimal()))).contains(new NativeValue("h2", "NaN"),
                new NativeValue("h2", "Infinity")).doesNotContain(new NativeValue("postgresql", "NaN"));
        assertThat(valuesOf(generator.edgeValues(LogicalType.decimal(5, 2)))).noneMatch(v -> v instanceof NativeValue);
        assertThat(valuesOf(generator.edgeValues(LogicalType.time()))).noneMatch(v -> v instanceof NativeValue);
        assertThat(valuesOf(generator.edgeValues(LogicalType.array(LogicalType.text()))))
                .allSatisfy(v -> assertThat(v).isInstanceOfSatisfying(List.class,
                        list -> assertThat(list).noneMatch(item -> item instanceof List)));
        for (int i = 0; i < 200; i++) {
            assertThat(generator.value(LogicalType.timestamp())).isNotInstanceOf(Infinity.class);
        }
    }

    @Test
    void rowsHaveDistinctKeys() {
        List<Row> rows = DataGenerator.seeded(9).rows(EVERY_TYPE, 500);

        Set<Key> keys = new HashSet<>();
        rows.forEach(row -> keys.add(EVERY_TYPE.keyOf(row)));
        assertThat(keys).hasSize(500);
    }

    @Test
    void everyGeneratedValueSurvivesAnExportAndImport() {
        InMemoryStore source = InMemoryStore.of(EVERY_TYPE);
        DataGenerator generator = DataGenerator.seeded(11);
        List<Row> rows = new ArrayList<>(generator.rows(EVERY_TYPE, 200));
        long id = 0;
        for (Column column : EVERY_TYPE.columns().subList(1, EVERY_TYPE.columns().size())) {
            for (EdgeValue edge : generator.edgeValues(column)) {
                Object[] values = new Object[EVERY_TYPE.columns().size()];
                values[0] = new java.util.UUID(42, ++id);
                values[EVERY_TYPE.indexOf(column.name())] = edge.value();
                rows.add(Row.of(EVERY_TYPE, values));
            }
        }
        Stores.insert(source, rows);

        RoundTripAssertions.assertRoundTrip(Portability.builder().application("generated"), source,
                () -> InMemoryStore.of(EVERY_TYPE));
    }

    private static List<Object> valuesOf(List<EdgeValue> edges) {
        return edges.stream().map(EdgeValue::value).toList();
    }
}
