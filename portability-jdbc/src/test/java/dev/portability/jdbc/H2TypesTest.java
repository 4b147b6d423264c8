package dev.portability.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portability.api.BoundedArray;
import dev.portability.api.ColumnException;
import dev.portability.api.ErrorCode;
import dev.portability.api.Infinity;
import dev.portability.api.NativeType;
import dev.portability.api.NativeValue;
import dev.portability.api.PortabilityException;
import dev.portability.api.Row;
import dev.portability.api.spi.Access;
import dev.portability.api.spi.TableAdapter;
import dev.portability.jdbc.TestDatabase.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2's own types beyond the catalogue ({@link TypeRoundTripTest}): what cannot be carried is refused at discovery
 * with the reason, arrays that are not rectangular are refused on export, and what an H2 column cannot hold is
 * refused on import naming table, key and column, leaving the table as it was.
 */
class H2TypesTest {

    @TempDir
    Path dir;

    @Test
    void aJavaObjectColumnIsRefusedWithTheReason() {
        try (TestDatabase db = TestDatabase.create(Kind.H2)) {
            db.execute("CREATE TABLE sessions (id INTEGER PRIMARY KEY, state JAVA_OBJECT)");

            assertThatThrownBy(() -> JdbcStore.discover(db.dataSource()))
                    .isInstanceOfSatisfying(ColumnException.class, e -> assertThat(e.code())
                            .isEqualTo(ErrorCode.UNSUPPORTED_COLUMN))
                    .hasMessageContaining("table sessions, column state: type 'JAVA_OBJECT'")
                    .hasMessageContaining("serialized Java object")
                    .hasMessageContaining("an archive is untrusted input")
                    .hasMessageContaining("skipColumn(\"sessions\", \"state\")");
        }
    }

    @Test
    void aRowWithAFieldWhoseTextIsNotExactAndAnArrayOfRowsAreRefusedWithTheReason() {
        try (TestDatabase db = TestDatabase.create(Kind.H2)) {
            db.execute("CREATE TABLE blobs (id INTEGER PRIMARY KEY, r ROW(a INTEGER, b VARBINARY(4)))",
                    "CREATE TABLE rows (id INTEGER PRIMARY KEY, r ROW(a INTEGER) ARRAY)");

            assertThatThrownBy(() -> JdbcStore.configure(db.dataSource()).include("blobs").discover())
                    .isInstanceOfSatisfying(ColumnException.class, e -> assertThat(e.code())
                            .isEqualTo(ErrorCode.UNSUPPORTED_COLUMN))
                    .hasMessageContaining("table blobs, column r")
                    .hasMessageContaining("a ROW travels as the texts of its fields");
            assertThatThrownBy(() -> JdbcStore.configure(db.dataSource()).include("rows").discover())
                    .isInstanceOfSatisfying(ColumnException.class, e -> assertThat(e.code())
                            .isEqualTo(ErrorCode.UNSUPPORTED_COLUMN))
                    .hasMessageContaining("table rows, column r")
                    .hasMessageContaining("H2 2.3 converts such elements into rows wrongly");
        }
    }

