package dev.portability.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portability.api.ArchiveLimits;
import dev.portability.api.ArchiveTable;
import dev.portability.api.ConfigurationException;
import dev.portability.api.ErrorCode;
import dev.portability.api.InvalidArchiveException;
import dev.portability.api.LogicalType;
import dev.portability.api.Manifest;
import dev.portability.api.Phase;
import dev.portability.api.Problem;
import dev.portability.api.ProgressEvent;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import dev.portability.api.ValidationReport;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading an archive without a store: the manifest as written, each table's rows as the {@link Row}s that were
 * exported (every logical type, and the values only format 2 carries), a clear error for a table the archive does
 * not hold, damage found by verify and by reading, the limits enforced, and close releasing the file and every
 * stream still open. Every archive is written by the library's own export.
 */
class ArchiveReaderTest {

    static final TableSchema KINDS = TableSchema.builder("kinds")
            .column("id", LogicalType.integer(), false)
            .column("flag", LogicalType.bool(), true)
            .column("amount", LogicalType.decimal(12, 3), true)
            .column("ratio", LogicalType.float64(), true)
            .column("name", LogicalType.text(20), true)
            .column("data", LogicalType.binary(), true)
            .column("day", LogicalType.date(), true)
            .column("at", LogicalType.time(), true)
            .column("seen", LogicalType.timestamp(), true)
            .column("stamped", LogicalType.timestampTz(), true)
            .column("uid", LogicalType.uuid(), true)
            .column("doc", LogicalType.json(), true)
            .column("tags", LogicalType.array(LogicalType.text()), true)
            .column("span", LogicalType.nativeType("postgresql", "interval"), true)
            .primaryKey("id")
            .build();

    @TempDir
    Path dir;

