package dev.portability.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portability.api.BoundedArray;
import dev.portability.api.Column;
import dev.portability.api.ErrorCode;
import dev.portability.api.ImportOptions;
import dev.portability.api.InvalidArchiveException;
import dev.portability.api.LogicalType;
import dev.portability.api.NativeType;
import dev.portability.api.NativeValue;
import dev.portability.api.Problem;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import dev.portability.api.ValidationReport;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which archive column goes into which host column (docs/importing.md, "Column types"): BOOLEAN and INTEGER
 * convert per value, a NATIVE value goes into a column of the same engine and type or as text into a TEXT column,
 * and every other pair is refused by validation naming table, column and both types, before anything is written.
 */
class ColumnTypeConversionTest {

    @TempDir
    Path dir;

    private static TableSchema table(LogicalType type) {
        return TableSchema.builder("t").column("id", LogicalType.integer(), false)
                .column(new Column("v", type, true, null)).primaryKey("id").build();
    }

    private Path archive(LogicalType type, Object... values) {
        MemoryStore source = new MemoryStore(table(type));
        for (int i = 0; i < values.length; i++) {
            source.put("t", new Object[] {i + 1L, values[i]});
        }
        Path archive = dir.resolve("t-" + System.nanoTime() + ".zip");
        Portability.builder().application("conv").store(source).build().export(archive);
        return archive;
    }

    private static Map<Object, Row> importInto(Path archive, MemoryStore target) {
        Portability.builder().application("conv").store(target).build().importArchive(archive,
                ImportOptions.replace());
        return target.rows("t");
    }

    private static List<Object> values(Map<Object, Row> rows) {
        return rows.values().stream().sorted((a, b) -> Long.compare((Long) a.get("id"), (Long) b.get("id")))
                .map(row -> row.get("v")).toList();
    }

    @Test
    void booleansGoIntoAnIntegerColumnAsOneAndZero() {
        Path archive = archive(LogicalType.bool(), true, false, null);

        assertThat(values(importInto(archive, new MemoryStore(table(LogicalType.integer())))))
                .containsExactly(1L, 0L, null);
    }

    @Test
    void integersZeroAndOneGoIntoABooleanColumn() {
        Path archive = archive(LogicalType.integer(), 1L, 0L, null);

        assertThat(values(importInto(archive, new MemoryStore(table(LogicalType.bool())))))
                .containsExactly(true, false, null);
    }

