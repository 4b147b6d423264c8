package dev.portability.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portability.api.ErrorCode;
import dev.portability.api.ImportOptions;
import dev.portability.api.InvalidArchiveException;
import dev.portability.api.Problem;
import dev.portability.api.Row;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archives built by an attacker: each is refused with a typed error and a message that says what is wrong, the
 * target is unchanged, and no temporary file is left behind.
 */
class HostileArchiveTest {

    @TempDir
    Path dir;

    private Path valid;
    private Map<String, byte[]> entries;
    private MemoryStore target;
    private Map<String, Map<Object, Row>> before;

    @BeforeEach
    void setUp() throws IOException {
        valid = dir.resolve("valid.zip");
        Fixtures.portability(Fixtures.shop(3)).export(valid);
        entries = Archives.entries(valid);
        target = Fixtures.shop(2);
        before = target.snapshot();
    }

    private static List<Path> leftovers(Path... dirs) throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path d : dirs) {
            try (Stream<Path> files = Files.list(d)) {
                files.filter(p -> p.getFileName().toString().startsWith("portability-")
                        || p.getFileName().toString().endsWith(".portability.tmp")).forEach(found::add);
            }
        }
        return found;
    }

    /** Imports the archive from a stream (as an upload would) and returns the problems it was refused for. */
    private List<Problem> refused(Path archive, ErrorCode expected) throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> tempBefore = leftovers(tmp);
        InvalidArchiveException[] thrown = new InvalidArchiveException[1];
        try (InputStream upload = Files.newInputStream(archive)) {
            assertThatThrownBy(() -> Fixtures.portability(target).importArchive(upload, ImportOptions.replace()))
                    .isInstanceOfSatisfying(InvalidArchiveException.class, e -> thrown[0] = e);
        }
        List<Problem> problems = thrown[0].report().problems();
        assertThat(problems).extracting(Problem::code).contains(expected);
        assertThat(thrown[0].getMessage()).contains("Nothing was imported");
        assertThat(target.snapshot()).isEqualTo(before);
        assertThat(leftovers(tmp)).containsExactlyInAnyOrderElementsOf(tempBefore);
        assertThat(leftovers(dir)).isEmpty();
        return problems;
    }

    private static Problem first(List<Problem> problems, ErrorCode code) {
        return problems.stream().filter(p -> p.code() == code).findFirst().orElseThrow();
    }

    private RawZip validEntries() {
        RawZip zip = new RawZip();
        entries.forEach(zip::deflated);
        return zip;
    }

    @Test
    void entryNamesThatClimbOutOrAreAbsoluteAreRefused() throws IOException {
        for (String name : List.of("../evil.jsonl", "tables/../../etc/passwd", "/etc/passwd", "C:\\windows\\x",
                "tables\\0001.jsonl", "tables/\u0000.jsonl")) {
            Path archive = validEntries().stored(name, "{}\n").write(dir.resolve("names.zip"));

            Problem problem = first(refused(archive, ErrorCode.UNSAFE_ENTRY), ErrorCode.UNSAFE_ENTRY);

            assertThat(problem.message()).startsWith("entry name ").contains("refused");
        }
    }

    @Test
    void duplicateEntryNamesAreRefused() throws IOException {
        Path archive = validEntries().stored("tables/0001.jsonl", "{\"id\":666}\n").write(dir.resolve("dup.zip"));

        Problem problem = first(refused(archive, ErrorCode.UNSAFE_ENTRY), ErrorCode.UNSAFE_ENTRY);

        assertThat(problem.entry()).isEqualTo("tables/0001.jsonl");
        assertThat(problem.message()).contains("two entries with this name");
    }

    @Test
    void aDuplicatedManifestIsRefused() throws IOException {
        Path archive = validEntries().stored("manifest.json", "{}").write(dir.resolve("dup.zip"));

        assertThat(first(refused(archive, ErrorCode.UNSAFE_ENTRY), ErrorCode.UNSAFE_ENTRY).entry())
                .isEqualTo("manifest.json");
    }

    @Test
    void aMissingManifestIsRefused() throws IOException {
        RawZip zip = new RawZip();
        entries.forEach((name, data) -> {
            if (!name.equals("manifest.json")) {
                zip.deflated(name, data);
            }
        });

        refused(zip.write(dir.resolve("m.zip")), ErrorCode.MANIFEST_MISSING);
    }

    @Test
    void aManifestThatIsNotJsonIsRefused() throws IOException {
        RawZip zip = new RawZip();
        entries.forEach((name, data) -> zip.deflated(name, name.equals("manifest.json")
                ? "<manifest/>".getBytes(StandardCharsets.UTF_8) : data));

        assertThat(first(refused(zip.write(dir.resolve("m.zip")), ErrorCode.MANIFEST_INVALID),
                ErrorCode.MANIFEST_INVALID).message()).contains("not valid JSON");
    }

    @Test
    void aHugeManifestIsRefusedWithoutReadingItAll() throws IOException {
        RawZip zip = new RawZip();
        byte[] huge = ("{\"format\":\"" + " ".repeat(20 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        entries.forEach((name, data) -> zip.deflated(name, name.equals("manifest.json") ? huge : data));

        assertThat(first(refused(zip.write(dir.resolve("m.zip")), ErrorCode.LIMIT_EXCEEDED),
                ErrorCode.LIMIT_EXCEEDED).message()).contains("manifest.json is larger than");
    }

    @Test
    void anEntryListedButAbsentIsRefused() throws IOException {
        RawZip zip = new RawZip();
        entries.forEach((name, data) -> {
            if (!name.equals("tables/0002.jsonl")) {
                zip.deflated(name, data);
            }
        });

        Problem problem = first(refused(zip.write(dir.resolve("a.zip")), ErrorCode.ENTRY_MISSING),
                ErrorCode.ENTRY_MISSING);

        assertThat(problem.entry()).isEqualTo("tables/0002.jsonl");
        assertThat(problem.table()).isEqualTo("orders");
    }

    @Test
    void anEntryPresentButUnlistedIsRefused() throws IOException {
        Path archive = validEntries().stored("tables/0003.jsonl", "{}\n").write(dir.resolve("u.zip"));

        assertThat(first(refused(archive, ErrorCode.ENTRY_UNLISTED), ErrorCode.ENTRY_UNLISTED).entry())
                .isEqualTo("tables/0003.jsonl");
    }

    @Test
    void aZipBombStopsAtTheCompressionRatioLimit() throws IOException {
        byte[] zeros = new byte[200 * 1024 * 1024];
        RawZip zip = new RawZip();
        entries.forEach((name, data) -> zip.deflated(name, name.equals("tables/0001.jsonl") ? zeros : data));

        Problem problem = first(refused(zip.write(dir.resolve("bomb.zip")), ErrorCode.LIMIT_EXCEEDED),
                ErrorCode.LIMIT_EXCEEDED);

        assertThat(problem.message()).contains("expands more than 1000 times").contains("maxCompressionRatio");
    }

    @Test
    void anArchiveWithAHundredThousandEntriesIsRefused() throws IOException {
        RawZip zip = validEntries();
        for (int i = 0; i < 100_000; i++) {
            zip.stored("x/" + i, new byte[0]);
        }

        assertThat(first(refused(zip.write(dir.resolve("many.zip")), ErrorCode.LIMIT_EXCEEDED),
                ErrorCode.LIMIT_EXCEEDED).message()).contains("100003 entries").contains("maxEntries");
    }

    @Test
    void aTruncatedArchiveIsRefused() throws IOException {
        byte[] bytes = Files.readAllBytes(valid);
        Path truncated = Files.write(dir.resolve("t.zip"), java.util.Arrays.copyOf(bytes, bytes.length / 2));

        refused(truncated, ErrorCode.NOT_AN_ARCHIVE);
    }

    @Test
    void encryptedAndUnknownMethodEntriesAreRefused() throws IOException {
        Path encrypted = validEntries().odd("tables/0009.jsonl", new byte[10], 1, 0).write(dir.resolve("e.zip"));
        Path unknown = validEntries().odd("tables/0009.jsonl", new byte[10], 0, 99).write(dir.resolve("u.zip"));

        List<Problem> first = refused(encrypted, ErrorCode.NOT_AN_ARCHIVE);
        List<Problem> second = refused(unknown, ErrorCode.NOT_AN_ARCHIVE);

        assertThat(first.get(0).message()).contains("encrypted");
        assertThat(second.get(0).message()).contains("bad compression method");
    }

    private Path withCustomerLine(String line) throws IOException {
        return Archives.withRows(valid, dir.resolve("rows.zip"), "customers", lines -> {
            List<String> copy = new ArrayList<>(lines);
            copy.set(1, line);
            return copy;
        });
    }

    @Test
    void jsonNestedAHundredThousandDeepStopsAtTheNestingLimit() throws IOException {
        Path archive = withCustomerLine("{\"id\":2,\"name\":" + "[".repeat(100_000) + "]".repeat(100_000)
                + ",\"balance\":null,\"born\":null}");

        Problem problem = first(refused(archive, ErrorCode.LIMIT_EXCEEDED), ErrorCode.LIMIT_EXCEEDED);

        assertThat(problem.message()).contains("nested deeper than 64").contains("maxNestingDepth");
        assertThat(problem.table()).isEqualTo("customers");
    }

    @Test
    void aMillionDigitNumberStopsAtTheNumberLimit() throws IOException {
        Path archive = withCustomerLine("{\"id\":" + "9".repeat(1_000_000)
                + ",\"name\":\"x\",\"balance\":null,\"born\":null}");

        assertThat(first(refused(archive, ErrorCode.LIMIT_EXCEEDED), ErrorCode.LIMIT_EXCEEDED).message())
                .contains("maxNumberLength");
    }

    @Test
    void anExponentOfAThousandMillionIsNotAnInteger() throws IOException {
        Path archive = withCustomerLine("{\"id\":1e1000000000,\"name\":\"x\",\"balance\":null,\"born\":null}");

        Problem problem = first(refused(archive, ErrorCode.INVALID_VALUE), ErrorCode.INVALID_VALUE);

        assertThat(problem.column()).isEqualTo("id");
        assertThat(problem.message()).contains("is not an INTEGER");
    }

    @Test
    void invalidUtf8IsRefused() throws IOException {
        Map<String, byte[]> copy = new java.util.LinkedHashMap<>(entries);
        byte[] rows = copy.get("tables/0001.jsonl").clone();
        int quote = new String(rows, StandardCharsets.ISO_8859_1).indexOf("Customer");
        rows[quote] = (byte) 0xC3;
        rows[quote + 1] = (byte) 0x28; // not a continuation byte
        copy.put("tables/0001.jsonl", rows);
        Path archive = Archives.write(dir.resolve("utf8.zip"), copy);

        Problem problem = first(refused(archive, ErrorCode.MALFORMED_ROW), ErrorCode.MALFORMED_ROW);

        assertThat(problem.message()).contains("UTF-8");
    }

    @Test
    void aLoneSurrogateIsRefused() throws IOException {
        Path archive = withCustomerLine("{\"id\":2,\"name\":\"\\ud800\",\"balance\":null,\"born\":null}");

        assertThat(first(refused(archive, ErrorCode.INVALID_VALUE), ErrorCode.INVALID_VALUE).message())
                .contains("unpaired UTF-16 surrogate");
    }

    @Test
    void bareNanAndInfinityTokensAreRefused() throws IOException {
        for (String token : List.of("NaN", "Infinity", "-Infinity")) {
            Path archive = withCustomerLine("{\"id\":2,\"name\":\"x\",\"balance\":" + token + ",\"born\":null}");

            assertThat(first(refused(archive, ErrorCode.MALFORMED_ROW), ErrorCode.MALFORMED_ROW).line())
                    .isEqualTo(2L);
        }
    }

    @Test
    void trailingGarbageAndTwoObjectsOnALineAreRefused() throws IOException {
        Path garbage = withCustomerLine("{\"id\":2,\"name\":\"x\",\"balance\":null,\"born\":null} DROP TABLE");
        Path two = withCustomerLine("{\"id\":2,\"name\":\"x\",\"balance\":null,\"born\":null}{\"id\":4}");

        assertThat(first(refused(garbage, ErrorCode.MALFORMED_ROW), ErrorCode.MALFORMED_ROW).line()).isEqualTo(2L);
        assertThat(first(refused(two, ErrorCode.MALFORMED_ROW), ErrorCode.MALFORMED_ROW).message())
                .contains("more than one JSON value");
    }

    @Test
    void duplicateKeysInARowAreRefused() throws IOException {
        Path archive = withCustomerLine("{\"id\":2,\"name\":\"x\",\"name\":\"y\",\"balance\":null,\"born\":null}");

        assertThat(first(refused(archive, ErrorCode.MALFORMED_ROW), ErrorCode.MALFORMED_ROW).message())
                .contains("names this column twice");
    }

    @Test
    void tableAndColumnNamesShapedLikeSqlAreOnlyEverComparedWithTheHostsNames() throws IOException {
        for (String name : List.of("x\"; DROP TABLE users; --", "pg_catalog.pg_authid", "information_schema.tables")) {
            Path table = Archives.withManifest(valid, dir.resolve("t.zip"),
                    m -> Archives.table(m, "orders").put("name", name));
            Path column = Archives.withManifest(valid, dir.resolve("c.zip"), m -> ((com.fasterxml.jackson.databind
                    .node.ObjectNode) Archives.table(m, "orders").get("columns").get(3)).put("name", name));

            assertThat(first(refused(table, ErrorCode.UNKNOWN_TABLE), ErrorCode.UNKNOWN_TABLE).table()).isEqualTo(name);
            assertThat(refused(column, ErrorCode.UNKNOWN_COLUMN)).extracting(Problem::column).contains(name);
        }
    }

    @Test
    void tamperedChecksumsAndRowCountsAreRefused() throws IOException {
        Path sha = Archives.withManifest(valid, dir.resolve("s.zip"),
                m -> Archives.table(m, "customers").put("sha256", "a".repeat(64)));
        Path count = Archives.withManifest(valid, dir.resolve("r.zip"),
                m -> Archives.table(m, "customers").put("rows", 2));

        refused(sha, ErrorCode.CHECKSUM_MISMATCH);
        refused(count, ErrorCode.ROW_COUNT_MISMATCH);
    }

    @Test
    void anEndlessUploadStopsAtTheArchiveSizeLimitWithoutFillingTheDisk() throws IOException {
        InputStream endless = new InputStream() {
            private long served;

            @Override
            public int read() {
                served++;
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (served > 64L << 20) {
                    throw new AssertionError("the upload was read far beyond the limit");
                }
                java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                served += len;
                return len;
            }
        };
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> tempBefore = leftovers(tmp);
        Portability small = Portability.builder().application("shop").store(target)
                .limits(dev.portability.api.ArchiveLimits.defaults().withMaxArchiveBytes(1 << 20)).build();

        assertThatThrownBy(() -> small.importArchive(endless, ImportOptions.replace()))
                .isInstanceOfSatisfying(InvalidArchiveException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
                    assertThat(e.getMessage()).contains("larger than 1048576 bytes").contains("maxArchiveBytes");
                });

        assertThat(target.snapshot()).isEqualTo(before);
        assertThat(leftovers(tmp)).containsExactlyInAnyOrderElementsOf(tempBefore);
    }
}