    static List<Object[]> kindRows() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {1L, true, new BigDecimal("-12.500"), 0.1, "Ann", new byte[] {0, 1, (byte) 255},
            LocalDate.of(2024, 2, 29), LocalTime.of(13, 45, 30, 123_456_000), LocalDateTime.of(2024, 2, 29, 13, 45),
            OffsetDateTime.of(2024, 2, 29, 13, 45, 30, 0, ZoneOffset.ofHoursMinutes(5, 30)),
            UUID.fromString("6f1c2d3e-0000-4000-8000-00000000abcd"), "{\"a\": [1, 2]}",
            Arrays.asList("x", null, "z"), "1 day 02:00:00"});
        rows.add(new Object[] {2L, false, BigDecimal.ZERO.setScale(3), Double.NaN, "", new byte[0],
            LocalDate.of(1, 1, 1), LocalTime.MIDNIGHT, LocalDateTime.of(9999, 12, 31, 23, 59, 59),
            OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), new UUID(0, 0), "null", List.of(), "00:00:00"});
        Object[] nulls = new Object[KINDS.columns().size()];
        nulls[0] = 3L;
        rows.add(nulls);
        return rows;
    }

    private Path export() {
        MemoryStore store = new MemoryStore(KINDS, ArchiveFormat2Test.VALUES);
        store.put("kinds", kindRows().toArray(Object[][]::new));
        store.put("vals", ArchiveFormat2Test.rows().toArray(Object[][]::new));
        Path archive = dir.resolve("values.zip");
        Portability.builder().application("values").schemaVersion(7).store(store).build().export(archive);
        return archive;
    }

    private static List<Row> readAll(ArchiveReader archive, String table) {
        List<Row> rows = new ArrayList<>();
        archive.forEachRow(table, rows::add);
        return rows;
    }

    @Test
    void theManifestIsWhatTheExportWrote() {
        Path archive = export();
        Manifest inspected = Portability.builder().application("values").schemaVersion(7)
                .store(new MemoryStore(KINDS, ArchiveFormat2Test.VALUES)).build().inspect(archive);

        try (ArchiveReader reader = ArchiveReader.open(archive)) {
            Manifest manifest = reader.manifest();
            assertThat(manifest).isEqualTo(inspected);
            assertThat(manifest.application()).isEqualTo("values");
            assertThat(manifest.schemaVersion()).isEqualTo(7);
            assertThat(manifest.formatVersion()).isEqualTo(2);
            assertThat(manifest.tables()).extracting(ArchiveTable::name).containsExactly("kinds", "vals");
            assertThat(manifest.table("kinds").orElseThrow().schema()).isEqualTo(KINDS);
            assertThat(manifest.table("kinds").orElseThrow().rows()).isEqualTo(3);
        }
    }

    @Test
    void eachTablesRowsAreTheRowsThatWereExportedInTheArchivesOwnSchema() {
        Path archive = export();

        try (ArchiveReader reader = ArchiveReader.open(archive)) {
            List<Row> kinds = readAll(reader, "kinds");
            List<Row> vals = readAll(reader, "vals");

            assertThat(kinds).containsExactlyElementsOf(kindRows().stream().map(v -> Row.of(KINDS, v)).toList());
            assertThat(vals).containsExactlyElementsOf(ArchiveFormat2Test.rows().stream()
                    .map(v -> Row.of(ArchiveFormat2Test.VALUES, v)).toList());
            assertThat(kinds.get(0).schema()).isEqualTo(KINDS);
        }
    }

    @Test
    void aRowStreamIsAnIteratorThatEndsOnceAndCountsItsRows() {
        Path archive = export();

        try (ArchiveReader reader = ArchiveReader.open(archive);
                ArchiveReader.RowStream rows = reader.rows("kinds")) {
            assertThat(rows.schema()).isEqualTo(KINDS);
            assertThat(rows.row()).isZero();
            assertThat(rows.next().get("name")).isEqualTo("Ann");
            assertThat(rows.row()).isEqualTo(1);
            assertThat(rows.hasNext()).isTrue();
            assertThat(rows.hasNext()).isTrue();
            rows.next();
            rows.next();
            assertThat(rows.hasNext()).isFalse();
            assertThat(rows.row()).isEqualTo(3);
            assertThatThrownBy(rows::next).isInstanceOf(NoSuchElementException.class)
                    .hasMessageContaining("table kinds has no more rows (3 read)");
        }
    }

    @Test
    void aTableTheArchiveDoesNotHoldIsRefusedNamingTheTablesItHolds() {
        Path archive = export();

        try (ArchiveReader reader = ArchiveReader.open(archive)) {
            assertThatThrownBy(() -> reader.rows("customers")).isInstanceOf(ConfigurationException.class)
                    .hasMessage("table: the archive holds no table customers; it holds [kinds, vals]");
        }
    }

    @Test
    void aValidArchiveVerifiesAsValidationWithoutATargetDoes() {
        Path archive = export();
        List<ProgressEvent> events = new ArrayList<>();

        ValidationReport report;
        try (ArchiveReader reader = ArchiveReader.open(archive)) {
            report = reader.verify(events::add, null);
        }

        assertThat(report.valid()).as(report.summary()).isTrue();
        assertThat(report.archive().totalRows()).isEqualTo(7);
        assertThat(events).extracting(ProgressEvent::phase).containsOnly(Phase.VALIDATING);
        assertThat(events).extracting(ProgressEvent::table).contains("kinds", "vals");
    }

    @Test
    void aTamperedEntryIsFoundByVerifyAndByReadingItsRows() throws IOException {
        Path archive = export();
        String entry = Portability.builder().application("values").schemaVersion(7)
                .store(new MemoryStore(KINDS, ArchiveFormat2Test.VALUES)).build().inspect(archive)
                .table("kinds").orElseThrow().entry();
        Path tampered = Archives.withEntry(archive, dir.resolve("tampered.zip"), entry,
                text -> text.replace("\"Ann\"", "\"Eve\""));

        try (ArchiveReader reader = ArchiveReader.open(tampered)) {
            ValidationReport report = reader.verify();
            assertThat(report.valid()).isFalse();
            assertThat(report.problems()).extracting(Problem::code).containsExactly(ErrorCode.CHECKSUM_MISMATCH);
            assertThat(report.problems().get(0).table()).isEqualTo("kinds");
            assertThat(report.problems().get(0).entry()).isEqualTo(entry);

            ArchiveReader.RowStream rows = reader.rows("kinds");
            assertThat(rows.next().get("name")).isEqualTo("Eve"); // streamed: the damage shows at the end
            rows.next();
            rows.next();
            assertThatThrownBy(rows::hasNext).isInstanceOfSatisfying(InvalidArchiveException.class,
                    e -> assertThat(e.report().problems()).extracting(Problem::code)
                            .containsExactly(ErrorCode.CHECKSUM_MISMATCH));
            assertThatThrownBy(rows::hasNext).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
        }
    }

    @Test
    void aBadValueIsRefusedWhereItIsNamingEntryRowAndColumn() throws IOException {
        Path archive = export();
        Path tampered = Archives.withEntry(archive, dir.resolve("tampered.zip"), "tables/0001.jsonl",
                text -> text.replace("\"day\":\"2024-02-29\"", "\"day\":\"2024-02-30\""));

        try (ArchiveReader reader = ArchiveReader.open(tampered);
                ArchiveReader.RowStream rows = reader.rows("kinds")) {
            assertThatThrownBy(rows::next).isInstanceOfSatisfying(InvalidArchiveException.class, e -> {
                Problem problem = e.report().problems().get(0);
                assertThat(problem.code()).isEqualTo(ErrorCode.INVALID_VALUE);
                assertThat(problem.entry()).isEqualTo("tables/0001.jsonl");
                assertThat(problem.line()).isEqualTo(1L);
                assertThat(problem.table()).isEqualTo("kinds");
                assertThat(problem.column()).isEqualTo("day");
            });
        }
        try (ArchiveReader reader = ArchiveReader.open(tampered)) {
            assertThat(reader.verify().problems()).extracting(Problem::code)
                    .contains(ErrorCode.INVALID_VALUE, ErrorCode.CHECKSUM_MISMATCH);
        }
    }

    @Test
    void duplicateKeysAndUnlistedEntriesAreFoundByVerify() throws IOException {
        MemoryStore store = new MemoryStore(KINDS);
        store.put("kinds", kindRows().toArray(Object[][]::new));
        Path archive = dir.resolve("kinds.zip");
        Portability.builder().application("values").store(store).build().export(archive);
        var entries = Archives.entries(archive);
        entries.put("extra.txt", new byte[] {1});
        Path unlisted = Archives.write(dir.resolve("extra.zip"), entries);
        Path duplicate = Archives.withEntry(archive, dir.resolve("duplicate.zip"), "tables/0001.jsonl",
                text -> text.replace("{\"id\":2,", "{\"id\":1,"));

        try (ArchiveReader reader = ArchiveReader.open(unlisted)) {
            assertThat(reader.verify().problems()).extracting(Problem::code)
                    .containsExactly(ErrorCode.ENTRY_UNLISTED);
        }
        try (ArchiveReader reader = ArchiveReader.open(duplicate)) {
            List<Problem> problems = reader.verify().problems();
            assertThat(problems).extracting(Problem::code)
                    .containsExactly(ErrorCode.DUPLICATE_KEY, ErrorCode.CHECKSUM_MISMATCH);
            assertThat(problems.get(0).line()).isEqualTo(2L);
            try (ArchiveReader.RowStream rows = reader.rows("kinds")) {
                rows.next();
                assertThat(rows.next().get("id")).isEqualTo(1L); // reading rows does not compare keys
            }
        }
    }

    @Test
    void anArchiveWhoseManifestCannotBeReadIsRefusedWhenOpened() throws IOException {
        Path archive = export();
        Path noManifest = dir.resolve("no-manifest.zip");
        var entries = Archives.entries(archive);
        entries.remove("manifest.json");
        Archives.write(noManifest, entries);
        Path notZip = Files.writeString(dir.resolve("not.zip"), "hello");

        assertThatThrownBy(() -> ArchiveReader.open(noManifest)).isInstanceOfSatisfying(
                InvalidArchiveException.class, e -> assertThat(e.report().problems()).extracting(Problem::code)
                        .containsExactly(ErrorCode.MANIFEST_MISSING));
        assertThatThrownBy(() -> ArchiveReader.open(notZip)).isInstanceOfSatisfying(
                InvalidArchiveException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_AN_ARCHIVE));
        assertThatThrownBy(() -> ArchiveReader.open(dir.resolve("missing.zip")))
                .hasMessageContaining("does not exist");
    }

    @Test
    void theLimitsApplyToOpeningAndToReadingRows() {
        Path archive = export();

        assertThatThrownBy(() -> ArchiveReader.open(archive, ArchiveLimits.defaults().withMaxArchiveBytes(100)))
                .isInstanceOfSatisfying(InvalidArchiveException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
                    assertThat(e.getMessage()).contains("maxArchiveBytes");
                });
        try (ArchiveReader reader = ArchiveReader.open(archive, ArchiveLimits.defaults().withMaxRowsPerTable(2))) {
            ArchiveReader.RowStream rows = reader.rows("kinds");
            rows.next();
            rows.next();
            assertThatThrownBy(rows::next).isInstanceOfSatisfying(InvalidArchiveException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
                assertThat(e.getMessage()).contains("maxRowsPerTable");
            });
            assertThat(reader.verify().problems()).extracting(Problem::code).contains(ErrorCode.LIMIT_EXCEEDED);
        }
        try (ArchiveReader reader = ArchiveReader.open(archive, ArchiveLimits.defaults().withMaxLineBytes(50))) {
            assertThatThrownBy(() -> reader.forEachRow("kinds", row -> { }))
                    .isInstanceOfSatisfying(InvalidArchiveException.class,
                            e -> assertThat(e.getMessage()).contains("maxLineBytes"));
        }
    }

    @Test
    void closeReleasesTheFileAndEveryStreamStillOpen() throws IOException {
        Path archive = export();
        ArchiveReader reader = ArchiveReader.open(archive);
        ArchiveReader.RowStream kinds = reader.rows("kinds");
        ArchiveReader.RowStream vals = reader.rows("vals");
        kinds.next();
        vals.next();
        assertThat(openDescriptorsOf(archive)).as("open while reading").isPositive();

        reader.close();
        reader.close(); // idempotent

        assertThat(openDescriptorsOf(archive)).as("descriptors of the archive after close").isZero();
        assertThatThrownBy(kinds::next).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> reader.rows("kinds")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(reader::verify).isInstanceOf(IllegalStateException.class);
        assertThat(reader.manifest().tables()).hasSize(2); // what was read stays readable
    }

    @Test
    void closingARowStreamEarlyKeepsTheReaderUsable() {
        Path archive = export();

        try (ArchiveReader reader = ArchiveReader.open(archive)) {
            try (ArchiveReader.RowStream rows = reader.rows("kinds")) {
                rows.next();
            }
            assertThat(readAll(reader, "kinds")).hasSize(3);
            assertThat(reader.verify().valid()).isTrue();
        }
    }

    /** @return how many of this process's file descriptors point at the file; -1 where /proc is missing */
    private static long openDescriptorsOf(Path file) throws IOException {
        Path fds = Path.of("/proc/self/fd");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(fds), "needs /proc/self/fd (Linux)");
        Path real = file.toRealPath();
        try (Stream<Path> all = Files.list(fds)) {
            return all.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(real);
                } catch (IOException e) {
                    return false; // the descriptor closed while listing
                }
            }).count();
        }
    }
}
