package dev.portability.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portability.api.BoundedArray;
import dev.portability.api.Column;
import dev.portability.api.ErrorCode;
import dev.portability.api.ImportOptions;
import dev.portability.api.Infinity;
import dev.portability.api.LogicalType;
import dev.portability.api.NativeType;
import dev.portability.api.NativeValue;
import dev.portability.api.PortabilityException;
import dev.portability.api.Problem;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import dev.portability.api.ValidationReport;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Archive format version 2: the values only it can carry travel exactly (the JSON literal null, JSON text
 * verbatim, infinities, native values of decimals, dates and times as their engine's text in a column of that
 * engine, arrays of several dimensions and with lower bounds, NATIVE columns and each column's native type), the
 * lines hold the documented encodings, malformed encodings are refused naming entry, row and column, and an export
 * refuses a native value its column cannot hold naming table, key and column.
 */
class ArchiveFormat2Test {

    static final TableSchema VALUES = TableSchema.builder("vals")
            .column("id", LogicalType.integer(), false)
            .column(new Column("doc", LogicalType.json(), false, new NativeType("postgresql", "jsonb", null)))
            .column(new Column("day", LogicalType.date(), true, NativeType.of("mariadb", "date")))
            .column(new Column("at", LogicalType.time(), true, NativeType.of("mariadb", "time")))
            .column(new Column("seen", LogicalType.timestamp(), true, NativeType.of("mariadb", "datetime")))
            .column(new Column("stamped", LogicalType.timestampTz(), true, NativeType.of("mariadb", "timestamp")))
            .column("nums", LogicalType.array(LogicalType.integer()), true)
            .column("docs", LogicalType.array(LogicalType.json()), true)
            .column(new Column("span", LogicalType.nativeType("postgresql", "interval"), true,
                    new NativeType("postgresql", "duration", "interval")))
            .column("addrs", LogicalType.array(LogicalType.nativeType("postgresql", "inet")), true)
            .column(new Column("price", LogicalType.decimal(), true, NativeType.of("postgresql", "numeric")))
            .column(new Column("prices", LogicalType.array(LogicalType.decimal(10, 2)), true,
                    NativeType.of("postgresql", "numeric(10,2)[]")))
            .column(new Column("ratio", LogicalType.decimal(), true, NativeType.of("h2", "DECFLOAT")))
            .column("plain", LogicalType.decimal(), true)
            .column(new Column("when", LogicalType.date(), true, NativeType.of("postgresql", "date")))
            .primaryKey("id")
            .build();

    @TempDir
    Path dir;

    private static Object[] row(long id, Object... rest) {
        Object[] values = new Object[VALUES.columns().size()];
        values[0] = id;
        System.arraycopy(rest, 0, values, 1, rest.length);
        return values;
    }

    static List<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(row(1, "null", Infinity.POSITIVE, null, Infinity.NEGATIVE, Infinity.POSITIVE,
                List.of(List.of(1L, 2L), List.of(3L, 4L)), Arrays.asList("null", null, "{\"a\":[1,null]}"),
                "1 year 2 mons -3 days +04:05:06.789", Arrays.asList("192.168.0.1/24", null, "::1"),
                new NativeValue("postgresql", "NaN"),
                Arrays.asList(new NativeValue("postgresql", "NaN"), new BigDecimal("1.50"), null),
                new NativeValue("h2", "-Infinity"), null, null));
        rows.add(row(2, "  {\"b\":1,\"a\":2,\"a\":3, \"e\": 1e400}  ", new NativeValue("mariadb", "0000-00-00"),
                new NativeValue("mariadb", "838:59:59"), new NativeValue("mariadb", "2024-00-15 00:00:00"),
                new NativeValue("mariadb", "0000-00-00 00:00:00"),
                new BoundedArray(List.of(0), List.of(10L, 20L, 30L)),
                List.of(), "00:00:00", List.of(), new NativeValue("postgresql", "-Infinity"), null,
                new NativeValue("h2", "NaN"), null, null));
        rows.add(row(3, "\"text\"", LocalDate.of(2024, 2, 29), LocalTime.of(13, 45), LocalDateTime.of(2024, 1, 1, 0, 0),
                OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(2)),
                new BoundedArray(List.of(-2, 5), List.of(List.of(1L, 2L, 3L), Arrays.asList(4L, null, 6L))),
                null, null, null, new BigDecimal("12.50"), List.of(), new BigDecimal("-1E-30"),
                new BigDecimal("-7"), LocalDate.of(2024, 2, 29)));
        rows.add(row(4, "[]", new NativeValue("mariadb", "2024-02-30"), new NativeValue("mariadb", "-00:00:01.500000"),
                new NativeValue("mariadb", "2020-05-00 10:00:00.500000"), null, Arrays.asList(1L, null), null, null,
                null, new NativeValue("postgresql", "Infinity"), null, new NativeValue("h2", "Infinity"), null,
                null));
        return rows;
    }

    private Path export(List<Object[]> rows) {
        MemoryStore store = new MemoryStore(VALUES);
        store.put("vals", rows.toArray(Object[][]::new));
        Path archive = dir.resolve("values.zip");
        Portability.builder().application("values").store(store).build().export(archive);
        return archive;
    }

    @Test
    void everyValueOnlyFormat2CarriesComesBackExactly() {
        Path archive = export(rows());
        MemoryStore target = new MemoryStore(VALUES);

        Portability.builder().application("values").store(target).build().importArchive(archive,
                ImportOptions.replace());

        Map<Object, Row> imported = target.rows("vals");
        assertThat(imported).hasSize(4);
        for (Object[] expected : rows()) {
            Row row = imported.get(VALUES.keyOf(Row.of(VALUES, expected)));
            assertThat(row).as("row %s", expected[0]).isNotNull();
            assertThat(row.values()).as("row %s", expected[0]).containsExactly(expected);
        }
    }

    @Test
    void theLinesHoldTheDocumentedEncodings() throws Exception {
        Path archive = export(rows());

        String[] lines = new String(Archives.entries(archive).get("tables/0001.jsonl"), StandardCharsets.UTF_8)
                .split("\n");

        assertThat(lines[0]).isEqualTo("{\"id\":1,\"doc\":\"null\",\"day\":\"infinity\",\"at\":null,"
                + "\"seen\":\"-infinity\",\"stamped\":\"infinity\",\"nums\":[[1,2],[3,4]],"
                + "\"docs\":[\"null\",null,\"{\\\"a\\\":[1,null]}\"],"
                + "\"span\":\"1 year 2 mons -3 days +04:05:06.789\",\"addrs\":[\"192.168.0.1/24\",null,\"::1\"],"
                + "\"price\":\"NaN\",\"prices\":[\"NaN\",\"1.50\",null],\"ratio\":\"-Infinity\",\"plain\":null,"
                + "\"when\":null}");
        assertThat(lines[1]).isEqualTo("{\"id\":2,\"doc\":\"  {\\\"b\\\":1,\\\"a\\\":2,\\\"a\\\":3, \\\"e\\\": 1e400}  \","
                + "\"day\":\"0000-00-00\",\"at\":\"838:59:59\",\"seen\":\"2024-00-15 00:00:00\","
                + "\"stamped\":\"0000-00-00 00:00:00\","
                + "\"nums\":{\"lowerBounds\":[0],\"elements\":[10,20,30]},\"docs\":[],\"span\":\"00:00:00\","
                + "\"addrs\":[],\"price\":\"-Infinity\",\"prices\":null,\"ratio\":\"NaN\",\"plain\":null,"
                + "\"when\":null}");
        assertThat(lines[2]).contains("\"nums\":{\"lowerBounds\":[-2,5],\"elements\":[[1,2,3],[4,null,6]]}")
                .contains("\"price\":\"12.50\",\"prices\":[],\"ratio\":\"-0.000000000000000000000000000001\"");
        assertThat(lines[3]).contains("\"day\":\"2024-02-30\",\"at\":\"-00:00:01.500000\","
                + "\"seen\":\"2020-05-00 10:00:00.500000\"").contains("\"price\":\"Infinity\"")
                .contains("\"ratio\":\"Infinity\"");
    }

    @Test
    void theManifestRecordsNativeTypesAndEachColumnsNativeType() throws Exception {
        JsonNode manifest = Archives.manifest(export(rows()));

        JsonNode columns = manifest.get("tables").get(0).get("columns");
        assertThat(manifest.get("formatVersion").asInt()).isEqualTo(2);
        assertThat(columns.get(1).toString()).isEqualTo("{\"name\":\"doc\",\"type\":\"JSON\",\"nullable\":false,"
                + "\"native\":{\"engine\":\"postgresql\",\"type\":\"jsonb\"}}");
        assertThat(columns.get(8).toString()).isEqualTo("{\"name\":\"span\",\"type\":\"NATIVE\","
                + "\"engine\":\"postgresql\",\"nativeType\":\"interval\",\"nullable\":true,"
                + "\"native\":{\"engine\":\"postgresql\",\"type\":\"duration\",\"baseType\":\"interval\"}}");
        assertThat(columns.get(9).get("elementType").toString())
                .isEqualTo("{\"type\":\"NATIVE\",\"engine\":\"postgresql\",\"nativeType\":\"inet\"}");
        assertThat(Portability.builder().application("values").store(new MemoryStore(VALUES)).build()
                .inspect(export(rows())).tables().get(0).schema()).isEqualTo(VALUES);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            doc   | {"a":1}                                   | is not a JSON (format version 2 writes JSON values as a JSON string
            doc   | `"{\\"a\\":"`                             | the text is not JSON
            doc   | `"1 2"`                                   | more than one JSON value
            at    | `"infinity"`                              | is not a TIME
            day   | `"Infinity"`                              | is not a DATE
            day   | {"engine":"mariadb","text":"0000-00-00"}  | an object is not a DATE
            day   | `"0000-13-00"`                            | nor mariadb's text of a value DATE cannot hold (such as 0000-00-00, 2024-00-15)
            day   | `"2024-02-32"`                            | is not a DATE
            day   | `"0000-00-00 00:00:00"`                   | is not a DATE
            when  | `"0000-00-00"`                            | '0000-00-00' is not a DATE (
            at    | `"-00:00:00"`                             | nor mariadb's text of a value TIME cannot hold
            at    | `"024:00:00"`                             | is not a TIME
            at    | `"839:00:00"`                             | is not a TIME
            at    | `"24:00:00.1234567"`                      | is not a TIME
            seen  | `"2024-01-15 10:00:00"`                   | nor mariadb's text of a value TIMESTAMP cannot hold
            seen  | `"0000-00-00T00:00:00"`                   | is not a TIMESTAMP
            stamped | `"0000-00-00 24:00:00"`                 | is not a TIMESTAMP_TZ
            price | `"nan"`                                   | 'nan' is not a DECIMAL, nor postgresql's text of a value DECIMAL cannot hold (such as NaN, Infinity, -Infinity)
            price | `"+Infinity"`                             | is not a DECIMAL
            price | {"engine":"postgresql","text":"NaN"}      | an object is not a DECIMAL
            prices | `["Infinity"]`                           | element 0: 'Infinity' is not a DECIMAL(10,2), nor postgresql's text of a value DECIMAL(10,2) cannot hold (such as NaN)
            ratio | `"0000-00-00"`                            | is not a DECIMAL
            plain | `"NaN"`                                   | 'NaN' is not a DECIMAL
            nums  | [[1,2],[3]]                               | element [1] has 1 elements where the first array of its level has 2
            nums  | [[1,2],3]                                 | element [1] is a value where an array of 2 elements belongs
            nums  | [1,[2]]                                   | element 1 is an array where element 0 is not
            nums  | [[1],null]                                | element [1] is NULL where an array of 1 elements belongs
            nums  | [[]]                                      | empty inner array
            nums  | [[1,"x"]]                                 | element [0][1]: 'x' is not an INTEGER
            nums  | {"lowerBounds":[0,1],"elements":[1,2]}    | the array has 1 dimension(s) but 2 lower bound(s)
            nums  | {"lowerBounds":[0],"elements":[]}         | an empty array has no lower bounds
            nums  | {"lowerBounds":[2147483647],"elements":[1,2]} | beyond a 32-bit index
            nums  | {"lowerBounds":[0.5],"elements":[1]}      | not a 32-bit integer
            nums  | {"elements":[1]}                          | it lacks lowerBounds
            nums  | {"lowerBounds":[0],"elements":[1],"x":1}  | besides lowerBounds and elements
            span  | 42                                        | is not a NATIVE(postgresql interval)
            """)
    void aMalformedEncodingIsRefusedNamingRowAndColumn(String column, String json, String expected) throws Exception {
        Path archive = export(List.<Object[]>of(row(1, "{}", null, null, null, null, null, null, null, null)));
        String original = "\"" + column + "\":" + (column.equals("doc") ? "\"{}\"" : "null");
        Path broken = Archives.withRows(archive, dir.resolve("broken.zip"), "vals", lines -> {
            assertThat(lines.get(0)).contains(original);
            return List.of(lines.get(0).replace(original, "\"" + column + "\":" + json));
        });

        ValidationReport report = Portability.builder().application("values").store(new MemoryStore(VALUES)).build()
                .validate(broken);

        assertThat(report.problems()).extracting(Problem::code).containsExactly(ErrorCode.INVALID_VALUE);
        Problem problem = report.problems().get(0);
        assertThat(problem.column()).isEqualTo(column);
        assertThat(problem.line()).isEqualTo(1L);
        assertThat(problem.message()).contains(expected);
    }

    @ParameterizedTest(name = "{0} = {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            plain  | postgresql | NaN        | only a column whose native type is postgresql's holds it; this column's native type is not known
            ratio  | postgresql | NaN        | this column's native type is h2's
            when   | mariadb    | 0000-00-00 | this column's native type is postgresql's
            price  | postgresql | nan        | the postgresql value 'nan' is not postgresql's text of a value DECIMAL cannot hold (such as NaN, Infinity, -Infinity)
            prices | postgresql | Infinity   | element 0: the postgresql value 'Infinity' is not postgresql's text of a value DECIMAL(10,2) cannot hold (such as NaN)
            ratio  | h2         | 1.5        | is not h2's text of a value DECIMAL cannot hold
            day    | mariadb    | 2024-01-15 | a value of the type itself is passed as its Java value
            at     | mariadb    | -00:00:00  | is not mariadb's text of a value TIME cannot hold
            at     | mariadb    | 12:00:00   | is not mariadb's text of a value TIME cannot hold
            seen   | mariadb    | 2024-01-15 10:00:00 | is not mariadb's text of a value TIMESTAMP cannot hold
            nums   | mariadb    | 0000-00-00 | element 0: the mariadb value '0000-00-00' is not an INTEGER
            """)
    void aNativeValueItsColumnCannotHoldIsRefusedByTheExportNamingTableKeyAndColumn(String column, String engine,
            String text, String expected) {
        Object[] values = row(7, "{}");
        NativeValue value = new NativeValue(engine, text);
        values[VALUES.indexOf(column)] = VALUES.column(column).orElseThrow().type().elementType().isPresent()
                ? List.of(value) : value;
        MemoryStore store = new MemoryStore(VALUES);
        store.put("vals", values);

        assertThatThrownBy(() -> Portability.builder().application("values").store(store).build()
                .export(dir.resolve("x.zip")))
                .isInstanceOfSatisfying(PortabilityException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE);
                    assertThat(e.getMessage()).contains("table vals").contains("key 7").contains("column " + column)
                            .contains(expected).contains("Nothing was exported");
                });
        assertThat(dir.resolve("x.zip")).doesNotExist();
    }

    @Test
    void aFormat2ArchiveOfNativeValuesCannotBeWrittenAsFormat1() {
        // the archive reader of format 1 has no native values: a v1 codec refuses them, whatever the column
        assertThatThrownBy(() -> dev.portability.core.internal.json.ValueCodec.of(
                VALUES.column("price").orElseThrow(), 1).check(new NativeValue("postgresql", "NaN")))
                .hasMessageContaining("cannot be written in archive format version 1");
    }

    @Test
    void jsonTextMayNestDeeperThanTheArchiveButNotWithoutBound() throws Exception {
        String deep = "[".repeat(1000) + "]".repeat(1000);
        Path archive = export(List.<Object[]>of(row(1, deep, null, null, null, null, null, null, null, null)));
        MemoryStore target = new MemoryStore(VALUES);
        Portability host = Portability.builder().application("values").store(target).build();

        host.importArchive(archive, ImportOptions.replace());
        assertThat(target.rows("vals").values().iterator().next().get("doc")).isEqualTo(deep);

        String hostile = "[".repeat(200_000) + "]".repeat(200_000);
        Path broken = Archives.withRows(archive, dir.resolve("deep.zip"), "vals",
                lines -> List.of(lines.get(0).replace(deep, hostile)));
        ValidationReport report = host.validate(broken);
        assertThat(report.problems()).extracting(Problem::code).containsExactly(ErrorCode.INVALID_VALUE);
        assertThat(report.problems().get(0).message()).contains("the text is not JSON").contains("100000");
    }

    @Test
    void aJaggedArrayFromAnAdapterIsRefusedAtExportNamingTableKeyAndColumn() {
        MemoryStore store = new MemoryStore(VALUES);
        store.put("vals", row(7, "{}", null, null, null, null, List.of(List.of(1L), List.of(2L, 3L)), null, null,
                null));

        assertThatThrownBy(() -> Portability.builder().application("values").store(store).build()
                .export(dir.resolve("x.zip")))
                .isInstanceOfSatisfying(PortabilityException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE);
                    assertThat(e.getMessage()).contains("table vals").contains("key 7").contains("column nums")
                            .contains("rectangular");
                });
        assertThat(dir.resolve("x.zip")).doesNotExist();
    }

    @Test
    void anArrayWhoseBoundsAreAllOneIsAPlainList() {
        MemoryStore store = new MemoryStore(VALUES);
        store.put("vals", row(1, "{}", null, null, null, null, new BoundedArray(List.of(1, 1),
                List.of(List.of(1L), List.of(2L))), null, null, null));
        Path archive = dir.resolve("one.zip");
        Portability.builder().application("values").store(store).build().export(archive);
        MemoryStore target = new MemoryStore(VALUES);

        Portability.builder().application("values").store(target).build().importArchive(archive,
                ImportOptions.replace());

        assertThat(target.rows("vals").values().iterator().next().get("nums"))
                .isEqualTo(List.of(List.of(1L), List.of(2L)));
    }
}