    @Test
    void anyOtherIntegerIsRefusedForABooleanColumnNamingTableRowAndColumnAndNothingIsWritten() {
        Path archive = archive(LogicalType.integer(), 1L, 4L, -1L);
        MemoryStore target = new MemoryStore(table(LogicalType.bool())).put("t", new Object[] {9L, true});
        Portability host = Portability.builder().application("conv").store(target).build();

        ValidationReport report = host.validate(archive);

        assertThat(report.problems()).extracting(Problem::code, Problem::table, Problem::column, Problem::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ErrorCode.INVALID_VALUE, "t", "v", 2L),
                        org.assertj.core.groups.Tuple.tuple(ErrorCode.INVALID_VALUE, "t", "v", 3L));
        assertThat(report.problems().get(0).message()).contains("4 is not a BOOLEAN")
                .contains("only the integers 0 and 1");
        assertThatThrownBy(() -> host.importArchive(archive, ImportOptions.replace()))
                .isInstanceOf(InvalidArchiveException.class);
        assertThat(values(target.rows("t"))).containsExactly(true);
    }

    @Test
    void arraysConvertTheirElementsAndKeepDimensionsAndBounds() {
        Path archive = archive(LogicalType.array(LogicalType.bool()),
                List.of(List.of(true, false), Arrays.asList(null, true)),
                new BoundedArray(List.of(0), List.of(false, true)));

        assertThat(values(importInto(archive, new MemoryStore(table(LogicalType.array(LogicalType.integer()))))))
                .containsExactly(List.of(List.of(1L, 0L), Arrays.asList(null, 1L)),
                        new BoundedArray(List.of(0), List.of(0L, 1L)));
    }

    @Test
    void aNativeValueGoesIntoTheSameNativeTypeAndAsTextIntoATextColumn() {
        LogicalType interval = LogicalType.nativeType("postgresql", "interval");
        Path archive = archive(interval, "1 day 02:00:00", "-00:00:01");

        assertThat(values(importInto(archive, new MemoryStore(table(interval)))))
                .containsExactly("1 day 02:00:00", "-00:00:01");
        assertThat(values(importInto(archive, new MemoryStore(table(LogicalType.text())))))
                .containsExactly("1 day 02:00:00", "-00:00:01");
        assertThat(values(importInto(archive(LogicalType.array(LogicalType.nativeType("postgresql", "inet")),
                List.of("10.0.0.1", "::1")), new MemoryStore(table(LogicalType.array(LogicalType.text()))))))
                .containsExactly(List.of("10.0.0.1", "::1"));
    }

    @Test
    void aNativeValueLongerThanTheTextColumnIsRefusedPerValue() {
        Path archive = archive(LogicalType.nativeType("postgresql", "interval"), "1 day", "1 year 2 mons 3 days");

        ValidationReport report = Portability.builder().application("conv")
                .store(new MemoryStore(table(LogicalType.text(10)))).build().validate(archive);

        assertThat(report.problems()).extracting(Problem::code, Problem::column, Problem::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ErrorCode.INVALID_VALUE, "v", 2L));
    }

    @Test
    void aNativeValueIntoAnyOtherColumnIsATypeMismatchNamingTableColumnAndBothTypes() {
        LogicalType interval = LogicalType.nativeType("postgresql", "interval");
        Path archive = archive(interval, "1 day");
        TableSchema h2Interval = TableSchema.builder("t").column("id", LogicalType.integer(), false)
                .column(new Column("v", LogicalType.nativeType("h2", "INTERVAL DAY TO SECOND"), true,
                        NativeType.of("h2", "INTERVAL DAY TO SECOND")))
                .primaryKey("id").build();
        for (TableSchema target : List.of(table(LogicalType.timestamp()), table(LogicalType.nativeType("mariadb",
                "interval")), h2Interval, table(LogicalType.json()))) {
            MemoryStore store = new MemoryStore(target);
            ValidationReport report = Portability.builder().application("conv").store(store).build()
                    .validate(archive);

            assertThat(report.problems()).as("into %s", target.columns().get(1)).extracting(Problem::code,
                    Problem::table, Problem::column)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(ErrorCode.TYPE_MISMATCH, "t", "v"));
            assertThat(report.problems().get(0).message()).contains("NATIVE(postgresql interval)")
                    .contains(target.columns().get(1).type().toString())
                    .contains("a NATIVE value goes only into a column of the same engine and type");
        }
    }

    @Test
    void aNativeDecimalValueGoesIntoAnotherDecimalColumnWhereThatTypeHoldsItAndIsRefusedElsewhere() {
        TableSchema numeric = TableSchema.builder("t").column("id", LogicalType.integer(), false)
                .column(new Column("v", LogicalType.decimal(), true, NativeType.of("postgresql", "numeric")))
                .primaryKey("id").build();
        MemoryStore source = new MemoryStore(numeric);
        source.put("t", new Object[] {1L, new NativeValue("postgresql", "NaN")});
        source.put("t", new Object[] {2L, new BigDecimal("1.5")});
        Path archive = dir.resolve("numeric.zip");
        Portability.builder().application("conv").store(source).build().export(archive);
        source.put("t", new Object[] {3L, new NativeValue("postgresql", "Infinity")});
        Path withInfinity = dir.resolve("numeric-infinity.zip");
        Portability.builder().application("conv").store(source).build().export(withInfinity);

        assertThat(values(importInto(archive, new MemoryStore(table(LogicalType.decimal(10, 2))))))
                .containsExactly(new NativeValue("postgresql", "NaN"), new BigDecimal("1.50"));
        ValidationReport bounded = Portability.builder().application("conv")
                .store(new MemoryStore(table(LogicalType.decimal(10, 2)))).build().validate(withInfinity);
        assertThat(bounded.problems()).extracting(Problem::code, Problem::table, Problem::column, Problem::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ErrorCode.INVALID_VALUE, "t", "v", 3L));
        assertThat(bounded.problems().get(0).message()).contains("'Infinity' is not postgresql's text of a value "
                + "DECIMAL(10,2) cannot hold (such as NaN)");
        ValidationReport integer = Portability.builder().application("conv")
                .store(new MemoryStore(table(LogicalType.integer()))).build().validate(archive);
        assertThat(integer.problems()).extracting(Problem::code, Problem::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ErrorCode.INVALID_VALUE, 1L),
                        org.assertj.core.groups.Tuple.tuple(ErrorCode.INVALID_VALUE, 2L));
        assertThat(integer.problems().get(0).message()).contains("the postgresql value 'NaN' is not an INTEGER");
    }

    @Test
    void textDoesNotGoIntoANativeColumn() {
        Path archive = archive(LogicalType.text(), "1 day");

        ValidationReport report = Portability.builder().application("conv")
                .store(new MemoryStore(table(LogicalType.nativeType("postgresql", "interval")))).build()
                .validate(archive);

        assertThat(report.problems()).extracting(Problem::code).containsExactly(ErrorCode.TYPE_MISMATCH);
    }
}
