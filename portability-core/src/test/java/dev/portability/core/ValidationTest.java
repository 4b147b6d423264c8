package dev.portability.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portability.api.ErrorCode;
import dev.portability.api.LogicalType;
import dev.portability.api.Problem;
import dev.portability.api.TableSchema;
import dev.portability.api.ValidationReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per kind of problem validation reports, each asserting kind, entry, line and column. */
class ValidationTest {

    @TempDir
    Path dir;

    private Path archive;
    private Portability host;

    @BeforeEach
    void exportAValidArchive() {
        archive = dir.resolve("valid.zip");
        Fixtures.portability(Fixtures.shop(5)).export(archive);
        host = Fixtures.portability(Fixtures.shop(0));
    }

    private Path rows(String table, java.util.function.UnaryOperator<List<String>> change) throws Exception {
        return Archives.withRows(archive, dir.resolve("changed.zip"), table, change);
    }

    private static List<String> replaceLine(List<String> lines, int line, String from, String to) {
        List<String> copy = new ArrayList<>(lines);
        String before = copy.get(line - 1);
        assertThat(before).contains(from);
        copy.set(line - 1, before.replace(from, to));
        return copy;
    }

    private static Problem only(ValidationReport report, ErrorCode code) {
        assertThat(report.valid()).isFalse();
        assertThat(report.problems()).extracting(Problem::code).contains(code);
        return report.problems().stream().filter(p -> p.code() == code).findFirst().orElseThrow();
    }

    @Test
    void aValidArchiveHasNoProblems() {
        ValidationReport report = host.validate(archive);

        assertThat(report.problems()).isEmpty();
        assertThat(report.valid()).isTrue();
        assertThat(report.archive().totalRows()).isEqualTo(10);
        assertThat(report.archive().application()).isEqualTo("shop");
    }

    @Test
    void aFileThatIsNotAZipIsReportedAsNotAnArchive() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.zip"), "these are not the archives you are looking for");

        ValidationReport report = host.validate(text);

