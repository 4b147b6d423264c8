package dev.portability.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portability.api.ErrorCode;
import dev.portability.jdbc.TestDatabase;
import dev.portability.jdbc.TestDatabase.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every subcommand, run through picocli on real archive files against real databases (H2 and PostgreSQL): the
 * output a user reads, the JSON a script reads, the exit code, and the database afterwards.
 */
class CommandsEndToEndTest {

    @TempDir
    Path dir;

    private static TestDatabase shop(Kind kind) {
        TestDatabase db = TestDatabase.create(kind);
        Shop.create(db);
        return db;
    }

    private static String[] connect(TestDatabase db, String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--url";
        all[args.length + 1] = db.url();
        all[args.length + 2] = "--user";
        all[args.length + 3] = db.user();
        return all;
    }

    private Path export(TestDatabase db) {
        Path archive = dir.resolve("shop.zip");
        CliRun.Result result = new CliRun().run(connect(db, "export", archive.toString(), "--quiet"));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return archive;
    }

    @ParameterizedTest
    @EnumSource(names = {"H2", "POSTGRESQL"})
    void statsCountsTheRowsOfEveryTable(Kind kind) {
        try (TestDatabase db = shop(kind)) {
            CliRun.Result text = new CliRun().run(connect(db, "stats"));
            CliRun.Result json = new CliRun().run(connect(db, "stats", "--json"));

            assertThat(text.exitCode()).as(text.toString()).isZero();
            assertThat(text.out()).contains("2 tables, 90 rows").containsPattern("customers\\s+30")
                    .containsPattern("orders\\s+60").containsPattern("total\\s+90");
            assertThat(json.exitCode()).isZero();
            JsonNode stats = json.json();
            assertThat(stats.get("totalRows").asLong()).isEqualTo(90);
            assertThat(stats.get("tables")).hasSize(2);
            assertThat(stats.get("tables").get(0).get("table").asText()).isEqualTo("customers");
            assertThat(stats.get("tables").get(0).get("rows").asLong()).isEqualTo(30);
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"H2", "POSTGRESQL"})
    void exportWritesAVerifiedArchiveAndSaysWhatItHolds(Kind kind) {
        try (TestDatabase db = shop(kind)) {
            Path archive = dir.resolve("backup.zip");
            CliRun.Result text = new CliRun().run(connect(db, "export", archive.toString(), "--progress", "none"));
            Path again = dir.resolve("again.zip");
            CliRun.Result json = new CliRun().run(connect(db, "export", again.toString(), "--json",
                    "--application", "shop", "--schema-version", "4"));

            assertThat(text.exitCode()).as(text.toString()).isZero();
            assertThat(archive).isRegularFile();
            assertThat(text.out()).contains("Exported 90 rows of 2 tables to " + archive).contains("verified")
                    .containsPattern("orders\\s+60");
            assertThat(text.err()).isEmpty();
            assertThat(json.exitCode()).as(json.toString()).isZero();
            JsonNode result = json.json();
            assertThat(result.get("totalRows").asLong()).isEqualTo(90);
            assertThat(result.get("verified").asBoolean()).isTrue();
            assertThat(result.get("archiveBytes").asLong()).isEqualTo(fileSize(again));
            assertThat(result.get("tables").get(1).get("sha256").asText()).hasSize(64);
            assertThat(InspectCommand.read(again).application()).isEqualTo("shop");
            assertThat(InspectCommand.read(again).schemaVersion()).isEqualTo(4);
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"H2", "POSTGRESQL"})
    void inspectSummarizesTheManifestWithoutADatabase(Kind kind) {
        try (TestDatabase db = shop(kind)) {
            Path archive = export(db);

            CliRun.Result text = new CliRun().run("inspect", archive.toString());
            CliRun.Result json = new CliRun().run("inspect", archive.toString(), "--json");

            assertThat(text.exitCode()).as(text.toString()).isZero();
            assertThat(text.out()).contains("application     portability-cli").contains("schema version  1")
                    .contains("created at").contains("2 tables, 90 rows").containsPattern("customers\\s+30\\s+")
                    .containsPattern("orders\\s+60\\s+[0-9.]+ (B|KiB)\\s+4\\s+id");
            JsonNode manifest = json.json().get("manifest");
            assertThat(json.exitCode()).isZero();
            assertThat(manifest.get("application").asText()).isEqualTo("portability-cli");
            assertThat(manifest.get("schemaVersion").asInt()).isEqualTo(1);
            assertThat(manifest.get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(manifest.get("totalRows").asLong()).isEqualTo(90);
            assertThat(manifest.get("tables").get(1).get("table").asText()).isEqualTo("orders");
            assertThat(manifest.get("tables").get(1).get("rows").asLong()).isEqualTo(60);
            assertThat(manifest.get("tables").get(1).get("bytes").asLong()).isPositive();
            assertThat(json.json().get("fileBytes").asLong()).isEqualTo(fileSize(archive));
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"H2", "POSTGRESQL"})
    void validateAcceptsAnIntactArchiveAgainstItsManifestAndAgainstTheDatabase(Kind kind) {
        try (TestDatabase db = shop(kind)) {
            Path archive = export(db);

            CliRun.Result alone = new CliRun().run("validate", archive.toString(), "--progress", "none");
            CliRun.Result against = new CliRun().run(connect(db, "validate", archive.toString(), "--json"));

            assertThat(alone.exitCode()).as(alone.toString()).isZero();
            assertThat(alone.out()).contains(archive + " is valid (checked against its own manifest): 2 tables, "
                    + "90 rows.");
            assertThat(against.exitCode()).as(against.toString()).isZero();
            JsonNode report = against.json();
            assertThat(report.get("valid").asBoolean()).isTrue();
            assertThat(report.get("checkedAgainst").asText()).isEqualTo("database");
            assertThat(report.get("problems")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"H2", "POSTGRESQL"})
    void validateListsEveryProblemOfADamagedArchiveAndExitsWithThree(Kind kind) throws Exception {
        try (TestDatabase db = shop(kind)) {
            Path archive = Archives.editedCustomerName(export(db));

            CliRun.Result text = new CliRun().run("validate", archive.toString(), "--progress", "none");
            CliRun.Result json = new CliRun().run(connect(db, "validate", archive.toString(), "--json"));

            assertThat(text.exitCode()).as(text.toString()).isEqualTo(ExitCodes.INVALID_ARCHIVE);
            assertThat(text.out()).contains(archive + " is invalid (checked against its own manifest): 1 problem.")
                    .contains("CHECKSUM_MISMATCH at table customers")
                    .contains("What to do: " + ErrorCode.CHECKSUM_MISMATCH.suggestion());
            assertThat(json.exitCode()).isEqualTo(ExitCodes.INVALID_ARCHIVE);
            assertThat(json.json().get("suggestions").get("CHECKSUM_MISMATCH").asText())
                    .isEqualTo(ErrorCode.CHECKSUM_MISMATCH.suggestion());
            JsonNode report = json.json();
            assertThat(report.get("valid").asBoolean()).isFalse();
            assertThat(report.get("problemCount").asLong()).isEqualTo(1);
            assertThat(report.get("problems").get(0).get("code").asText()).isEqualTo("CHECKSUM_MISMATCH");
            assertThat(report.get("problems").get(0).get("table").asText()).isEqualTo("customers");
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"H2", "POSTGRESQL"})
    void previewShowsNewAndExistingRowsAndWritesNothing(Kind kind) {
        try (TestDatabase db = shop(kind)) {
            Path archive = export(db);
            db.execute("DELETE FROM orders WHERE id > 50", "INSERT INTO customers VALUES (31, 'New', NULL)");

            CliRun.Result text = new CliRun().run(connect(db, "preview", archive.toString(), "--on-conflict",
                    "skip", "--progress", "none"));
            CliRun.Result json = new CliRun().run(connect(db, "preview", archive.toString(), "--json",
                    "--on-conflict", "skip"));

            assertThat(text.exitCode()).as(text.toString()).isZero();
            assertThat(text.out()).contains("MERGE, on conflict skip")
                    .containsPattern("orders\\s+60\\s+10\\s+50\\s+50\\s+0")
                    .containsPattern("customers\\s+30\\s+0\\s+30\\s+31\\s+1")
                    .contains("The import would insert 10 new rows, and keep the 80 existing rows");
            JsonNode preview = json.json();
            assertThat(json.exitCode()).isZero();
            assertThat(preview.get("newRows").asLong()).isEqualTo(10);
            assertThat(preview.get("conflicts").asLong()).isEqualTo(80);
            assertThat(preview.get("wouldBeRefused").asBoolean()).isFalse();
            assertThat(preview.get("tables").get(1).get("sampleConflictKeys").get(0).asLong()).isEqualTo(1);
            assertThat(Shop.count(db, "orders")).isEqualTo(50);
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"H2", "POSTGRESQL"})
    void previewOfARefusedImportExitsWithFour(Kind kind) {
        try (TestDatabase db = shop(kind)) {
            Path archive = export(db);

            CliRun.Result text = new CliRun().run(connect(db, "preview", archive.toString(), "--quiet"));
            CliRun.Result json = new CliRun().run(connect(db, "preview", archive.toString(), "--json", "--quiet"));

            assertThat(text.exitCode()).as(text.toString()).isEqualTo(ExitCodes.CONFLICTS);
            assertThat(text.out()).contains("MERGE, on conflict fail").contains("would be REFUSED: 90 rows");
            assertThat(json.exitCode()).isEqualTo(ExitCodes.CONFLICTS);
            assertThat(json.json().get("wouldBeRefused").asBoolean()).isTrue();
        }
    }

    @Test
    void theOldSpellingOnDuplicateStillWorksWithAWarning() {
        try (TestDatabase db = shop(Kind.H2)) {
            Path archive = export(db);
            db.execute("DELETE FROM orders WHERE id > 50");

            CliRun.Result result = new CliRun().run(connect(db, "import", archive.toString(), "--on-duplicate",
                    "skip", "--progress", "none"));

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.err()).contains("--on-duplicate is deprecated").contains("use --on-conflict");
            assertThat(result.out()).contains("with MERGE, on conflict skip").contains("10 inserted, 0 updated, "
                    + "80 skipped, 0 deleted");
            assertThat(Shop.count(db, "orders")).isEqualTo(60);
            CliRun.Result help = new CliRun().run("import", "--help");
            assertThat(help.out()).contains("--on-conflict").doesNotContain("--on-duplicate");
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"H2", "POSTGRESQL"})
    void importMergeSkipAddsTheMissingRowsAndKeepsTheExistingOnes(Kind kind) {
        try (TestDatabase db = shop(kind)) {
            Path archive = export(db);
            db.execute("DELETE FROM orders WHERE id > 50", "UPDATE customers SET name = 'Changed' WHERE id = 1");

            CliRun.Result result = new CliRun().run(connect(db, "import", archive.toString(), "--mode", "merge",
                    "--on-conflict", "skip", "--progress", "none"));

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out()).contains("with MERGE, on conflict skip").contains("10 inserted, 0 updated, "
                    + "80 skipped, 0 deleted").containsPattern("orders\\s+10\\s+0\\s+50\\s+0\\s+60");
            assertThat(Shop.count(db, "orders")).isEqualTo(60);
            assertThat(Shop.string(db, "SELECT name FROM customers WHERE id = 1")).isEqualTo("Changed");
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"H2", "POSTGRESQL"})
    void importMergeOverwriteTakesTheArchivesValuesAsJson(Kind kind) {
        try (TestDatabase db = shop(kind)) {
            Path archive = export(db);
            db.execute("UPDATE customers SET name = 'Changed' WHERE id = 1");

            CliRun.Result result = new CliRun().run(connect(db, "import", archive.toString(), "--on-conflict",
                    "OVERWRITE", "--tables", "customers", "--json"));

            assertThat(result.exitCode()).as(result.toString()).isZero();
            JsonNode json = result.json();
            assertThat(json.get("mode").asText()).isEqualTo("merge");
            assertThat(json.get("onDuplicate").asText()).isEqualTo("overwrite");
            assertThat(json.get("updated").asLong()).isEqualTo(30);
            assertThat(json.get("tables")).hasSize(1);
            assertThat(json.get("tables").get(0).get("rowsAfter").asLong()).isEqualTo(30);
            assertThat(Shop.string(db, "SELECT name FROM customers WHERE id = 1")).isEqualTo("Customer 1");
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"H2", "POSTGRESQL"})
    void importWithConflictsAndPolicyFailIsRefusedWithFourAndWritesNothing(Kind kind) {
        try (TestDatabase db = shop(kind)) {
            Path archive = export(db);
            db.execute("DELETE FROM orders WHERE id > 50");

            CliRun.Result text = new CliRun().run(connect(db, "import", archive.toString(), "--progress", "none"));
            CliRun.Result json = new CliRun().run(connect(db, "import", archive.toString(), "--json", "--quiet"));

            assertThat(text.exitCode()).as(text.toString()).isEqualTo(ExitCodes.CONFLICTS);
            assertThat(text.out()).isEmpty();
            assertThat(text.errLines()).hasSize(1);
            assertThat(text.err()).startsWith("Error: Import refused: 80 rows of the archive have keys that already "
                    + "exist (customers 1, 2, 3, 4, 5, ...; orders 1, 2, 3, 4, 5, ...). Nothing was written.")
                    .contains("--on-conflict skip");
            assertThat(json.exitCode()).isEqualTo(ExitCodes.CONFLICTS);
            assertThat(json.json().get("error").get("code").asText()).isEqualTo("CONFLICTS");
            assertThat(json.json().get("error").get("exitCode").asInt()).isEqualTo(4);
            assertThat(Shop.count(db, "orders")).isEqualTo(50);
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"H2", "POSTGRESQL"})
    void importReplaceMakesTheTablesHoldExactlyTheArchive(Kind kind) {
        try (TestDatabase db = shop(kind)) {
            Path archive = export(db);
            db.execute("DELETE FROM orders WHERE id > 55", "INSERT INTO customers VALUES (99, 'Extra', NULL)",
                    "UPDATE customers SET name = 'Changed' WHERE id = 2");

            CliRun.Result result = new CliRun().run(connect(db, "import", archive.toString(), "--mode", "replace",
                    "--progress", "lines"));

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out()).contains("with REPLACE").contains("90 inserted, 0 updated, 0 skipped, "
                    + "86 deleted");
            // one pass: validating checks the manifest, the rows are checked while they are written
            assertThat(result.err()).containsPattern("validating\\s+done in")
                    .containsPattern("writing\\s+orders\\s+60 rows");
            assertThat(Shop.count(db, "orders")).isEqualTo(60);
            assertThat(Shop.longs(db, "SELECT id FROM customers ORDER BY id DESC")).first().isEqualTo(30L);
            assertThat(Shop.string(db, "SELECT name FROM customers WHERE id = 2")).isEqualTo("Customer 2");
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"H2", "POSTGRESQL"})
    void importOfADamagedArchiveExitsWithThreeAndOneLineAndLeavesTheDatabase(Kind kind) throws Exception {
        try (TestDatabase db = shop(kind)) {
            Path archive = Archives.editedCustomerName(export(db));
            db.execute("DELETE FROM orders");

            CliRun.Result result = new CliRun().run(connect(db, "import", archive.toString(), "--mode", "replace"));

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.INVALID_ARCHIVE);
            List<String> messages = result.errLines().stream().filter(line -> !line.startsWith("  ")).toList();
            assertThat(messages).hasSize(1);
            assertThat(messages.get(0)).startsWith("Error: " + archive + " is not a valid archive: "
                    + "CHECKSUM_MISMATCH at table customers");
            assertThat(result.err()).doesNotContain("\tat ").doesNotContain("Exception");
            assertThat(Shop.count(db, "orders")).isZero();
            assertThat(Shop.count(db, "customers")).isEqualTo(30);
        }
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
