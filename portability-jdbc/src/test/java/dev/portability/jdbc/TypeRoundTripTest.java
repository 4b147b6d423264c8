package dev.portability.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portability.api.ImportOptions;
import dev.portability.api.ImportResult;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import dev.portability.jdbc.TestDatabase.Kind;
import dev.portability.jdbc.TypeCatalog.Col;
import dev.portability.jdbc.TypeCatalog.Fixture;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every type of {@link TypeCatalog} (the table of {@code docs/jdbc-types.md}) on the real database: discovery
 * reports the documented logical type, the adapter reads every edge value, NULL, 10 MB of text and 10 MB of
 * bytes exactly, and an export imported into an empty database of the same kind leaves it holding exactly what
 * the source holds.
 */
class TypeRoundTripTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyMappedTypeRoundTripsExactlyWithEdgeValuesNullsAndTenMegabyteValues(Kind kind) throws Exception {
        roundTrip(kind, TypeCatalog.of(kind));
    }

    /** Without arrays every PostgreSQL column has a binary COPY form: the other path of the adapter's inserts. */
    @Test
    void postgresqlTypesRoundTripThroughBinaryCopyToo() throws Exception {
        roundTrip(Kind.POSTGRESQL, TypeCatalog.postgres().withoutArrays());
    }

    private void roundTrip(Kind kind, Fixture fixture) throws Exception {
        try (TestDatabase source = TestDatabase.create(kind); TestDatabase target = TestDatabase.create(kind)) {
            List<String> setup = new ArrayList<>(fixture.ddl());
            setup.addAll(fixture.inserts());
            source.execute(setup.toArray(String[]::new));
            insertBigValues(source, fixture);
            target.execute(fixture.ddl().toArray(String[]::new));

            JdbcStore sourceStore = JdbcStore.discover(source.dataSource());
            TableSchema schema = Stores.table(sourceStore, "types").schema();
            for (Col column : fixture.columns()) {
                assertThat(schema.column(column.name())).as("column %s (%s)", column.name(), column.ddl())
                        .hasValueSatisfying(c -> assertThat(c.type()).isEqualTo(column.type()));
            }
            List<Object[]> expected = expected(fixture);
            assertThat(Stores.differences(schema, Stores.rows(sourceStore, "types"), expected))
                    .as("values read from %s", kind).isEmpty();

            Path archive = dir.resolve(kind + ".zip");
            Stores.portability(sourceStore).export(archive);
            // MariaDB imports run in the strict sql_mode a host should have (and issue 13 pins): zero dates stay
            // writable because it has neither NO_ZERO_DATE nor NO_ZERO_IN_DATE
            DataSource targetSource = kind == Kind.MARIADB
                    ? target.dataSourceWithSqlMode("STRICT_ALL_TABLES,NO_AUTO_VALUE_ON_ZERO,NO_ENGINE_SUBSTITUTION")
                    : target.dataSource();
            JdbcStore targetStore = JdbcStore.discover(targetSource);
            ImportResult result = Stores.portability(targetStore).importArchive(archive, ImportOptions.replace());

            assertThat(result.inserted()).isEqualTo((long) expected.size());
            List<Row> imported = Stores.rows(targetStore, "types");
            assertThat(Stores.differences(schema, imported, expected)).as("values imported into %s", kind).isEmpty();
            assertThat(TextForms.differences(TextForms.of(kind, target.dataSource(), fixture),
                    TextForms.of(kind, source.dataSource(), fixture))).as("the database's own text of each value")
                    .isEmpty();
        }
    }

    private static void insertBigValues(TestDatabase database, Fixture fixture) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO types (id, " + fixture.bigText()
                    + ") VALUES (?, ?)")) {
                ps.setInt(1, TypeCatalog.BIG_TEXT_ROW);
                ps.setString(2, TypeCatalog.BIG_TEXT);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO types (id, " + fixture.bigBinary()
                    + ") VALUES (?, ?)")) {
                ps.setInt(1, TypeCatalog.BIG_BINARY_ROW);
                ps.setBytes(2, TypeCatalog.BIG_BINARY);
                ps.executeUpdate();
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    /** The fixture's rows, then the two big rows: NULL everywhere except their one column. */
    private static List<Object[]> expected(Fixture fixture) {
        List<Object[]> rows = new ArrayList<>(fixture.expected());
        int columns = fixture.columns().size() + 1;
        Object[] text = new Object[columns];
        text[0] = (long) TypeCatalog.BIG_TEXT_ROW;
        Object[] bytes = new Object[columns];
        bytes[0] = (long) TypeCatalog.BIG_BINARY_ROW;
        for (int c = 0; c < fixture.columns().size(); c++) {
            if (fixture.columns().get(c).name().equals(fixture.bigText())) {
                text[c + 1] = TypeCatalog.BIG_TEXT;
            }
            if (fixture.columns().get(c).name().equals(fixture.bigBinary())) {
                bytes[c + 1] = TypeCatalog.BIG_BINARY;
            }
        }
        rows.add(text);
        rows.add(bytes);
        return rows;
    }
}
