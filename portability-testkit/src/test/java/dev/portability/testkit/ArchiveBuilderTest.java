package dev.portability.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portability.api.Manifest;
import dev.portability.api.ErrorCode;
import dev.portability.api.ImportOptions;
import dev.portability.api.LogicalType;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import dev.portability.core.ArchiveReader;
import dev.portability.core.Portability;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveBuilderTest {

    private static final TableSchema CUSTOMERS_V2 = TableSchema.builder("customers")
            .column("id", LogicalType.integer(), false)
            .column("full_name", LogicalType.text(), false)
            .primaryKey("id")
            .build();

    @TempDir
    Path dir;

    @Test
    void writesTheApplicationSchemaVersionTablesAndRowsDeclaredInCode() {
        Path archive = ArchiveBuilder.forApplication("shop").schemaVersion(2)
                .table(CUSTOMERS_V2).row(1L, "Ann Smith").row(2L, "Bob Jones")
                .writeTo(dir.resolve("shop-v2.zip"));
        InMemoryStore target = InMemoryStore.of(CUSTOMERS_V2);
        Portability v2 = Portability.builder().application("shop").schemaVersion(2).store(target).build();

        Manifest info = v2.inspect(archive);
        v2.importArchive(archive, ImportOptions.replace());

        assertThat(info.application()).isEqualTo("shop");
        assertThat(info.schemaVersion()).isEqualTo(2);
        assertThat(info.tables()).singleElement().satisfies(t -> {
            assertThat(t.schema()).isEqualTo(CUSTOMERS_V2);
            assertThat(t.rows()).isEqualTo(2);
        });
        assertThat(Stores.rows(target, "customers")).containsExactly(Row.of(CUSTOMERS_V2, 1L, "Ann Smith"),
                Row.of(CUSTOMERS_V2, 2L, "Bob Jones"));
    }

    @Test
    void anArchiveOfAnOlderVersionNeedsMigrationsAndOneOfANewerVersionIsRefused() {
        Path archive = ArchiveBuilder.forApplication("shop").schemaVersion(2)
                .table(CUSTOMERS_V2).row(1L, "Ann Smith")
                .writeTo(dir.resolve("shop-v2.zip"));

        ArchiveAssertions.assertRefused(Portability.builder().application("shop").schemaVersion(3)
                .store(InMemoryStore.of(CUSTOMERS_V2)).build(), archive, ErrorCode.MIGRATION_MISSING);
        ArchiveAssertions.assertRefused(Portability.builder().application("shop").schemaVersion(1)
                .store(InMemoryStore.of(CUSTOMERS_V2)).build(), archive, ErrorCode.ARCHIVE_TOO_NEW);
    }

    @Test
    void generatedRowsOfEveryTableGoIntoTheirTables() {
        Path archive = ArchiveBuilder.forApplication("shop")
                .rows(DataGenerator.seeded(7).rows(Shop.CUSTOMERS, 50))
                .rows(DataGenerator.seeded(8).rows(Shop.EVENTS, 5))
                .writeTo(dir.resolve("generated.zip"));

        try (ArchiveReader reader = ArchiveReader.open(archive)) {
            Manifest info = reader.manifest();
            List<Row> customers = new ArrayList<>();
            reader.forEachRow("customers", customers::add);

            assertThat(info.table("customers").orElseThrow().rows()).isEqualTo(50);
            assertThat(info.table("events").orElseThrow().rows()).isEqualTo(5);
            assertThat(customers).containsExactlyElementsOf(DataGenerator.seeded(7).rows(Shop.CUSTOMERS, 50));
            assertThat(reader.verify().valid()).isTrue();
        }
    }

    @Test
    void aValueThatDoesNotFitItsColumnIsRefusedNamingTheColumn() {
        ArchiveBuilder builder = ArchiveBuilder.forApplication("shop").table(Shop.CUSTOMERS)
                .row(1L, "Ann", null, new BigDecimal("1.234"), null);

        assertThatThrownBy(() -> builder.writeTo(dir.resolve("bad.zip")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("table customers")
                .hasMessageContaining("column balance");
    }

    @Test
    void rowsBeforeAnyTableAreAMistake() {
        assertThatThrownBy(() -> ArchiveBuilder.forApplication("shop").row(1L))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("add a table");
    }

    /** The content of the committed format-1 archive (portability-core/src/test/resources/archives). */
    private static ArchiveBuilder theCommittedFormat1Content() {
        TableSchema item = TableSchema.builder("item")
                .column("id", LogicalType.integer(), false)
                .column("flag", LogicalType.bool(), true)
                .column("amount", LogicalType.decimal(12, 2), true)
                .column("big", LogicalType.decimal(), true)
                .column("ratio", LogicalType.float64(), true)
                .column("name", LogicalType.text(20), true)
                .column("note", LogicalType.text(), true)
                .column("data", LogicalType.binary(), true)
                .column("day", LogicalType.date(), true)
                .column("at", LogicalType.time(), true)
                .column("seen", LogicalType.timestamp(), true)
                .column("stamped", LogicalType.timestampTz(), true)
                .column("uid", LogicalType.uuid(), true)
                .column("doc", LogicalType.json(), true)
                .column("tags", LogicalType.array(LogicalType.text()), true)
                .column("nums", LogicalType.array(LogicalType.integer()), true)
                .primaryKey("id")
                .build();
        TableSchema pay = TableSchema.builder("pay")
                .column("id", LogicalType.integer(), false)
                .column("item_id", LogicalType.integer(), true)
                .column("pay_way", LogicalType.bool(), true)
                .primaryKey("id")
                .foreignKey(dev.portability.api.ForeignKey.of("item_id", "item", "id"))
                .build();
        return ArchiveBuilder.forApplication("v1-archive").schemaVersion(1)
                .table(item)
                .row(1L, true, new BigDecimal("-12.50"), new BigDecimal("123456789012345678901234567890.123456789"),
                        0.1, "Zoë 🌍", "line\nbreak \"quoted\" \\ tab\t", new byte[] {0, 1, 2, (byte) 255},
                        java.time.LocalDate.of(2024, 2, 29), java.time.LocalTime.of(13, 45, 30, 123_456_789),
                        java.time.LocalDateTime.of(2024, 3, 31, 2, 30, 0, 1_000),
                        java.time.OffsetDateTime.of(2024, 3, 31, 2, 30, 0, 0, java.time.ZoneOffset.ofHoursMinutes(5,
                                30)),
                        java.util.UUID.fromString("6f1c2d3e-0000-4000-8000-00000000002a"),
                        "{\"color\":\"red\",\"sizes\":[1,2.5],\"id\":7088992364139642880,"
                                + "\"nested\":{\"a\":[true,false,null]}}",
                        java.util.Arrays.asList("a", null, "ü", ""),
                        java.util.Arrays.asList(1L, null, Long.MIN_VALUE, Long.MAX_VALUE))
                .row(2L, false, new BigDecimal("0.00"), new BigDecimal("-0.000000000000000000001"),
                        -0.0, "", "", new byte[0], java.time.LocalDate.of(10000, 1, 1),
                        java.time.LocalTime.of(23, 59, 59, 999_999_999), java.time.LocalDateTime.of(1, 1, 1, 0, 0),
                        java.time.OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, java.time.ZoneOffset.UTC),
                        java.util.UUID.fromString("00000000-0000-0000-0000-000000000000"),
                        "[0.1000000000000000055511151231257827,-9223372036854775809,\"caf\\u00e9\",1e400]",
                        java.util.List.of(), java.util.List.of())
                .row(3L, null, null, null, Double.NaN, null, null, null, null, null, null, null, null,
                        "\"just a string\"", null, null)
                .row(4L, null, null, null, Double.NEGATIVE_INFINITY, null, null, null, null, null, null, null, null,
                        null, null, null)
                .table(pay)
                .row(1L, 1L, true)
                .row(2L, 2L, false)
                .row(3L, null, null);
    }

    @Test
    void formatVersion1WritesTheTableEntriesReleaseOnePointZeroWrote() throws Exception {
        Path committed = Path.of("..", "portability-core", "src", "test", "resources", "archives", "format-v1.zip");

        Path written = theCommittedFormat1Content().formatVersion(1).writeTo(dir.resolve("v1.zip"));

        dev.portability.testkit.internal.ZipEntries expected = dev.portability.testkit.internal.ZipEntries
                .read(committed);
        dev.portability.testkit.internal.ZipEntries actual = dev.portability.testkit.internal.ZipEntries
                .read(written);
        for (String entry : java.util.List.of("tables/0001.jsonl", "tables/0002.jsonl")) {
            assertThat(new String(actual.entries().get(entry), java.nio.charset.StandardCharsets.UTF_8))
                    .as(entry).isEqualTo(new String(expected.entries().get(entry),
                            java.nio.charset.StandardCharsets.UTF_8));
        }
        com.fasterxml.jackson.databind.node.ObjectNode want = expected.manifest();
        com.fasterxml.jackson.databind.node.ObjectNode got = actual.manifest();
        for (com.fasterxml.jackson.databind.node.ObjectNode manifest : java.util.List.of(want, got)) {
            manifest.remove("createdAt");
            manifest.remove("libraryVersion");
        }
        assertThat(got).isEqualTo(want);
    }

    @Test
    void formatVersion1RefusesWhatOnlyFormat2Holds() {
        TableSchema docs = TableSchema.builder("docs").column("id", LogicalType.integer(), false)
                .column("doc", LogicalType.json(), true).column("day", LogicalType.date(), true)
                .primaryKey("id").build();

        assertThatThrownBy(() -> ArchiveBuilder.forApplication("docs").formatVersion(1).table(docs)
                .row(1L, "null", null).writeTo(dir.resolve("a.zip")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("table docs, row 1, column doc: the JSON literal null is SQL NULL there");
        assertThatThrownBy(() -> ArchiveBuilder.forApplication("docs").formatVersion(1).table(docs)
                .row(1L, "{}", dev.portability.api.Infinity.POSITIVE).writeTo(dir.resolve("b.zip")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column day: it has no infinite dates");
        assertThat(ArchiveBuilder.forApplication("docs").table(docs).row(1L, "null",
                dev.portability.api.Infinity.POSITIVE).writeTo(dir.resolve("c.zip"))).exists();
    }

    @Test
    void aNativeValueIsWrittenOnlyInAColumnOfItsEngineAndNeverInFormatVersion1() throws Exception {
        TableSchema legacy = TableSchema.builder("legacy").column("id", LogicalType.integer(), false)
                .column(new dev.portability.api.Column("born", LogicalType.date(), true,
                        dev.portability.api.NativeType.of("mariadb", "date")))
                .column("plain", LogicalType.date(), true)
                .primaryKey("id").build();
        dev.portability.api.NativeValue zero = new dev.portability.api.NativeValue("mariadb", "0000-00-00");

        Path archive = ArchiveBuilder.forApplication("legacy").table(legacy).row(1L, zero, null)
                .writeTo(dir.resolve("zero.zip"));
        assertThat(new String(dev.portability.testkit.internal.ZipEntries.read(archive).entries()
                .get("tables/0001.jsonl"), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":1,\"born\":\"0000-00-00\",\"plain\":null}\n");
        assertThatThrownBy(() -> ArchiveBuilder.forApplication("legacy").table(legacy).row(1L, null, zero)
                .writeTo(dir.resolve("plain.zip")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column plain: the mariadb value '0000-00-00' is no DATE value, and only a "
                        + "column whose native type is mariadb's holds it");
        assertThatThrownBy(() -> ArchiveBuilder.forApplication("legacy").formatVersion(1).table(legacy)
                .row(1L, zero, null).writeTo(dir.resolve("v1.zip")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column born: it has no native values (mariadb '0000-00-00')");
    }
}
