package dev.portability.jdbc;

import static dev.portability.api.LogicalType.array;
import static dev.portability.api.LogicalType.binary;
import static dev.portability.api.LogicalType.bool;
import static dev.portability.api.LogicalType.date;
import static dev.portability.api.LogicalType.decimal;
import static dev.portability.api.LogicalType.float64;
import static dev.portability.api.LogicalType.integer;
import static dev.portability.api.LogicalType.json;
import static dev.portability.api.LogicalType.nativeType;
import static dev.portability.api.LogicalType.text;
import static dev.portability.api.LogicalType.time;
import static dev.portability.api.LogicalType.timestamp;
import static dev.portability.api.LogicalType.timestampTz;
import static dev.portability.api.LogicalType.uuid;

import dev.portability.api.LogicalType;
import dev.portability.api.NativeValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Every type each dialect maps, as a table {@code types} of one column per type: the DDL, the logical type
 * discovery must report, and {@value #ROWS} rows of edge values written as SQL literals of that database (so the
 * data does not pass through the adapters under test), each with the canonical Java value the adapters must read.
 * A further row holds NULL in every column, and two more hold 10 MB of text and 10 MB of bytes. This is what
 * {@code docs/jdbc-types.md} documents.
 */
final class TypeCatalog {

    /** Rows of edge values per column (row ids 1 to ROWS). */
    static final int ROWS = 5;

    /** The row id of the all-NULL row. */
    static final int NULL_ROW = ROWS + 1;

    /** The row ids of the 10 MB text and the 10 MB binary value. */
    static final int BIG_TEXT_ROW = ROWS + 2;
    static final int BIG_BINARY_ROW = ROWS + 3;

    /** 10 MiB of characters, mostly ASCII with some multi-byte ones (about 11 MB of UTF-8). */
    static final String BIG_TEXT = "Lorem ipsum dolor sit amet, Grüße 🌍 ".repeat(10 * 1024 * 1024 / 36 + 1)
            .substring(0, 10 * 1024 * 1024);

    /** 10 MiB of bytes, every value 0 to 255. */
    static final byte[] BIG_BINARY = bigBinary();