        assertThat(only(report, ErrorCode.NOT_AN_ARCHIVE).message()).contains("not a ZIP archive");
        assertThat(report.archiveInfo()).isEmpty();
    }

    @Test
    void aMissingManifestIsReported() throws Exception {
        Map<String, byte[]> entries = Archives.entries(archive);
        entries.remove("manifest.json");

        ValidationReport report = host.validate(Archives.write(dir.resolve("b.zip"), entries));

        assertThat(only(report, ErrorCode.MANIFEST_MISSING).entry()).isEqualTo("manifest.json");
    }

    @Test
    void aManifestThatIsNotJsonIsReported() throws Exception {
        Path broken = Archives.withEntry(archive, dir.resolve("b.zip"), "manifest.json", m -> m + "}{");

        assertThat(only(host.validate(broken), ErrorCode.MANIFEST_INVALID).message()).contains("not valid JSON");
    }

    @Test
    void aNewerFormatVersionIsUnsupportedAndSaysToUpgradeTheLibrary() throws Exception {
        Path newer = Archives.withManifest(archive, dir.resolve("b.zip"), m -> m.put("formatVersion", 3));

        Problem problem = only(host.validate(newer), ErrorCode.UNSUPPORTED_FORMAT);

        assertThat(problem.message()).contains("format version 3").contains("upgrade the Portability library");
    }

    @Test
    void aChecksumMismatchNamesTheEntryAndTable() throws Exception {
        Path tampered = Archives.withManifest(archive, dir.resolve("b.zip"),
                m -> Archives.table(m, "orders").put("sha256", "0".repeat(64)));

        Problem problem = only(host.validate(tampered), ErrorCode.CHECKSUM_MISMATCH);

        assertThat(problem.table()).isEqualTo("orders");
        assertThat(problem.entry()).isEqualTo("tables/0002.jsonl");
    }

    @Test
    void aSizeMismatchIsReported() throws Exception {
        Path tampered = Archives.withManifest(archive, dir.resolve("b.zip"),
                m -> Archives.table(m, "customers").put("bytes", 3));

        assertThat(only(host.validate(tampered), ErrorCode.SIZE_MISMATCH).table()).isEqualTo("customers");
    }

    @Test
    void aRowCountMismatchIsReported() throws Exception {
        Path tampered = Archives.withManifest(archive, dir.resolve("b.zip"),
                m -> Archives.table(m, "customers").put("rows", 6));

        Problem problem = only(host.validate(tampered), ErrorCode.ROW_COUNT_MISMATCH);

        assertThat(problem.message()).contains("says 6 rows").contains("holds 5");
    }

    @Test
    void textInAnIntegerColumnIsReportedWithRowAndColumn() throws Exception {
        Path changed = rows("orders", lines -> replaceLine(lines, 3, "\"customer_id\":3", "\"customer_id\":\"abc\""));

        Problem problem = only(host.validate(changed), ErrorCode.INVALID_VALUE);

        assertThat(problem.table()).isEqualTo("orders");
        assertThat(problem.line()).isEqualTo(3L);
        assertThat(problem.column()).isEqualTo("customer_id");
        assertThat(problem.entry()).isEqualTo("tables/0002.jsonl");
        assertThat(problem.message()).isEqualTo("'abc' is not an INTEGER");
    }

    @Test
    void aBadDateIsReported() throws Exception {
        Path changed = rows("customers", lines -> replaceLine(lines, 2, "\"born\":null", "\"born\":\"2023-02-29\""));

        Problem problem = only(host.validate(changed), ErrorCode.INVALID_VALUE);

        assertThat(problem.column()).isEqualTo("born");
        assertThat(problem.line()).isEqualTo(2L);
        assertThat(problem.message()).startsWith("'2023-02-29' is not a DATE");
    }

    @Test
    void aDecimalBeyondItsPrecisionIsReported() throws Exception {
        Path changed = rows("customers", lines -> replaceLine(lines, 1, "\"balance\":\"1.05\"",
                "\"balance\":\"123456789.05\""));

        Problem problem = only(host.validate(changed), ErrorCode.INVALID_VALUE);

        assertThat(problem.column()).isEqualTo("balance");
        assertThat(problem.message()).contains("DECIMAL(10,2)").contains("more than 8 digits before");
    }

    @Test
    void nullInANotNullColumnIsReported() throws Exception {
        Path changed = rows("customers", lines -> replaceLine(lines, 4, "\"name\":\"Customer 4\"", "\"name\":null"));

        Problem problem = only(host.validate(changed), ErrorCode.NULL_NOT_ALLOWED);

        assertThat(problem.line()).isEqualTo(4L);
        assertThat(problem.column()).isEqualTo("name");
    }

    @Test
    void duplicatePrimaryKeysInsideTheArchiveAreReported() throws Exception {
        Path changed = rows("customers", lines -> replaceLine(lines, 5, "\"id\":5", "\"id\":2"));

        Problem problem = only(host.validate(changed), ErrorCode.DUPLICATE_KEY);

        assertThat(problem.line()).isEqualTo(5L);
        assertThat(problem.message()).contains("primary key 2");
    }

    @Test
    void duplicateKeysAreFoundInUnorderedRowsToo() throws Exception {
        Path changed = rows("customers", lines -> {
            List<String> copy = new ArrayList<>(lines);
            java.util.Collections.reverse(copy);
            copy.add(copy.get(2));
            return copy;
        });

        Problem problem = only(host.validate(changed), ErrorCode.DUPLICATE_KEY);

        assertThat(problem.line()).isEqualTo(6L);
    }

    @Test
    void aTableTheHostDoesNotHaveIsReported() throws Exception {
        TableSchema customersOnly = Fixtures.CUSTOMERS;
        Portability smaller = Fixtures.portability(new MemoryStore(customersOnly));

        Problem problem = only(smaller.validate(archive), ErrorCode.UNKNOWN_TABLE);

        assertThat(problem.table()).isEqualTo("orders");
        assertThat(problem.message()).contains("no such table");
    }

    @Test
    void aColumnTheHostTableDoesNotHaveIsReported() throws Exception {
        TableSchema fewer = TableSchema.builder("customers").column("id", LogicalType.integer(), false)
                .column("name", LogicalType.text(50), false).column("balance", LogicalType.decimal(10, 2), true)
                .primaryKey("id").build();
        Portability other = Fixtures.portability(new MemoryStore(fewer, Fixtures.ORDERS));

        Problem problem = only(other.validate(archive), ErrorCode.UNKNOWN_COLUMN);

        assertThat(problem.table()).isEqualTo("customers");
        assertThat(problem.column()).isEqualTo("born");
    }

    @Test
    void aRequiredColumnTheArchiveLacksIsReported() throws Exception {
        TableSchema more = TableSchema.builder("customers").column("id", LogicalType.integer(), false)
                .column("name", LogicalType.text(50), false).column("balance", LogicalType.decimal(10, 2), true)
                .column("born", LogicalType.date(), true).column("tier", LogicalType.text(), false)
                .primaryKey("id").build();
        Portability other = Fixtures.portability(new MemoryStore(more, Fixtures.ORDERS));

        Problem problem = only(other.validate(archive), ErrorCode.MISSING_COLUMN);

        assertThat(problem.column()).isEqualTo("tier");
        assertThat(problem.message()).contains("NOT NULL");
    }

    @Test
    void aMalformedLineIsReportedWithItsLine() throws Exception {
        Path changed = rows("customers", lines -> replaceLine(lines, 2, "}", "} {\"x\":1}"));

        Problem problem = only(host.validate(changed), ErrorCode.MALFORMED_ROW);

        assertThat(problem.line()).isEqualTo(2L);
        assertThat(problem.message()).contains("more than one JSON value");
    }

    @Test
    void anArchiveWithSeveralProblemsReportsAllOfThem() throws Exception {
        Path changed = rows("orders", lines -> {
            List<String> copy = replaceLine(lines, 1, "\"customer_id\":1", "\"customer_id\":\"one\"");
            copy = replaceLine(copy, 2, "\"total\":\"0.20\"", "\"total\":null");
            return replaceLine(copy, 4, "\"id\":40", "\"id\":30");
        });
        changed = Archives.withManifest(changed, dir.resolve("worse.zip"),
                m -> Archives.table(m, "customers").put("sha256", "f".repeat(64)));

        ValidationReport report = host.validate(changed);

        assertThat(report.problems()).extracting(Problem::code).containsExactlyInAnyOrder(
                ErrorCode.INVALID_VALUE, ErrorCode.NULL_NOT_ALLOWED, ErrorCode.DUPLICATE_KEY,
                ErrorCode.CHECKSUM_MISMATCH);
        assertThat(report.problemCount()).isEqualTo(4);
        assertThat(report.summary()).contains("4 problems found").contains("row 2, column total");
    }

    @Test
    void theReportIsTheSameFromAStream() throws Exception {
        ValidationReport report = host.validate(Files.newInputStream(archive));

        assertThat(report.valid()).isTrue();
        assertThat(new String(Files.readAllBytes(archive), StandardCharsets.ISO_8859_1)).startsWith("PK");
    }
}