    @Test
    void anArrayOfArraysThatIsNotRectangularOrHasEmptyInnerArraysFailsTheExportNamingTableKeyAndColumn() {
        try (TestDatabase db = TestDatabase.create(Kind.H2)) {
            db.execute("CREATE TABLE grids (id INTEGER PRIMARY KEY, cells INTEGER ARRAY ARRAY)",
                    "INSERT INTO grids VALUES (1, ARRAY[ARRAY[1, 2], ARRAY[3, 4]]), (2, ARRAY[ARRAY[1], ARRAY[2, 3]])",
                    "CREATE TABLE holes (id INTEGER PRIMARY KEY, cells INTEGER ARRAY ARRAY)",
                    "INSERT INTO holes VALUES (7, ARRAY[ARRAY[1], NULL])",
                    "CREATE TABLE empties (id INTEGER PRIMARY KEY, cells INTEGER ARRAY ARRAY)",
                    "INSERT INTO empties VALUES (9, ARRAY[ARRAY[], ARRAY[]])");

            for (String table : List.of("grids", "holes", "empties")) {
                Path archive = dir.resolve(table + ".zip");
                assertThatThrownBy(() -> Stores.portability(JdbcStore.configure(db.dataSource()).include(table)
                        .discover()).export(archive))
                        .isInstanceOfSatisfying(PortabilityException.class,
                                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE))
                        .hasMessageContaining("table " + table + ", column cells, row with key "
                                + (table.equals("grids") ? 2 : table.equals("holes") ? 7 : 9))
                        .hasMessageContaining(table.equals("empties") ? "an inner array is empty" : "rectangular");
                assertThat(Files.exists(archive)).as("an archive left behind").isFalse();
            }
        }
    }

    /** One value H2 cannot hold: the column, the value, and what the refusal says. */
    private record Refusal(String column, Object value, String message) {
    }

    @Test
    void whatAnH2ColumnCannotHoldIsRefusedNamingTableKeyAndColumnAndNothingIsWritten() throws Exception {
        List<Refusal> refusals = List.of(
                new Refusal("born", Infinity.POSITIVE, "the value infinity (PostgreSQL's date or timestamp later "
                        + "than every other) has no equal in this column's type"),
                new Refusal("seen", Infinity.NEGATIVE, "the value -infinity"),
                new Refusal("born", new NativeValue("mariadb", "0000-00-00"), "the mariadb value '0000-00-00' has no "
                        + "equal in this column's type"),
                new Refusal("took", new NativeValue("mariadb", "838:59:59"), "the mariadb value '838:59:59'"),
                new Refusal("span", "INTERVAL '1' DAY", "it is not an H2 INTERVAL DAY TO SECOND literal"),
                new Refusal("span", "INTERVAL '1 00:00:00.1234' DAY TO SECOND", "it has 4 fractional digits and "
                        + "the column keeps 3"),
                new Refusal("span", "1 day", "is not an H2 INTERVAL DAY TO SECOND literal"),
                new Refusal("at", "10:00:00.5+01", "it has 1 fractional digits and the column keeps 0"),
                new Refusal("at", "10:00", "it is not an H2 TIME WITH TIME ZONE value"),
                new Refusal("shape", "not hex", "is not hexadecimal"),
                new Refusal("pair", "[\"1\"]", "is not a ROW of 2 fields"),
                new Refusal("pair", "ROW (1, x)", "is not a ROW of 2 fields"),
                new Refusal("grid", List.of(1L, 2L), "a 1-dimensional array cannot be stored in an H2 array of 2"),
                new Refusal("grid", List.of(List.of(List.of(1L))), "an array of more than 2 dimensions"),
                new Refusal("grid", new BoundedArray(List.of(0, 1), List.of(List.of(1L))), "this column's arrays "
                        + "start at 1"),
                new Refusal("days", List.of(List.of(LocalDate.of(2024, 1, 1))), "the array has several dimensions, "
                        + "but this column holds arrays of one dimension"),
                new Refusal("days", List.of(new NativeValue("mariadb", "0000-00-00")), "the mariadb value"));
        try (TestDatabase db = TestDatabase.create(Kind.H2)) {
            db.execute("CREATE TABLE odd (id INTEGER PRIMARY KEY, born DATE, seen TIMESTAMP WITH TIME ZONE, "
                    + "took TIME, span INTERVAL DAY TO SECOND(3), at TIME WITH TIME ZONE, shape GEOMETRY, "
                    + "pair ROW(a INTEGER, b VARCHAR(5)), grid INTEGER ARRAY ARRAY, days DATE ARRAY)",
                    "INSERT INTO odd (id, born) VALUES (1, DATE '2024-01-01')");
            JdbcStore store = JdbcStore.discover(db.dataSource());
            TableAdapter<JdbcUnitOfWork> odd = Stores.table(store, "odd");
            var before = Databases.contents(db.dataSource(), "odd", "id");
            assertThat(odd.schema().column("span").orElseThrow().nativeType())
                    .isEqualTo(NativeType.of("h2", "INTERVAL DAY TO SECOND(3)"));
            assertThat(odd.schema().column("grid").orElseThrow().nativeType())
                    .isEqualTo(NativeType.of("h2", "INTEGER ARRAY ARRAY"));

            for (Refusal refusal : refusals) {
                Row good = Row.of(odd.schema(), 2L, LocalDate.of(2024, 2, 29), null, null, null, null, null, null,
                        null, null);
                Row bad = Row.of(odd.schema(), 3L, null, null, null, null, null, null, null, null, null)
                        .with(refusal.column(), refusal.value());
                assertThatThrownBy(() -> {
                    try (JdbcUnitOfWork work = store.begin(Access.WRITE)) {
                        odd.insert(work, List.of(good)); // written, then rolled back
                        odd.insert(work, List.of(bad));
                        work.commit();
                    }
                }).as(refusal.toString()).isInstanceOfSatisfying(PortabilityException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE))
                        .hasMessageContaining("table odd, column " + refusal.column() + ", row with key 3")
                        .hasMessageContaining(refusal.message());
                assertThat(Databases.contents(db.dataSource(), "odd", "id")).as(refusal.toString())
                        .isEqualTo(before);
            }
        }
    }
}