    private static byte[] bigBinary() {
        byte[] bytes = new byte[10 * 1024 * 1024];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31 + i / 256);
        }
        return bytes;
    }

    /**
     * One column of the table.
     *
     * @param name the column name
     * @param ddl its SQL type
     * @param type the logical type discovery reports
     * @param literals ROWS SQL literals
     * @param values the ROWS canonical values the literals stand for
     */
    record Col(String name, String ddl, LogicalType type, List<String> literals, List<Object> values) {
        Col {
            if (literals.size() != ROWS || values.size() != ROWS) {
                throw new IllegalArgumentException(name + ": give " + ROWS + " literals and values");
            }
        }
    }

    /**
     * A dialect's catalogue.
     *
     * @param setup statements run before the table is created (types, session settings)
     * @param columns the columns
     * @param bigText the column that receives {@link #BIG_TEXT}
     * @param bigBinary the column that receives {@link #BIG_BINARY}
     */
    record Fixture(List<String> setup, List<Col> columns, String bigText, String bigBinary) {

        List<String> ddl() {
            List<String> ddl = new ArrayList<>(setup);
            StringBuilder create = new StringBuilder("CREATE TABLE types (id INTEGER PRIMARY KEY");
            for (Col column : columns) {
                create.append(", ").append(column.name()).append(' ').append(column.ddl());
            }
            ddl.add(create.append(')').toString());
            return ddl;
        }

        List<String> inserts() {
            List<String> inserts = new ArrayList<>();
            for (int row = 0; row < ROWS; row++) {
                StringBuilder insert = new StringBuilder("INSERT INTO types VALUES (" + (row + 1));
                for (Col column : columns) {
                    insert.append(", ").append(column.literals().get(row));
                }
                inserts.add(insert.append(')').toString());
            }
            inserts.add("INSERT INTO types (id) VALUES (" + NULL_ROW + ")");
            return inserts;
        }

        /** @return the same catalogue without its ARRAY columns */
        Fixture withoutArrays() {
            return new Fixture(setup, columns.stream()
                    .filter(c -> c.type().kind() != LogicalType.Kind.ARRAY).toList(), bigText, bigBinary);
        }

        /** @return the expected canonical rows, id first, in id order, without the two big rows */
        List<Object[]> expected() {
            List<Object[]> rows = new ArrayList<>();
            for (int row = 0; row <= ROWS; row++) {
                Object[] values = new Object[columns.size() + 1];
                values[0] = (long) row + 1;
                for (int c = 0; c < columns.size(); c++) {
                    values[c + 1] = row < ROWS ? columns.get(c).values().get(row) : null;
                }
                rows.add(values);
            }
            return rows;
        }
    }

    private TypeCatalog() {
    }

    static Fixture of(TestDatabase.Kind kind) {
        return switch (kind) {
            case POSTGRESQL -> postgres();
            case MARIADB -> mariadb();
            case H2 -> h2();
        };
    }

    private static List<String> lits(String... literals) {
        return List.of(literals);
    }

    private static List<Object> vals(Object... values) {
        return Arrays.asList(values);
    }

    private static BigDecimal dec(String text) {
        return new BigDecimal(text);
    }

    private static OffsetDateTime utc(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atOffset(ZoneOffset.UTC);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static List<Object> list(Object... elements) {
        return java.util.Collections.unmodifiableList(Arrays.asList(elements));
    }

    /** @return PostgreSQL's native value of a numeric that has no BigDecimal value */
    private static NativeValue postgresql(String text) {
        return new NativeValue("postgresql", text);
    }

    /** @return H2's native value of a DECFLOAT that has no BigDecimal value */
    private static NativeValue h2(String text) {
        return new NativeValue("h2", text);
    }

    /** @return MariaDB's native value of a date or time that has no java.time value */
    private static NativeValue mariadb(String text) {
        return new NativeValue("mariadb", text);
    }

    /** @return the 64 bits of a hex number, as MariaDB's BIT(64) text */
    private static String bits(String hex) {
        String binary = new java.math.BigInteger(hex, 16).toString(2);
        return "0".repeat(64 - binary.length()) + binary;
    }

    private static final String UUID_MAX = "ffffffff-ffff-ffff-ffff-ffffffffffff";
    private static final String UUID_ZERO = "00000000-0000-0000-0000-000000000000";
    private static final String UUID_SOME = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";

    static Fixture postgres() {
        List<Col> c = new ArrayList<>();
        c.add(new Col("c_int2", "smallint", integer(),
                lits("-32768", "32767", "0", "-1", "1"),
                vals(-32768L, 32767L, 0L, -1L, 1L)));
        c.add(new Col("c_int4", "integer", integer(),
                lits("-2147483648", "2147483647", "0", "-1", "1"),
                vals(-2147483648L, 2147483647L, 0L, -1L, 1L)));
        c.add(new Col("c_int8", "bigint", integer(),
                lits("-9223372036854775808", "9223372036854775807", "0", "-1", "1"),
                vals(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, 1L)));
        c.add(new Col("c_num", "numeric(38,10)", decimal(38, 10),
                lits("-9999999999999999999999999999.9999999999", "9999999999999999999999999999.9999999999",
                        "0.0000000001", "0", "-12.5"),
                vals(dec("-9999999999999999999999999999.9999999999"), dec("9999999999999999999999999999.9999999999"),
                        dec("0.0000000001"), dec("0.0000000000"), dec("-12.5000000000"))));
        c.add(new Col("c_num_free", "numeric", decimal(),
                lits("123456789012345678901234567890.123456789012345678901234567890",
                        "-0.000000000000000000000000000001", "1E+20", "0.10", "-7"),
                vals(dec("123456789012345678901234567890.123456789012345678901234567890"),
                        dec("-0.000000000000000000000000000001"), dec("100000000000000000000"), dec("0.10"),
                        dec("-7"))));
        c.add(new Col("c_num_neg", "numeric(5,-2)", decimal(5, -2),
                lits("12300", "-9999900", "0", "100", "9999900"),
                vals(dec("12300"), dec("-9999900"), dec("0"), dec("100"), dec("9999900"))));
        // numeric's NaN and infinities have no DECIMAL value: native values of their text, as pg_dump carries them;
        // a numeric(p,s) holds NaN but no infinity
        c.add(new Col("c_num_special", "numeric", decimal(),
                lits("'NaN'", "'Infinity'", "'-Infinity'", "1.5", "'NaN'"),
                vals(postgresql("NaN"), postgresql("Infinity"), postgresql("-Infinity"), dec("1.5"),
                        postgresql("NaN"))));
        c.add(new Col("c_num_nan", "numeric(12,2)", decimal(12, 2),
                lits("'NaN'", "0.01", "'NaN'", "-9999999999.99", "NULL"),
                vals(postgresql("NaN"), dec("0.01"), postgresql("NaN"), dec("-9999999999.99"), null)));
        c.add(new Col("c_real", "real", float64(),
                lits("'-Infinity'", "'3.4028235e38'", "'1.1'", "'NaN'", "'1.4e-45'"),
                vals(Double.NEGATIVE_INFINITY, (double) Float.MAX_VALUE, (double) 1.1f, Double.NaN,
                        (double) Float.MIN_VALUE)));
        c.add(new Col("c_double", "double precision", float64(),
                lits("'-0'", "'NaN'", "'Infinity'", "'-Infinity'", "'1.7976931348623157e308'"),
                vals(-0.0d, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE)));
        c.add(new Col("c_double_tiny", "float8", float64(),
                lits("'4.9e-324'", "'-2.2250738585072014e-308'", "'0.1'", "'1e300'", "'-1.5'"),
                vals(Double.MIN_VALUE, -Double.MIN_NORMAL, 0.1, 1e300, -1.5)));
        c.add(new Col("c_char", "char(5)", text(5),
                lits("'ab'", "'äöü€x'", "''", "'a b  '", "'🌍'"),
                vals("ab   ", "äöü€x", "     ", "a b  ", "🌍    ")));
        c.add(new Col("c_varchar", "varchar(10)", text(10),
                lits("''", "'Zoë 🌍'", "'a''b\"c\\d'", "' lead'", "'NULL'"),
                vals("", "Zoë 🌍", "a'b\"c\\d", " lead", "NULL")));
        c.add(new Col("c_text", "text", text(),
                lits("E'line1\\nline2\\ttab\\r'", "'日本語 🌍'", "''", "'trailing  '", "E'\\u00e9\\u0301'"),
                vals("line1\nline2\ttab\r", "日本語 🌍", "", "trailing  ", "é\u0301")));
        c.add(new Col("c_bytea", "bytea", binary(),
                lits("'\\x'", "'\\x00ff10'", "'\\x00'", "'\\xdeadbeef'", "'\\x0a0d'"),
                vals(bytes(), bytes(0, 255, 16), bytes(0), bytes(0xde, 0xad, 0xbe, 0xef), bytes(10, 13))));
        c.add(new Col("c_bool", "boolean", bool(),
                lits("true", "false", "true", "false", "true"),
                vals(true, false, true, false, true)));
        c.add(new Col("c_bit", "bit(1)", bool(),
                lits("B'1'", "B'0'", "B'1'", "B'0'", "B'1'"),
                vals(true, false, true, false, true)));
        c.add(new Col("c_date", "date", date(),
                lits("'0001-01-01'", "'9999-12-31'", "'2024-02-29'", "'0044-03-15 BC'", "'4713-01-01 BC'"),
                vals(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31), LocalDate.of(2024, 2, 29),
                        LocalDate.of(-43, 3, 15), LocalDate.of(-4712, 1, 1))));
        c.add(new Col("c_time", "time(6)", time(),
                lits("'00:00:00'", "'23:59:59.999999'", "'12:34:56.789'", "'24:00:00'", "'00:00:00.000001'"),
                vals(LocalTime.MIDNIGHT, LocalTime.of(23, 59, 59, 999_999_000), LocalTime.of(12, 34, 56, 789_000_000),
                        LocalTime.MAX, LocalTime.of(0, 0, 0, 1000))));
        c.add(new Col("c_ts", "timestamp(6)", timestamp(),
                lits("'0001-01-01 00:00:00'", "'9999-12-31 23:59:59.999999'", "'2024-03-31 02:30:00'",
                        "'0044-03-15 12:00:00 BC'", "'1970-01-01 00:00:00.5'"),
                vals(LocalDateTime.of(1, 1, 1, 0, 0), LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000),
                        LocalDateTime.of(2024, 3, 31, 2, 30), LocalDateTime.of(-43, 3, 15, 12, 0),
                        LocalDateTime.of(1970, 1, 1, 0, 0, 0, 500_000_000))));
        c.add(new Col("c_tstz", "timestamptz", timestampTz(),
                lits("'2024-01-01 10:00:00.123456+05:30'", "'0001-01-01 00:00:00+00'",
                        "'9999-12-31 23:59:59.999999+00'", "'1970-01-01 00:00:00-08:00'",
                        "'2024-10-27 02:30:00+02'"),
                vals(utc("2024-01-01T04:30:00.123456"), utc("0001-01-01T00:00"), utc("9999-12-31T23:59:59.999999"),
                        utc("1970-01-01T08:00"), utc("2024-10-27T00:30"))));
        c.add(new Col("c_uuid", "uuid", uuid(),
                lits("'" + UUID_ZERO + "'", "'" + UUID_MAX + "'", "'" + UUID_SOME + "'", "'" + UUID_SOME.toUpperCase()
                        + "'", "'" + UUID_ZERO.replace('0', '1') + "'"),
                vals(UUID.fromString(UUID_ZERO), UUID.fromString(UUID_MAX), UUID.fromString(UUID_SOME),
                        UUID.fromString(UUID_SOME), UUID.fromString(UUID_ZERO.replace('0', '1')))));
        c.add(new Col("c_json", "json", json(),
                lits("'{\"b\":1,\"a\":[1,2.5,null,\"x\"]}'", "'[]'", "'\"text\"'", "'42'", "'{\"ü\":\"日本\"}'"),
                vals("{\"b\":1,\"a\":[1,2.5,null,\"x\"]}", "[]", "\"text\"", "42", "{\"ü\":\"日本\"}")));
        c.add(new Col("c_jsonb", "jsonb", json(),
                lits("'{\"b\":{\"c\":[true,false]},\"a\":\"x\"}'", "'[1,\"2\",null]'", "'true'", "'-0.5'",
                        "'{\"\\u00fc\": \"日本\"}'"),
                vals("{\"a\":\"x\",\"b\":{\"c\":[true,false]}}", "[1,\"2\",null]", "true", "-0.5",
                        "{\"ü\":\"日本\"}")));
        c.add(new Col("c_enum", "mood", text(),
                lits("'sad'", "'happy'", "'ok'", "'sad'", "'with \"quote'"),
                vals("sad", "happy", "ok", "sad", "with \"quote")));
        c.add(new Col("c_int_arr", "integer[]", array(integer()),
                lits("'{}'", "'{1,NULL,-2147483648}'", "'{2147483647}'", "'{NULL}'", "'{0,0}'"),
                vals(list(), list(1L, null, -2147483648L), list(2147483647L), list((Object) null), list(0L, 0L))));
        c.add(new Col("c_text_arr", "text[]", array(text()),
                lits("'{\"a,b\",\"with \\\"quote\\\"\",\"back\\\\slash\",NULL,\"\"}'", "'{NULL}'", "'{\"NULL\"}'",
                        "'{\"{braces}\",\" \"}'", "'{}'"),
                vals(list("a,b", "with \"quote\"", "back\\slash", null, ""), list((Object) null), list("NULL"),
                        list("{braces}", " "), list())));
        c.add(new Col("c_num_arr", "numeric(10,2)[]", array(decimal(10, 2)),
                lits("'{1.50,-0.01}'", "'{NULL}'", "'{99999999.99,NaN}'", "'{}'", "'{0}'"),
                vals(list(dec("1.50"), dec("-0.01")), list((Object) null), list(dec("99999999.99"),
                        postgresql("NaN")), list(), list(dec("0.00")))));
        c.add(new Col("c_num_free_arr", "numeric[]", array(decimal()),
                lits("'{NaN,Infinity,-Infinity}'", "'{NULL,1E+3}'", "'{}'", "'{-Infinity}'", "'{0.10}'"),
                vals(list(postgresql("NaN"), postgresql("Infinity"), postgresql("-Infinity")),
                        list(null, dec("1000")), list(), list(postgresql("-Infinity")), list(dec("0.10")))));
        c.add(new Col("c_float_arr", "float8[]", array(float64()),
                lits("'{NaN,-Infinity,-0}'", "'{Infinity}'", "'{0.1,NULL}'", "'{1.7976931348623157e308}'", "'{}'"),
                vals(list(Double.NaN, Double.NEGATIVE_INFINITY, -0.0d), list(Double.POSITIVE_INFINITY),
                        list(0.1, null), list(Double.MAX_VALUE), list())));
        c.add(new Col("c_real_arr", "real[]", array(float64()),
                lits("'{1.1}'", "'{-3.4028235e38}'", "'{}'", "'{NaN}'", "'{NULL}'"),
                vals(list((double) 1.1f), list((double) -Float.MAX_VALUE), list(), list(Double.NaN),
                        list((Object) null))));
        c.add(new Col("c_bool_arr", "boolean[]", array(bool()),
                lits("'{t,f,NULL}'", "'{}'", "'{true}'", "'{false}'", "'{NULL}'"),
                vals(list(true, false, null), list(), list(true), list(false), list((Object) null))));
        c.add(new Col("c_bytea_arr", "bytea[]", array(binary()),
                lits("'{\"\\\\x00ff\",NULL}'", "'{\"\\\\x\"}'", "'{}'", "'{\"\\\\x5c22\"}'", "'{NULL}'"),
                vals(list(bytes(0, 255), null), list((Object) bytes()), list(), list((Object) bytes(0x5c, 0x22)),
                        list((Object) null))));
        c.add(new Col("c_date_arr", "date[]", array(date()),
                lits("'{\"0044-03-15 BC\",2024-02-29}'", "'{9999-12-31}'", "'{}'", "'{NULL}'", "'{0001-01-01}'"),
                vals(list(LocalDate.of(-43, 3, 15), LocalDate.of(2024, 2, 29)), list(LocalDate.of(9999, 12, 31)),
                        list(), list((Object) null), list(LocalDate.of(1, 1, 1)))));
        c.add(new Col("c_time_arr", "time[]", array(time()),
                lits("'{13:45:30.123456,24:00:00}'", "'{}'", "'{00:00:00}'", "'{NULL}'", "'{23:59:59.999999}'"),
                vals(list(LocalTime.of(13, 45, 30, 123_456_000), LocalTime.MAX), list(), list(LocalTime.MIDNIGHT),
                        list((Object) null), list(LocalTime.of(23, 59, 59, 999_999_000)))));
        c.add(new Col("c_ts_arr", "timestamp[]", array(timestamp()),
                lits("'{\"2024-03-31 02:30:00\",\"0044-03-15 10:00:00 BC\"}'", "'{}'", "'{NULL}'",
                        "'{\"9999-12-31 23:59:59.999999\"}'", "'{\"1970-01-01 00:00:00\"}'"),
                vals(list(LocalDateTime.of(2024, 3, 31, 2, 30), LocalDateTime.of(-43, 3, 15, 10, 0)), list(),
                        list((Object) null), list(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000)),
                        list(LocalDateTime.of(1970, 1, 1, 0, 0)))));
        c.add(new Col("c_tstz_arr", "timestamptz[]", array(timestampTz()),
                lits("'{\"2024-01-01 10:00:00.5+05:30\",NULL}'", "'{}'", "'{\"0044-03-15 10:00:00+00 BC\"}'",
                        "'{\"1970-01-01 00:00:00+00\"}'", "'{NULL}'"),
                vals(list(utc("2024-01-01T04:30:00.5"), null), list(), list(utc("-0043-03-15T10:00")),
                        list(utc("1970-01-01T00:00")), list((Object) null))));
        c.add(new Col("c_uuid_arr", "uuid[]", array(uuid()),
                lits("'{" + UUID_SOME + ",NULL}'", "'{}'", "'{" + UUID_MAX + "}'", "'{NULL}'", "'{" + UUID_ZERO + "}'"),
                vals(list(UUID.fromString(UUID_SOME), null), list(), list(UUID.fromString(UUID_MAX)),
                        list((Object) null), list(UUID.fromString(UUID_ZERO)))));
        c.add(new Col("c_jsonb_arr", "jsonb[]", array(json()),
                lits("ARRAY['{\"a\":1}'::jsonb, NULL]", "'{}'", "ARRAY['[1,2]'::jsonb]", "'{NULL}'",
                        "ARRAY['\"s\"'::jsonb]"),
                vals(list("{\"a\":1}", null), list(), list("[1,2]"), list((Object) null), list("\"s\""))));
        c.add(new Col("c_enum_arr", "mood[]", array(text()),
                lits("'{sad,ok}'", "'{}'", "'{NULL,happy}'", "'{\"with \\\"quote\"}'", "'{happy}'"),
                vals(list("sad", "ok"), list(), list(null, "happy"), list("with \"quote"), list("happy"))));
        c.add(new Col("c_big_text", "text", text(), lits("''", "'x'", "NULL", "NULL", "NULL"),
                vals("", "x", null, null, null)));
        c.add(new Col("c_big_bytes", "bytea", binary(), lits("'\\x'", "'\\x01'", "NULL", "NULL", "NULL"),
                vals(bytes(), bytes(1), null, null, null)));
        return new Fixture(List.of("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy', 'with \"quote')"), c,
                "c_big_text", "c_big_bytes");
    }

    static Fixture mariadb() {
        List<Col> c = new ArrayList<>();
        c.add(new Col("c_tinyint", "TINYINT", integer(),
                lits("-128", "127", "0", "-1", "1"), vals(-128L, 127L, 0L, -1L, 1L)));
        c.add(new Col("c_tinyint_u", "TINYINT UNSIGNED", integer(),
                lits("0", "255", "1", "128", "7"), vals(0L, 255L, 1L, 128L, 7L)));
        c.add(new Col("c_smallint", "SMALLINT", integer(),
                lits("-32768", "32767", "0", "-1", "1"), vals(-32768L, 32767L, 0L, -1L, 1L)));
        c.add(new Col("c_mediumint", "MEDIUMINT", integer(),
                lits("-8388608", "8388607", "0", "-1", "1"), vals(-8388608L, 8388607L, 0L, -1L, 1L)));
        c.add(new Col("c_int", "INT", integer(),
                lits("-2147483648", "2147483647", "0", "-1", "1"), vals(-2147483648L, 2147483647L, 0L, -1L, 1L)));
        c.add(new Col("c_int_u", "INT UNSIGNED", integer(),
                lits("0", "4294967295", "1", "2147483648", "7"), vals(0L, 4294967295L, 1L, 2147483648L, 7L)));
        c.add(new Col("c_bigint", "BIGINT", integer(),
                lits("-9223372036854775808", "9223372036854775807", "0", "-1", "1"),
                vals(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, 1L)));
        c.add(new Col("c_bigint_u", "BIGINT UNSIGNED", decimal(20, 0),
                lits("0", "18446744073709551615", "9223372036854775808", "1", "42"),
                vals(dec("0"), dec("18446744073709551615"), dec("9223372036854775808"), dec("1"), dec("42"))));
        c.add(new Col("c_dec", "DECIMAL(38,10)", decimal(38, 10),
                lits("-9999999999999999999999999999.9999999999", "9999999999999999999999999999.9999999999",
                        "0.0000000001", "0", "-12.5"),
                vals(dec("-9999999999999999999999999999.9999999999"), dec("9999999999999999999999999999.9999999999"),
                        dec("0.0000000001"), dec("0.0000000000"), dec("-12.5000000000"))));
        c.add(new Col("c_dec65", "DECIMAL(65,30)", decimal(65, 30),
                lits("99999999999999999999999999999999999.999999999999999999999999999999", "-1", "0.5", "0", "1e-30"),
                vals(dec("99999999999999999999999999999999999.999999999999999999999999999999"),
                        dec("-1.000000000000000000000000000000"), dec("0.500000000000000000000000000000"),
                        dec("0.000000000000000000000000000000"), dec("0.000000000000000000000000000001"))));
        c.add(new Col("c_float", "FLOAT", float64(),
                lits("3.402823466e38", "-1.17549435e-38", "1.1", "0", "-2.5"),
                vals((double) Float.MAX_VALUE, (double) -Float.MIN_NORMAL, (double) 1.1f, 0.0, -2.5)));
        c.add(new Col("c_double", "DOUBLE", float64(),
                lits("1.7976931348623157e308", "-2.2250738585072014e-308", "0.1", "0", "-1.5"),
                vals(Double.MAX_VALUE, -Double.MIN_NORMAL, 0.1, 0.0, -1.5)));
        // BOOLEAN is TINYINT(1) in MariaDB: an integer from -128 to 127, whatever the driver's tinyInt1isBit says
        c.add(new Col("c_bool", "BOOLEAN", integer(),
                lits("TRUE", "FALSE", "1", "0", "TRUE"), vals(1L, 0L, 1L, 0L, 1L)));
        c.add(new Col("c_tinyint1", "TINYINT(1)", integer(),
                lits("4", "-128", "127", "0", "1"), vals(4L, -128L, 127L, 0L, 1L)));
        c.add(new Col("c_int_zerofill", "INT(5) UNSIGNED ZEROFILL", integer(),
                lits("42", "0", "4294967295", "99999", "100000"), vals(42L, 0L, 4294967295L, 99999L, 100000L)));
        c.add(new Col("c_bit", "BIT(1)", bool(),
                lits("b'1'", "b'0'", "b'1'", "b'0'", "b'1'"), vals(true, false, true, false, true)));
        c.add(new Col("c_bit5", "BIT(5)", nativeType("mariadb", "bit"),
                lits("b'10101'", "b'0'", "b'11111'", "b'1'", "b'01000'"),
                vals("10101", "00000", "11111", "00001", "01000")));
        c.add(new Col("c_bit64", "BIT(64)", nativeType("mariadb", "bit"),
                lits("x'FFFFFFFFFFFFFFFF'", "0", "x'8000000000000000'", "1", "x'0123456789ABCDEF'"),
                vals("1".repeat(64), "0".repeat(64), "1" + "0".repeat(63), "0".repeat(63) + "1",
                        bits("0123456789ABCDEF"))));
        c.add(new Col("c_inet4", "INET4", nativeType("mariadb", "inet4"),
                lits("'192.168.0.1'", "'0.0.0.0'", "'255.255.255.255'", "'10.0.0.1'", "'127.0.0.1'"),
                vals("192.168.0.1", "0.0.0.0", "255.255.255.255", "10.0.0.1", "127.0.0.1")));
        c.add(new Col("c_inet6", "INET6", nativeType("mariadb", "inet6"),
                lits("'2001:db8::1'", "'::'", "'::ffff:192.0.2.1'", "'FFFF:ffff:ffff:ffff:ffff:ffff:ffff:ffff'",
                        "'fe80:0:0:0:0:0:0:1'"),
                vals("2001:db8::1", "::", "::ffff:192.0.2.1", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "fe80::1")));
        // the internal form: SRID (4 bytes, little-endian), then WKB (here little-endian, as MariaDB writes it)
        c.add(new Col("c_geometry", "GEOMETRY", nativeType("mariadb", "geometry"),
                lits("ST_GeomFromText('POINT(1.1 2.2)', 4326)", "ST_GeomFromText('LINESTRING(0 0, 1e300 -0.1)')",
                        "ST_GeomFromText('POLYGON((0 0, 4 0, 4 4, 0 0))', 3857)",
                        "ST_GeomFromText('MULTIPOINT(1 2, 3 4)')", "ST_GeomFromText('GEOMETRYCOLLECTION(POINT(5 6))')"),
                vals(Wkb.le(4326).point(1.1, 2.2).hex(), Wkb.le(0).lineString(0, 0, 1e300, -0.1).hex(),
                        Wkb.le(3857).polygon(0, 0, 4, 0, 4, 4, 0, 0).hex(),
                        Wkb.le(0).multiPoint(1, 2, 3, 4).hex(), Wkb.le(0).collectionOfPoint(5, 6).hex())));
        c.add(new Col("c_point", "POINT", nativeType("mariadb", "geometry"),
                lits("POINT(0.1, 1e300)", "ST_GeomFromText('POINT(-180 -90)', 4326)", "POINT(0, 0)",
                        "POINT(-0.000001, 123456.789)", "ST_GeomFromText('POINT(1 2)', 0)"),
                vals(Wkb.le(0).point(0.1, 1e300).hex(), Wkb.le(4326).point(-180, -90).hex(),
                        Wkb.le(0).point(0, 0).hex(), Wkb.le(0).point(-0.000001, 123456.789).hex(),
                        Wkb.le(0).point(1, 2).hex())));
        c.add(new Col("c_char", "CHAR(5)", text(5),
                lits("'ab'", "'äöü€x'", "''", "'a b'", "'🌍'"), vals("ab", "äöü€x", "", "a b", "🌍")));
        c.add(new Col("c_varchar", "VARCHAR(10)", text(10),
                lits("''", "'Zoë 🌍'", "'a''b\"c\\\\d'", "' lead'", "'trail  '"),
                vals("", "Zoë 🌍", "a'b\"c\\d", " lead", "trail  ")));
        c.add(new Col("c_text", "TEXT", text(),
                lits("'line1\\nline2\\ttab\\r'", "'日本語 🌍'", "''", "'NULL'", "'e\\0nul'"),
                vals("line1\nline2\ttab\r", "日本語 🌍", "", "NULL", "e\0nul")));
        c.add(new Col("c_binary", "BINARY(4)", binary(4),
                lits("X'0102'", "X'FFFFFFFF'", "X''", "X'00'", "X'0A0D0000'"),
                vals(bytes(1, 2, 0, 0), bytes(255, 255, 255, 255), bytes(0, 0, 0, 0), bytes(0, 0, 0, 0),
                        bytes(10, 13, 0, 0))));
        c.add(new Col("c_varbinary", "VARBINARY(10)", binary(10),
                lits("X''", "X'00FF10'", "X'00'", "X'DEADBEEF'", "X'5C27'"),
                vals(bytes(), bytes(0, 255, 16), bytes(0), bytes(0xde, 0xad, 0xbe, 0xef), bytes(0x5c, 0x27))));
        c.add(new Col("c_date", "DATE", date(),
                lits("'1000-01-01'", "'9999-12-31'", "'2024-02-29'", "'0001-01-01'", "'1970-01-01'"),
                vals(LocalDate.of(1000, 1, 1), LocalDate.of(9999, 12, 31), LocalDate.of(2024, 2, 29),
                        LocalDate.of(1, 1, 1), LocalDate.of(1970, 1, 1))));
        c.add(new Col("c_time", "TIME(6)", time(),
                lits("'00:00:00'", "'23:59:59.999999'", "'12:34:56.789'", "'00:00:00.000001'", "'13:00'"),
                vals(LocalTime.MIDNIGHT, LocalTime.of(23, 59, 59, 999_999_000), LocalTime.of(12, 34, 56, 789_000_000),
                        LocalTime.of(0, 0, 0, 1000), LocalTime.of(13, 0))));
        c.add(new Col("c_datetime", "DATETIME(6)", timestamp(),
                lits("'1000-01-01 00:00:00'", "'9999-12-31 23:59:59.999999'", "'2024-03-31 02:30:00'",
                        "'0001-01-01 00:00:00'", "'1970-01-01 00:00:00.5'"),
                vals(LocalDateTime.of(1000, 1, 1, 0, 0), LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000),
                        LocalDateTime.of(2024, 3, 31, 2, 30), LocalDateTime.of(1, 1, 1, 0, 0),
                        LocalDateTime.of(1970, 1, 1, 0, 0, 0, 500_000_000))));
        // beyond a day and negative: MariaDB's TIME is an elapsed time from -838:59:59.999999 to 838:59:59.999999
        c.add(new Col("c_time_wide", "TIME(6)", time(),
                lits("'838:59:59.999999'", "'-838:59:59.999999'", "'24:00:00'", "'-00:00:01.5'", "'100:00:00'"),
                vals(mariadb("838:59:59.999999"), mariadb("-838:59:59.999999"), mariadb("24:00:00.000000"),
                        mariadb("-00:00:01.500000"), mariadb("100:00:00.000000"))));
        // zero and zero-in-part dates, stored under the fixture's sql_mode '' and kept exactly, never NULL
        c.add(new Col("c_date_zero", "DATE", date(),
                lits("'0000-00-00'", "'2024-00-15'", "'2024-05-00'", "'0000-01-01'", "'2024-02-29'"),
                vals(mariadb("0000-00-00"), mariadb("2024-00-15"), mariadb("2024-05-00"), LocalDate.of(0, 1, 1),
                        LocalDate.of(2024, 2, 29))));
        c.add(new Col("c_datetime_zero", "DATETIME", timestamp(),
                lits("'0000-00-00 00:00:00'", "'2020-05-00 10:00:00'", "'2020-00-15 23:59:59'",
                        "'0000-00-00 12:00:00'", "'2024-02-29 12:00:00'"),
                vals(mariadb("0000-00-00 00:00:00"), mariadb("2020-05-00 10:00:00"), mariadb("2020-00-15 23:59:59"),
                        mariadb("0000-00-00 12:00:00"), LocalDateTime.of(2024, 2, 29, 12, 0))));
        c.add(new Col("c_datetime6_zero", "DATETIME(6)", timestamp(),
                lits("'0000-00-00 00:00:00'", "'2020-05-00 10:00:00.5'", "NULL", "'1970-01-01 00:00:00'",
                        "'2024-00-00 00:00:00.000001'"),
                vals(mariadb("0000-00-00 00:00:00.000000"), mariadb("2020-05-00 10:00:00.500000"), null,
                        LocalDateTime.of(1970, 1, 1, 0, 0), mariadb("2024-00-00 00:00:00.000001"))));
        c.add(new Col("c_timestamp_zero", "TIMESTAMP NULL", timestampTz(),
                lits("'0000-00-00 00:00:00'", "'1970-01-01 00:00:01'", "NULL", "'2038-01-19 03:14:07'",
                        "'0000-00-00 00:00:00'"),
                vals(mariadb("0000-00-00 00:00:00"), utc("1970-01-01T00:00:01"), null, utc("2038-01-19T03:14:07"),
                        mariadb("0000-00-00 00:00:00"))));
        // literals are read in the session time zone, which the fixture sets to +00:00
        c.add(new Col("c_timestamp", "TIMESTAMP(6) NULL", timestampTz(),
                lits("'1970-01-01 00:00:01'", "'2038-01-19 03:14:07.999999'", "'2024-01-01 04:30:00.123456'",
                        "'2024-10-27 00:30:00'", "'2000-02-29 12:00:00'"),
                vals(utc("1970-01-01T00:00:01"), utc("2038-01-19T03:14:07.999999"), utc("2024-01-01T04:30:00.123456"),
                        utc("2024-10-27T00:30"), utc("2000-02-29T12:00"))));
        // 0 is the zero year 0000 (a string '0' would be 2000)
        c.add(new Col("c_year", "YEAR", integer(),
                lits("1901", "2155", "2024", "0", "1970"), vals(1901L, 2155L, 2024L, 0L, 1970L)));
        c.add(new Col("c_uuid", "UUID", uuid(),
                lits("'" + UUID_ZERO + "'", "'" + UUID_MAX + "'", "'" + UUID_SOME + "'", "'" + UUID_SOME.toUpperCase()
                        + "'", "'" + UUID_ZERO.replace('0', '1') + "'"),
                vals(UUID.fromString(UUID_ZERO), UUID.fromString(UUID_MAX), UUID.fromString(UUID_SOME),
                        UUID.fromString(UUID_SOME), UUID.fromString(UUID_ZERO.replace('0', '1')))));
        c.add(new Col("c_json", "JSON", json(),
                lits("'{\"b\":1,\"a\":[1,2.5,null,\"x\"]}'", "'[]'", "'\"text\"'", "'42'", "'{\"ü\":\"日本\"}'"),
                vals("{\"b\":1,\"a\":[1,2.5,null,\"x\"]}", "[]", "\"text\"", "42", "{\"ü\":\"日本\"}")));
        // the JSON literal null is not SQL NULL; MariaDB keeps JSON text as written
        c.add(new Col("c_json_null", "JSON", json(),
                lits("'null'", "' {\"a\" : 1,  \"a\": 2} '", "'7088992364139642880'", "'1e400'", "'[null]'"),
                vals("null", " {\"a\" : 1,  \"a\": 2} ", "7088992364139642880", "1e400", "[null]")));
        c.add(new Col("c_enum", "ENUM('a','b c','ü')", text(3),
                lits("'a'", "'b c'", "'ü'", "'a'", "'b c'"), vals("a", "b c", "ü", "a", "b c")));
        c.add(new Col("c_set", "SET('x','y','z')", text(5),
                lits("'x,z'", "''", "'y'", "'x,y,z'", "'z'"), vals("x,z", "", "y", "x,y,z", "z")));
        c.add(new Col("c_big_text", "LONGTEXT", text(), lits("''", "'x'", "NULL", "NULL", "NULL"),
                vals("", "x", null, null, null)));
        c.add(new Col("c_big_bytes", "LONGBLOB", binary(), lits("X''", "X'01'", "NULL", "NULL", "NULL"),
                vals(bytes(), bytes(1), null, null, null)));
        // zero dates need a sql_mode without NO_ZERO_DATE and NO_ZERO_IN_DATE (and without strict mode for
        // '2024-00-15'); the import writes them under a strict mode (see TypeRoundTripTest)
        return new Fixture(List.of("SET time_zone = '+00:00'", "SET sql_mode = ''"), c, "c_big_text",
                "c_big_bytes");
    }

    static Fixture h2() {
        List<Col> c = new ArrayList<>();
        c.add(new Col("c_tinyint", "TINYINT", integer(),
                lits("-128", "127", "0", "-1", "1"), vals(-128L, 127L, 0L, -1L, 1L)));
        c.add(new Col("c_smallint", "SMALLINT", integer(),
                lits("-32768", "32767", "0", "-1", "1"), vals(-32768L, 32767L, 0L, -1L, 1L)));
        c.add(new Col("c_int", "INTEGER", integer(),
                lits("-2147483648", "2147483647", "0", "-1", "1"), vals(-2147483648L, 2147483647L, 0L, -1L, 1L)));
        c.add(new Col("c_bigint", "BIGINT", integer(),
                lits("-9223372036854775808", "9223372036854775807", "0", "-1", "1"),
                vals(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, 1L)));
        c.add(new Col("c_num", "NUMERIC(38,10)", decimal(38, 10),
                lits("-9999999999999999999999999999.9999999999", "9999999999999999999999999999.9999999999",
                        "0.0000000001", "0", "-12.5"),
                vals(dec("-9999999999999999999999999999.9999999999"), dec("9999999999999999999999999999.9999999999"),
                        dec("0.0000000001"), dec("0.0000000000"), dec("-12.5000000000"))));
        c.add(new Col("c_num_wide", "NUMERIC(1000,500)", decimal(1000, 500),
                lits("1" + "0".repeat(499) + "." + "0".repeat(499) + "1", "-0.5", "0", "1", "-1"),
                vals(dec("1" + "0".repeat(499) + "." + "0".repeat(499) + "1"), dec("-0.5").setScale(500),
                        dec("0").setScale(500), dec("1").setScale(500), dec("-1").setScale(500))));
        c.add(new Col("c_decfloat", "DECFLOAT", decimal(),
                lits("1E+100", "-0.000000000000000000000000000001", "123456789012345678901234567890.123456789",
                        "0", "-7.50"),
                vals(dec("1E+100"), dec("-1E-30"), dec("123456789012345678901234567890.123456789"), dec("0"),
                        dec("-7.5"))));
        // DECFLOAT's NaN and infinities have no DECIMAL value: native values of their text
        c.add(new Col("c_decfloat_special", "DECFLOAT", decimal(),
                lits("'NaN'", "'Infinity'", "'-Infinity'", "1.5", "CAST('NaN' AS DECFLOAT(5))"),
                vals(h2("NaN"), h2("Infinity"), h2("-Infinity"), dec("1.5"), h2("NaN"))));
        c.add(new Col("c_real", "REAL", float64(),
                lits("CAST('-Infinity' AS REAL)", "3.4028235e38", "1.1", "CAST('NaN' AS REAL)", "1.4e-45"),
                vals(Double.NEGATIVE_INFINITY, (double) Float.MAX_VALUE, (double) 1.1f, Double.NaN,
                        (double) Float.MIN_VALUE)));
        // H2 stores -0.0 as 0.0 (see docs/jdbc-types.md)
        c.add(new Col("c_double", "DOUBLE PRECISION", float64(),
                lits("CAST('NaN' AS DOUBLE PRECISION)", "CAST('Infinity' AS DOUBLE PRECISION)",
                        "CAST('-Infinity' AS DOUBLE PRECISION)", "4.9e-324", "1.7976931348623157e308"),
                vals(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
                        Double.MAX_VALUE)));
        c.add(new Col("c_char", "CHAR(5)", text(5),
                lits("'ab'", "'äöü€x'", "''", "'a b  '", "'z'"), vals("ab   ", "äöü€x", "     ", "a b  ", "z    ")));
        c.add(new Col("c_varchar", "VARCHAR(10)", text(10),
                lits("''", "'Zoë 🌍'", "'a''b\"c\\d'", "' lead'", "'trail  '"),
                vals("", "Zoë 🌍", "a'b\"c\\d", " lead", "trail  ")));
        c.add(new Col("c_varchar_ic", "VARCHAR_IGNORECASE(10)", text(10),
                lits("'MiXeD'", "''", "'x'", "'Ü'", "'a'"), vals("MiXeD", "", "x", "Ü", "a")));
        c.add(new Col("c_binary", "BINARY(4)", binary(4),
                lits("X'0102'", "X'FFFFFFFF'", "X'00000000'", "X'00'", "X'0A0D0000'"),
                vals(bytes(1, 2, 0, 0), bytes(255, 255, 255, 255), bytes(0, 0, 0, 0), bytes(0, 0, 0, 0),
                        bytes(10, 13, 0, 0))));
        c.add(new Col("c_varbinary", "VARBINARY(10)", binary(10),
                lits("X''", "X'00FF10'", "X'00'", "X'DEADBEEF'", "X'5C27'"),
                vals(bytes(), bytes(0, 255, 16), bytes(0), bytes(0xde, 0xad, 0xbe, 0xef), bytes(0x5c, 0x27))));
        c.add(new Col("c_bool", "BOOLEAN", bool(),
                lits("TRUE", "FALSE", "TRUE", "FALSE", "TRUE"), vals(true, false, true, false, true)));
        c.add(new Col("c_date", "DATE", date(),
                lits("DATE '0001-01-01'", "DATE '9999-12-31'", "DATE '2024-02-29'", "DATE '-0043-03-15'",
                        "DATE '1970-01-01'"),
                vals(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31), LocalDate.of(2024, 2, 29),
                        LocalDate.of(-43, 3, 15), LocalDate.of(1970, 1, 1))));
        c.add(new Col("c_time", "TIME(9)", time(),
                lits("TIME '00:00:00'", "TIME '23:59:59.999999999'", "TIME '12:34:56.789'",
                        "TIME '00:00:00.000000001'", "TIME '13:00:00'"),
                vals(LocalTime.MIDNIGHT, LocalTime.MAX, LocalTime.of(12, 34, 56, 789_000_000), LocalTime.of(0, 0, 0, 1),
                        LocalTime.of(13, 0))));
        c.add(new Col("c_ts", "TIMESTAMP(9)", timestamp(),
                lits("TIMESTAMP '0001-01-01 00:00:00'", "TIMESTAMP '9999-12-31 23:59:59.999999999'",
                        "TIMESTAMP '2024-03-31 02:30:00'", "TIMESTAMP '-0043-03-15 12:00:00'",
                        "TIMESTAMP '1970-01-01 00:00:00.5'"),
                vals(LocalDateTime.of(1, 1, 1, 0, 0), LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999),
                        LocalDateTime.of(2024, 3, 31, 2, 30), LocalDateTime.of(-43, 3, 15, 12, 0),
                        LocalDateTime.of(1970, 1, 1, 0, 0, 0, 500_000_000))));
        c.add(new Col("c_tstz", "TIMESTAMP(9) WITH TIME ZONE", timestampTz(),
                lits("TIMESTAMP WITH TIME ZONE '2024-01-01 10:00:00.123456789+05:30'",
                        "TIMESTAMP WITH TIME ZONE '0001-01-01 00:00:00-18:00'",
                        "TIMESTAMP WITH TIME ZONE '9999-12-31 23:59:59.999999999+18:00'",
                        "TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00Z'",
                        "TIMESTAMP WITH TIME ZONE '2024-10-27 02:30:00+02:00'"),
                vals(OffsetDateTime.parse("2024-01-01T10:00:00.123456789+05:30"),
                        OffsetDateTime.parse("0001-01-01T00:00-18:00"),
                        OffsetDateTime.parse("9999-12-31T23:59:59.999999999+18:00"),
                        OffsetDateTime.parse("1970-01-01T00:00Z"), OffsetDateTime.parse("2024-10-27T02:30+02:00"))));
        c.add(new Col("c_uuid", "UUID", uuid(),
                lits("'" + UUID_ZERO + "'", "'" + UUID_MAX + "'", "'" + UUID_SOME + "'", "'" + UUID_SOME.toUpperCase()
                        + "'", "'" + UUID_ZERO.replace('0', '1') + "'"),
                vals(UUID.fromString(UUID_ZERO), UUID.fromString(UUID_MAX), UUID.fromString(UUID_SOME),
                        UUID.fromString(UUID_SOME), UUID.fromString(UUID_ZERO.replace('0', '1')))));
        c.add(new Col("c_json", "JSON", json(),
                lits("JSON '{\"b\":1,\"a\":[1,2.5,null,\"x\"]}'", "JSON '[]'", "JSON '\"text\"'", "JSON '42'",
                        "JSON '{\"ü\":\"日本\"}'"),
                vals("{\"b\":1,\"a\":[1,2.5,null,\"x\"]}", "[]", "\"text\"", "42", "{\"ü\":\"日本\"}")));
        c.add(new Col("c_json_null", "JSON", json(),
                lits("JSON 'null'", "JSON '[null]'", "JSON '7088992364139642880'", "JSON '{\"a\":null}'", "NULL"),
                vals("null", "[null]", "7088992364139642880", "{\"a\":null}", null)));
        c.add(new Col("c_enum", "ENUM('a','b c','ü')", text(),
                lits("'a'", "'b c'", "'ü'", "'a'", "'b c'"), vals("a", "b c", "ü", "a", "b c")));
        // every INTERVAL qualifier, as NATIVE(h2 INTERVAL ...), in H2's own literal form
        String[][] intervals = {
            {"YEAR(9)", "0", "-999999999", "1", "-1", "42"},
            {"MONTH(3)", "1", "-999", "0", "12", "13"},
            {"DAY(5)", "-5", "99999", "0", "1", "-1"},
            {"HOUR", "23", "-99", "0", "24", "1"},
            {"MINUTE", "0", "-59", "60", "99", "1"},
            {"SECOND(2, 9)", "1.000000001", "-99.999999999", "0", "0.5", "60"},
            {"YEAR TO MONTH", "-1-0", "1-11", "0-0", "99-1", "-0-1"},
            {"DAY TO HOUR", "1 02", "-99 23", "0 00", "1 00", "-0 01"},
            {"DAY TO MINUTE", "-1 02:03", "0 00:00", "99 23:59", "1 00:01", "-0 00:01"},
            {"DAY(5) TO SECOND(9)", "-12345 02:03:04.123456789", "0 00:00:00", "99999 23:59:59.999999999",
                "1 00:00:00.5", "-0 00:00:01"},
            {"HOUR TO MINUTE", "-0:01", "25:59", "0:00", "99:00", "-1:30"},
            {"HOUR(3) TO SECOND", "100:00:00.5", "-0:00:00.000001", "0:00:00", "23:59:59", "999:59:59.999999"},
            {"MINUTE TO SECOND", "-61:59.25", "0:00", "99:59.999999", "1:00", "-0:01"},
        };
        for (String[] interval : intervals) {
            String qualifier = interval[0].replaceAll("\\(\\d+(, \\d+)?\\)", "");
            List<String> literals = new ArrayList<>();
            List<Object> texts = new ArrayList<>();
            for (int i = 1; i <= ROWS; i++) {
                literals.add("INTERVAL '" + interval[i] + "' " + qualifier);
                texts.add("INTERVAL '" + interval[i] + "' " + qualifier);
            }
            c.add(new Col("c_iv_" + qualifier.toLowerCase(java.util.Locale.ROOT).replace(' ', '_'),
                    "INTERVAL " + interval[0], nativeType("h2", "INTERVAL " + qualifier), literals, texts));
        }
        c.add(new Col("c_timetz", "TIME(9) WITH TIME ZONE", nativeType("h2", "TIME WITH TIME ZONE"),
                lits("CAST('10:00:00+05:30' AS TIME(9) WITH TIME ZONE)", "CAST('00:00:00Z' AS TIME(9) WITH TIME ZONE)",
                        "CAST('23:59:59.999999999-18:00' AS TIME(9) WITH TIME ZONE)",
                        "CAST('12:00:00.5+18' AS TIME(9) WITH TIME ZONE)",
                        "CAST('01:02:03-00:30:15' AS TIME(9) WITH TIME ZONE)"),
                vals("10:00:00+05:30", "00:00:00+00", "23:59:59.999999999-18", "12:00:00.5+18", "01:02:03-00:30:15")));
        // EWKB, big-endian as H2 writes it, with the SRID where there is one
        c.add(new Col("c_geometry", "GEOMETRY", nativeType("h2", "GEOMETRY"),
                lits("'SRID=4326;POINT(1.1 2.2)'", "'LINESTRING(0 0, 1e300 -0.1)'", "'POLYGON((0 0, 4 0, 4 4, 0 0))'",
                        "'MULTIPOINT((1 2), (3 4))'", "'GEOMETRYCOLLECTION(POINT(5 6))'"),
                vals(Wkb.ewkb(4326).point(1.1, 2.2).hex(), Wkb.ewkb(0).lineString(0, 0, 1e300, -0.1).hex(),
                        Wkb.ewkb(0).polygon(0, 0, 4, 0, 4, 4, 0, 0).hex(), Wkb.ewkb(0).multiPoint(1, 2, 3, 4).hex(),
                        Wkb.ewkb(0).collectionOfPoint(5, 6).hex())));
        c.add(new Col("c_point", "GEOMETRY(POINT, 4326)", nativeType("h2", "GEOMETRY"),
                lits("'SRID=4326;POINT(0.1 1e300)'", "'SRID=4326;POINT(-180 -90)'", "'SRID=4326;POINT(0 0)'",
                        "'SRID=4326;POINT(-0.000001 123456.789)'", "'SRID=4326;POINT(1 2)'"),
                vals(Wkb.ewkb(4326).point(0.1, 1e300).hex(), Wkb.ewkb(4326).point(-180, -90).hex(),
                        Wkb.ewkb(4326).point(0, 0).hex(), Wkb.ewkb(4326).point(-0.000001, 123456.789).hex(),
                        Wkb.ewkb(4326).point(1, 2).hex())));
        // a ROW travels as the texts of its fields; the literals give each field its exact type, since H2 2.3
        // converts the fields of an assigned row wrongly otherwise
        String row = "ROW(\"A\" INTEGER, \"B\" CHARACTER VARYING(10), \"C\" DOUBLE PRECISION, \"D\" TIMESTAMP(9) WITH TIME ZONE, "
                + "\"E\" NUMERIC(10, 2), \"F\" INTERVAL DAY TO SECOND)";
        c.add(new Col("c_row", "ROW(a INTEGER, b VARCHAR(10), c DOUBLE PRECISION, d TIMESTAMP(9) WITH TIME ZONE, "
                + "e NUMERIC(10, 2), f INTERVAL DAY TO SECOND)", nativeType("h2", row),
                lits("ROW(1, 'x''y, \"z\")', CAST(0.1 AS DOUBLE PRECISION), CAST("
                        + "'2024-01-01 10:00:00.123456789+05:30' AS TIMESTAMP(9) WITH TIME ZONE), CAST(1.50 AS NUMERIC(10, 2)), INTERVAL '-1 02:03:04.5' "
                        + "DAY TO SECOND)",
                        "ROW(CAST(NULL AS INTEGER), '', CAST('NaN' AS DOUBLE PRECISION), CAST(NULL AS TIMESTAMP(9) WITH "
                        + "TIME ZONE), CAST(NULL AS NUMERIC(10, 2)), CAST(NULL AS INTERVAL DAY TO SECOND))",
                        "ROW(-2147483648, 'null', CAST(-1.7976931348623157e308 AS DOUBLE PRECISION), CAST("
                        + "'-0043-03-15 00:00:00Z' AS TIMESTAMP(9) WITH TIME ZONE), CAST(-99999999.99 AS NUMERIC(10, 2)), INTERVAL "
                        + "'0 00:00:00' DAY TO SECOND)",
                        "ROW(0, 'tab\t\\', CAST(4.9e-324 AS DOUBLE PRECISION), CAST("
                        + "'9999-12-31 23:59:59.999999999-18:00' AS TIMESTAMP(9) WITH TIME ZONE), CAST(0 AS NUMERIC(10, 2)), INTERVAL '99 23:59:59' DAY "
                        + "TO SECOND)", "NULL"),
                vals("[\"1\",\"x'y, \\\"z\\\")\",\"0.1\",\"2024-01-01 10:00:00.123456789+05:30\",\"1.50\","
                        + "\"INTERVAL '-1 02:03:04.5' DAY TO SECOND\"]",
                        "[null,\"\",\"NaN\",null,null,null]",
                        "[\"-2147483648\",\"null\",\"-1.7976931348623157E308\",\"-0043-03-15 00:00:00+00\",\"-99999999.99\","
                        + "\"INTERVAL '0 00:00:00' DAY TO SECOND\"]",
                        "[\"0\",\"tab\\t\\\\\",\"4.9E-324\",\"9999-12-31 23:59:59.999999999-18\",\"0.00\","
                        + "\"INTERVAL '99 23:59:59' DAY TO SECOND\"]",
                        null)));
        c.add(new Col("c_int_arr", "INTEGER ARRAY", array(integer()),
                lits("ARRAY[]", "ARRAY[1, NULL, -2147483648]", "ARRAY[2147483647]", "ARRAY[NULL]", "ARRAY[0, 0]"),
                vals(list(), list(1L, null, -2147483648L), list(2147483647L), list((Object) null), list(0L, 0L))));
        c.add(new Col("c_text_arr", "VARCHAR(10) ARRAY", array(text(10)),
                lits("ARRAY['a,b', 'q\"', NULL, '']", "ARRAY[NULL]", "ARRAY['NULL']", "ARRAY['{x}', ' ']", "ARRAY[]"),
                vals(list("a,b", "q\"", null, ""), list((Object) null), list("NULL"), list("{x}", " "), list())));
        c.add(new Col("c_decfloat_arr", "DECFLOAT ARRAY", array(decimal()),
                lits("ARRAY[CAST('NaN' AS DECFLOAT), 1.5, NULL]", "ARRAY[]", "ARRAY[CAST('-Infinity' AS DECFLOAT)]",
                        "ARRAY[CAST(1E+100 AS DECFLOAT), CAST('Infinity' AS DECFLOAT)]", "ARRAY[NULL]"),
                vals(list(h2("NaN"), dec("1.5"), null), list(), list(h2("-Infinity")),
                        list(dec("1E+100"), h2("Infinity")), list((Object) null))));
        c.add(new Col("c_num_arr", "NUMERIC(10,2) ARRAY", array(decimal(10, 2)),
                lits("ARRAY[1.50, -0.01]", "ARRAY[NULL]", "ARRAY[99999999.99]", "ARRAY[]", "ARRAY[0]"),
                vals(list(dec("1.50"), dec("-0.01")), list((Object) null), list(dec("99999999.99")), list(),
                        list(dec("0.00")))));
        c.add(new Col("c_double_arr", "DOUBLE PRECISION ARRAY", array(float64()),
                lits("ARRAY[CAST('NaN' AS DOUBLE PRECISION), CAST('-Infinity' AS DOUBLE PRECISION)]",
                        "ARRAY[0.1, NULL]", "ARRAY[]", "ARRAY[1.7976931348623157e308]", "ARRAY[NULL]"),
                vals(list(Double.NaN, Double.NEGATIVE_INFINITY), list(0.1, null), list(), list(Double.MAX_VALUE),
                        list((Object) null))));
        c.add(new Col("c_date_arr", "DATE ARRAY", array(date()),
                lits("ARRAY[DATE '2024-02-29', NULL]", "ARRAY[]", "ARRAY[DATE '-0043-03-15']", "ARRAY[NULL]",
                        "ARRAY[DATE '9999-12-31']"),
                vals(list(LocalDate.of(2024, 2, 29), null), list(), list(LocalDate.of(-43, 3, 15)),
                        list((Object) null), list(LocalDate.of(9999, 12, 31)))));
        c.add(new Col("c_uuid_arr", "UUID ARRAY", array(uuid()),
                lits("ARRAY[CAST('" + UUID_SOME + "' AS UUID), NULL]", "ARRAY[]", "ARRAY[NULL]",
                        "ARRAY[CAST('" + UUID_MAX + "' AS UUID)]", "ARRAY[CAST('" + UUID_ZERO + "' AS UUID)]"),
                vals(list(UUID.fromString(UUID_SOME), null), list(), list((Object) null),
                        list(UUID.fromString(UUID_MAX)), list(UUID.fromString(UUID_ZERO)))));
        // several dimensions: nested lists, rectangular
        c.add(new Col("c_int_arr2", "INTEGER ARRAY ARRAY", array(integer()),
                lits("ARRAY[ARRAY[1, 2], ARRAY[3, 4]]", "ARRAY[]", "ARRAY[ARRAY[NULL]]", "ARRAY[ARRAY[0], ARRAY[1]]",
                        "ARRAY[ARRAY[-2147483648], ARRAY[NULL], ARRAY[2147483647]]"),
                vals(list(list(1L, 2L), list(3L, 4L)), list(), list(list((Object) null)), list(list(0L), list(1L)),
                        list(list(-2147483648L), list((Object) null), list(2147483647L)))));
        c.add(new Col("c_text_arr3", "VARCHAR(5) ARRAY[2] ARRAY ARRAY", array(text(5)),
                lits("ARRAY[ARRAY[ARRAY['a', NULL], ARRAY['', 'NULL']]]", "ARRAY[]", "NULL",
                        "ARRAY[ARRAY[ARRAY['x'], ARRAY['y']], ARRAY[ARRAY['z'], ARRAY[' ']]]",
                        "ARRAY[ARRAY[ARRAY[NULL]]]"),
                vals(list(list(list("a", null), list("", "NULL"))), list(), null,
                        list(list(list("x"), list("y")), list(list("z"), list(" "))),
                        list(list(list((Object) null))))));
        c.add(new Col("c_json_arr", "JSON ARRAY", array(json()),
                lits("ARRAY[JSON 'null', NULL, JSON '{\"a\":1}']", "ARRAY[]", "ARRAY[JSON '\"null\"']", "ARRAY[NULL]",
                        "ARRAY[JSON '[]', JSON '1e400']"),
                vals(list("null", null, "{\"a\":1}"), list(), list("\"null\""), list((Object) null), list("[]", "1e400"))));
        c.add(new Col("c_interval_arr", "INTERVAL DAY TO SECOND(3) ARRAY", array(nativeType("h2",
                "INTERVAL DAY TO SECOND")),
                lits("ARRAY[INTERVAL '1 02:03:04.5' DAY TO SECOND, NULL]", "ARRAY[]", "NULL",
                        "ARRAY[INTERVAL '-99 00:00:00.001' DAY TO SECOND]", "ARRAY[NULL]"),
                vals(list("INTERVAL '1 02:03:04.5' DAY TO SECOND", null), list(), null,
                        list("INTERVAL '-99 00:00:00.001' DAY TO SECOND"), list((Object) null))));
        c.add(new Col("c_timetz_arr", "TIME WITH TIME ZONE ARRAY", array(nativeType("h2", "TIME WITH TIME ZONE")),
                lits("ARRAY[CAST('10:00:00+05:30' AS TIME WITH TIME ZONE)]", "ARRAY[NULL]", "ARRAY[]", "NULL",
                        "ARRAY[CAST('23:59:59-18' AS TIME WITH TIME ZONE), CAST('00:00:00Z' AS TIME WITH TIME ZONE)]"),
                vals(list("10:00:00+05:30"), list((Object) null), list(), null, list("23:59:59-18", "00:00:00+00"))));
        c.add(new Col("c_geometry_arr", "GEOMETRY ARRAY", array(nativeType("h2", "GEOMETRY")),
                lits("ARRAY[CAST('POINT(1 2)' AS GEOMETRY), NULL]", "ARRAY[]", "NULL", "ARRAY[NULL]",
                        "ARRAY[CAST('SRID=4326;POINT(1.1 2.2)' AS GEOMETRY)]"),
                vals(list(Wkb.ewkb(0).point(1, 2).hex(), null), list(), null, list((Object) null),
                        list(Wkb.ewkb(4326).point(1.1, 2.2).hex()))));
        c.add(new Col("c_big_text", "CLOB", text(), lits("''", "'x'", "NULL", "NULL", "NULL"),
                vals("", "x", null, null, null)));
        c.add(new Col("c_big_bytes", "BLOB", binary(), lits("X''", "X'01'", "NULL", "NULL", "NULL"),
                vals(bytes(), bytes(1), null, null, null)));
        return new Fixture(List.of(), c, "c_big_text", "c_big_bytes");
    }
}
