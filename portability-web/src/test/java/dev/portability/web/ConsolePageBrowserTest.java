package dev.portability.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portability.api.ErrorCode;
import dev.portability.api.ValidationReport;
import dev.portability.jdbc.JdbcStore;
import dev.portability.jdbc.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The export/import page in real headless Chromium, the way a user goes through it: statistics, an export and its
 * download, uploads by the file picker (with progress, cancel and the size limit) and by a drop, a damaged archive's
 * problems, a preview with conflicts, a preview with triggers, rows outside the import and the refusals they cause,
 * MERGE with SKIP to the end, REPLACE through its confirmation dialog, a cancelled import and a failed one with its
 * suggestion and a retry. Every state is checked with axe-core (WCAG 2.2 AA) and photographed under
 * {@code target/browser-screenshots/}; every import is checked in the database afterwards.
 *
 * <p>The archive comes from a source shop of customers 6..30 (named "Customer N (archive)") and their orders; the
 * target of each test is a shop of customers 1..20, orders 1..40 and notes 1..3. Importing one into the other
 * meets 15 + 30 + 3 conflicts and 10 + 20 new rows, and REPLACE deletes customers 1..5 and their 10 orders.
 */
@Tag("browser")
class ConsolePageBrowserTest {

    @TempDir
    static Path temp;

    private static Browser browser;
    private static TestDatabase source;
    private static Path archive;

    /** Starts Chromium once for all tests; without it, each test is skipped (failed under CI) with the reason. */
    @BeforeEach
    void startBrowser() {
        if (browser == null) {
            browser = Browser.start(temp.resolve("downloads"));
        }
    }

    @BeforeAll
    static void start() {
        source = WebShop.create(TestDatabase.Kind.H2, 30);
        source.execute("UPDATE customers SET name = name || ' (archive)'", "DELETE FROM orders WHERE customer_id <= 5",
                "DELETE FROM customers WHERE id <= 5");
        archive = temp.resolve("shop-backup.zip");
        WebShop.portability(source).export(archive);
    }

    @AfterAll
    static void stop() {
        if (source != null) {
            source.close();
        }
        if (browser != null) {
            browser.close();
        }
    }

    /** A console over a fresh target shop, its reads and writes behind a gate the test may close. */
    private static final class Console implements AutoCloseable {
        final TestDatabase db = WebShop.create(TestDatabase.Kind.H2, 20);
        final Gate gate = new Gate();
        final ConsoleServer server;
        final URI page;

        Console(Path spool) {
            this(spool, Duration.ofSeconds(30));
        }

        Console(Path spool, Duration lockTimeout) {
            this(spool, lockTimeout, 1L << 30);
        }

        Console(Path spool, Duration lockTimeout, long maxUploadBytes) {
            this(spool, lockTimeout, maxUploadBytes, db -> { });
        }

        /** @param prepare changes the target before the console discovers its tables */
        Console(Path spool, Consumer<TestDatabase> prepare) {
            this(spool, Duration.ofSeconds(30), 1L << 30, prepare);
        }

        private Console(Path spool, Duration lockTimeout, long maxUploadBytes, Consumer<TestDatabase> prepare) {
            prepare.accept(db);
            server = ConsoleServer.start(Map.of("console", PortabilityWeb.builder(WebShop.portability(gate.around(
                    JdbcStore.configure(db.dataSource()).lockTimeout(lockTimeout).discover())))
                    .access(PortabilityWebAccess.allowAll()).spoolDirectory(spool).maxUploadBytes(maxUploadBytes)
                    .build()));
            page = server.console("console");
        }

        List<List<String>> rows(String table) {
            return WebShop.rows(db, table);
        }

        @Override
        public void close() {
            gate.open();
            server.close();
            db.close();
        }
    }

    // ---------------------------------------------------------------------------------------------- the journey

    @Test
    void statisticsShowOnLoadAndARefreshCountsAgain() {
        try (Console console = new Console(temp.resolve("spool-stats"))) {
            open(console);

            assertThat(rowsOf("#stats-body table")).containsExactly(List.of("customers", "20"), List.of("notes", "3"),
                    List.of("orders", "40"), List.of("All 3 tables", "63"));
            assertThat(text("#app-facts")).isEqualTo("Application shop, schema version 1, Portability "
                    + dev.portability.core.Portability.version() + ".");
            browser.assertAccessible("statistics");

            console.db.execute("INSERT INTO notes VALUES (4, 'fourth')");
            click("#stats-refresh");

            awaitText("#stats-total", "64");
            assertThat(text("#stats-when")).startsWith("Counted at ");
            awaitText("#announcer", "Counted 64 rows in 3 tables.");
            browser.screenshot("01-statistics");
        }
    }

    @Test
    void anExportShowsItsProgressThenDownloadsTheNamedFile() throws IOException {
        try (Console console = new Console(temp.resolve("spool-export"))) {
            open(console);
            console.gate.close();
            click("#export-start");
            try {
                console.gate.awaitReached();
                awaitText("#export-progress-text", "Writing the archive – table customers");
                assertThat(browser.find("#export-cancel").isDisplayed()).isTrue();
                assertThat(active().getAttribute("id")).as("focus moves to Cancel").isEqualTo("export-cancel");
                browser.assertAccessible("export running");
                browser.screenshot("02-export-running");
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            } finally {
                console.gate.open();
            }

            awaitText("#export-result", "Export finished");
            assertThat(active().getText()).as("focus moves to the outcome").isEqualTo("Done: Export finished");
            WebElement again = browser.find("#export-download");
            String fileName = again.getAttribute("download");
            assertThat(fileName).matches("shop-\\d{8}T\\d{6}Z\\.zip");
            assertThat(again.getText()).isEqualTo("Download " + fileName + " again");
            assertThat(again.getAttribute("href")).startsWith(console.page + "api/export/files/");
            assertThat(text("#export-result")).contains("Exported 63 rows of 3 tables into " + fileName);

            Path downloaded = browser.downloads().resolve(fileName);
            browser.await("the download of " + fileName, d -> Files.isRegularFile(downloaded)
                    && !Files.exists(browser.downloads().resolve(fileName + ".crdownload")));
            ValidationReport report = WebShop.portability(console.db).validate(downloaded);
            assertThat(report.valid()).as(report.problems().toString()).isTrue();
            assertThat(report.archive().totalRows()).isEqualTo(63);
            assertThat(report.archive().application()).isEqualTo("shop");
            browser.assertAccessible("export finished");
            browser.screenshot("03-export-finished");
        }
    }

    @Test
    void aDamagedArchiveChosenWithThePickerShowsEveryProblemWithTableRowAndColumn() throws IOException {
        Path damaged = temp.resolve("damaged.zip");
        damage(archive, damaged);
        try (Console console = new Console(temp.resolve("spool-damaged"))) {
            open(console);

            browser.find("#file").sendKeys(damaged.toAbsolutePath().toString());

            awaitText("#archive-result", "Invalid: damaged.zip cannot be imported");
            List<List<String>> problems = rowsOf("#archive-result table");
            assertThat(problems).anySatisfy(row -> assertThat(row.subList(0, 4))
                    .containsExactly("INVALID_VALUE", "orders", "2", "total"));
            assertThat(problems).anySatisfy(row -> assertThat(row.subList(0, 4))
                    .containsExactly("NULL_NOT_ALLOWED", "customers", "3", "name"));
            assertThat(problems).anySatisfy(row -> assertThat(row.subList(0, 2))
                    .containsExactly("CHECKSUM_MISMATCH", "orders"));
            assertThat(text("#archive-result")).contains(ErrorCode.INVALID_VALUE.suggestion())
                    .contains(ErrorCode.NULL_NOT_ALLOWED.suggestion());
            assertThat(browser.find("#options").isDisplayed()).as("nothing to import").isFalse();
            assertThat(active().getText()).startsWith("Invalid:");
            browser.assertAccessible("damaged archive");
            browser.screenshot("05-damaged-archive");
            assertThat(console.rows("customers")).hasSize(20);
        }
    }

    @Test
    void aFileOverTheLimitIsNotSentAndAnUploadShowsItsProgressAndCanBeCancelled() throws IOException {
        Path large = temp.resolve("large.zip");
        Path medium = temp.resolve("medium.zip");
        Files.write(large, new byte[200 * 1024 + 1]);
        Files.write(medium, new byte[120 * 1024]);
        try (Console console = new Console(temp.resolve("spool-upload"), Duration.ofSeconds(30), 200 * 1024)) {
            open(console);
            assertThat(text("#file-limit")).startsWith("Archives of up to 200 KiB.");

            browser.find("#file").sendKeys(large.toAbsolutePath().toString());

            awaitText("#archive-result", "Error: This file is too large");
            assertThat(text("#archive-result")).contains("large.zip is 200 KiB (204,801 bytes); this console accepts "
                    + "archives of up to 200 KiB (204,800 bytes). Nothing was sent.").contains("What to do: Ask whoever runs the console to raise "
                    + "its upload limit (maxUploadBytes)");
            browser.assertAccessible("file too large");

            browser.throttleUploads(30 * 1024);
            try {
                browser.find("#file").sendKeys(medium.toAbsolutePath().toString());
                browser.await("the upload under way", d -> {
                    String value = browser.find("#upload-progress-bar").getAttribute("value");
                    return value != null && Integer.parseInt(value) >= 1;
                });
                assertThat(Integer.parseInt(browser.find("#upload-progress-bar").getAttribute("value")))
                        .as("30 KiB/s take 4 s for the whole file").isLessThan(100);
                assertThat(text("#upload-progress-text")).matches("Uploading medium\\.zip: [0-9.,]+ (bytes|KiB) of "
                        + "120 KiB");
                browser.assertAccessible("upload running");
                browser.screenshot("04-upload-running");
                click("#upload-cancel");
                awaitText("#announcer", "Upload cancelled.");
            } finally {
                browser.throttleUploads(-1);
            }
            assertThat(browser.find("#upload-progress").isDisplayed()).isFalse();
            assertThat(active().getAttribute("id")).isEqualTo("file");
        }
    }

    @Test
    void aDroppedArchiveIsPreviewedWithItsConflictsThenMergedKeepingYourRowsToTheEnd() throws IOException {
        try (Console console = new Console(temp.resolve("spool-merge"))) {
            open(console);
            List<List<String>> before = console.rows("customers");

            browser.drop("#dropzone", "shop-backup.zip", Files.readAllBytes(archive));

            awaitText("#archive-result", "Valid: shop-backup.zip can be imported");
            assertThat(text("#archive-result")).contains("Application\nshop").contains("Schema version\n1")
                    .contains("Rows\n78 rows in 3 tables").containsPattern("Created at\n\\d{4}-\\d\\d-\\d\\d "
                            + "\\d\\d:\\d\\d:\\d\\d UTC");
            assertThat(active().getText()).isEqualTo("Valid: shop-backup.zip can be imported");
            browser.assertAccessible("valid archive");

            click("#preview-start");
            awaitText("#preview-result", "Preview:");
            assertThat(text("#preview-result")).contains("30 new rows would be added. 48 rows have keys that already "
                    + "exist (conflicts): with \"Stop\", the whole import would be refused");
            List<List<String>> preview = rowsOf("#preview-table");
            assertThat(preview.get(0).subList(0, 7)).containsExactly("customers", "25", "10", "15",
                    "6, 7, 8, 9, 10, 11, 12, 13, … (7 more)", "20", "5");
            assertThat(preview.get(0).get(7)).isEqualTo("Refused: 15 keys of the archive exist in table customers; "
                    + "the conflict policy FAIL refuses the import.");
            assertThat(preview).anySatisfy(row -> assertThat(row.subList(0, 7)).containsExactly("orders", "50",
                    "20", "30", "6, 7, 8, 9, 10, 11, 12, 13, … (22 more)", "40", "10"));
            assertThat(browser.find("#import-start").isEnabled()).isFalse();
            assertThat(text("#import-blocked")).isEqualTo("This import would be refused, as the preview says. Choose "
                    + "\"Keep yours\" or \"Take the archive's\" for the conflicts, or Replace, and preview again.");
            browser.assertAccessible("preview refused");
            browser.screenshot("06-preview-with-conflicts");

            click("label[for=policy-skip]");
            assertThat(browser.find("#preview-result").isDisplayed()).as("a preview of another choice").isFalse();
            click("#preview-start");
            awaitText("#preview-result", "What \"Merge, keep yours\" would do");
            assertThat(rowsOf("#preview-table").get(0).get(7)).isEqualTo("15 existing rows kept");
            assertThat(browser.find("#import-start").getText()).isEqualTo("Import (Merge, keep yours)");

            console.gate.close();
            click("#import-start");
            try {
                console.gate.awaitReached();
                awaitText("#import-progress-text", "Writing rows – table customers (1 of 3)");
                assertThat(text("#import-phases")).isEqualTo("Checking the archive (done)\nWriting rows (now)\n"
                        + "Committing");
                assertThat(browser.find("#import-phases [aria-current=step]").getText())
                        .isEqualTo("Writing rows (now)");
                assertThat(active().getAttribute("id")).isEqualTo("import-cancel");
                browser.assertAccessible("import running");
                browser.screenshot("07-import-running");
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            } finally {
                console.gate.open();
            }

            awaitText("#import-result", "Done: Import finished");
            assertThat(text("#import-progress-text")).isEqualTo("Finished.");
            assertThat(browser.find("#import-progress-bar").getAttribute("value")).isEqualTo("100");
            assertThat(text("#import-phases")).isEqualTo("Checking the archive (done)\nWriting rows (done)\n"
                    + "Committing (done)");
            assertThat(text("#import-result")).contains("Merge, keep yours: 30 rows added, 0 updated, 48 skipped, 0 "
                    + "deleted");
            assertThat(active().getText()).isEqualTo("Done: Import finished");
            awaitText("#stats-total", "93");
            List<List<String>> customers = console.rows("customers");
            assertThat(customers.subList(0, 20)).isEqualTo(before);
            assertThat(customers.subList(20, 30)).isEqualTo(WebShop.rows(source, "customers").subList(15, 25));
            assertThat(console.rows("orders")).hasSize(60);
            assertThat(console.rows("notes")).hasSize(3);
            browser.assertAccessible("import finished");
            browser.screenshot("08-merge-finished");
        }
    }

    @Test
    void replaceStatesInADialogWhatEachTableLosesAndOnlyAConfirmationReplaces() {
        try (Console console = new Console(temp.resolve("spool-replace"))) {
            open(console);
            List<List<String>> before = console.rows("customers");
            browser.find("#file").sendKeys(archive.toAbsolutePath().toString());
            awaitText("#archive-result", "Valid:");

            click("label[for=mode-replace]");
            assertThat(browser.find("#policy-skip").isEnabled()).as("no conflict policy under REPLACE").isFalse();
            assertThat(browser.find("#policy-replace-note").isDisplayed()).isTrue();
            click("#preview-start");
            awaitText("#preview-result", "What \"Replace\" would do");
            assertThat(text("#preview-result")).contains("15 rows you have now would be deleted for good");
            assertThat(rowsOf("#preview-table").get(0).get(7)).isEqualTo("5 rows deleted for good");

            click("#import-start");
            WebElement dialog = browser.find("#replace-dialog");
            browser.await("the dialog", d -> dialog.isDisplayed());
            assertThat(rowsOf("#replace-tables table")).containsExactly(List.of("customers", "20", "5", "25"),
                    List.of("notes", "3", "none", "3"), List.of("orders", "40", "10", "50"));
            assertThat(text("#replace-confirm")).isEqualTo("Delete 15 rows and replace");
            assertThat(active().getAttribute("id")).as("the safe choice has focus").isEqualTo("replace-keep");
            browser.assertAccessible("replace dialog");
            browser.screenshot("09-replace-dialog");

            active().sendKeys(Keys.ESCAPE);
            browser.await("the dialog to close", d -> !dialog.isDisplayed());
            awaitText("#announcer", "Nothing was replaced.");
            assertThat(active().getAttribute("id")).isEqualTo("import-start");
            assertThat(console.rows("customers")).isEqualTo(before);

            click("#import-start");
            browser.await("the dialog", d -> dialog.isDisplayed());
            click("#replace-confirm");

            awaitText("#import-result", "Done: Import finished");
            assertThat(text("#import-result")).contains("Replace: 78 rows added, 0 updated, 0 skipped, 63 deleted");
            for (String table : List.of("customers", "orders", "notes")) {
                assertThat(console.rows(table)).as(table).isEqualTo(WebShop.rows(source, table));
            }
            browser.assertAccessible("replace finished");
        }
    }

    @Test
    void aCancelledImportIsRolledBackAndSaysNothingChanged() throws InterruptedException {
        try (Console console = new Console(temp.resolve("spool-cancel"))) {
            open(console);
            List<List<String>> customers = console.rows("customers");
            List<List<String>> orders = console.rows("orders");
            browser.find("#file").sendKeys(archive.toAbsolutePath().toString());
            awaitText("#archive-result", "Valid:");
            click("label[for=policy-overwrite]");
            click("#preview-start");
            awaitText("#preview-result", "What \"Merge, take the archive's\" would do");

            console.gate.close();
            click("#import-start");
            console.gate.awaitReached();
            click("#import-cancel");
            awaitText("#announcer", "Cancelling the import");
            console.gate.open();

            awaitText("#import-result", "Stopped: Import cancelled: nothing was changed");
            assertThat(text("#import-progress-text")).isEqualTo("Cancelled.");
            assertThat(console.rows("customers")).isEqualTo(customers);
            assertThat(console.rows("orders")).isEqualTo(orders);
            assertThat(browser.find("#import-start").isEnabled()).as("the archive can be imported again").isTrue();
            browser.assertAccessible("import cancelled");
            browser.screenshot("10-import-cancelled");
        }
    }

    @Test
    void aFailedImportShowsWhatHappenedWhatToDoAndARetryThatWorks() throws SQLException {
        try (Console console = new Console(temp.resolve("spool-failed"), Duration.ofMillis(300))) {
            open(console);
            browser.find("#file").sendKeys(archive.toAbsolutePath().toString());
            awaitText("#archive-result", "Valid:");
            click("label[for=policy-overwrite]");
            click("#preview-start");
            awaitText("#preview-result", "What \"Merge, take the archive's\" would do");
            List<List<String>> customers = console.rows("customers");

            // another transaction holds a customer the import overwrites: the import waits 300 ms, then gives up
            try (Connection holder = console.db.dataSource().getConnection()) {
                holder.setAutoCommit(false);
                try (Statement s = holder.createStatement()) {
                    s.executeUpdate("UPDATE customers SET name = 'held' WHERE id = 6");
                }
                click("#import-start");
                awaitText("#import-result", "Error: The import failed: nothing was changed");
                holder.rollback();
            }
            String failure = text("#import-result");
            assertThat(failure).contains("What to do: " + ErrorCode.STORE_FAILURE.suggestion())
                    .contains("Code: STORE_FAILURE, HTTP 503").containsIgnoringCase("timeout");
            assertThat(active().getText()).isEqualTo("Error: The import failed: nothing was changed");
            assertThat(console.rows("customers")).isEqualTo(customers);
            browser.assertAccessible("import failed");
            browser.screenshot("11-import-failed");

            click("#import-result button");

            awaitText("#import-result", "Done: Import finished");
            assertThat(text("#import-result")).contains("Merge, take the archive's: 30 rows added, 48 updated");
            assertThat(console.rows("customers").get(5)).containsExactly("6", "Customer 6 (archive)");
        }
    }

    /** An H2 trigger that does nothing; H2 cannot switch triggers off, so an import that would fire one is refused. */
    public static final class AuditTrigger implements org.h2.api.Trigger {
        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) {
            // an audit trigger would write here
        }
    }

    @Test
    void aPreviewShowsTriggersRowsOutsideTheImportAndTheRefusalsTheyCause() {
        try (Console console = new Console(temp.resolve("spool-refusals"), db -> db.execute(
                "CREATE TABLE reviews (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL REFERENCES customers(id) "
                        + "ON DELETE CASCADE, body VARCHAR(100))",
                "INSERT INTO reviews VALUES (1, 1, 'fine'), (2, 2, 'good'), (3, 7, 'great')",
                "CREATE TRIGGER orders_audit AFTER INSERT ON orders FOR EACH ROW CALL \""
                        + AuditTrigger.class.getName() + "\""))) {
            open(console);
            browser.find("#file").sendKeys(archive.toAbsolutePath().toString());
            awaitText("#archive-result", "Valid:");
            click("label[for=mode-replace]");
            click("#preview-start");
            awaitText("#preview-result", "What \"Replace\" would do");

            List<List<String>> preview = rowsOf("#preview-table");
            assertThat(preview.get(0).get(7).split("\n")).containsExactly("Refused: REPLACE of table customers "
                    + "deletes its 5 rows whose key the archive lacks, and through the ON DELETE actions of foreign keys "
                    + "that would delete 2 rows of table reviews outside the import. Import those tables too, or allow "
                    + "it with ImportOptions.withCascadesAllowed(true) (CLI: --allow-cascades).",
                    "Outside the import, table reviews: 2 rows deleted by Replace", "5 rows deleted for good");
            assertThat(preview.get(2).get(0)).isEqualTo("orders");
            assertThat(preview.get(2).get(7).split("\n")).satisfiesExactly(
                    refusal -> assertThat(refusal).startsWith("Refused: trigger ORDERS_AUDIT on table orders: an H2 "
                            + "AFTER [INSERT] trigger, Java class " + AuditTrigger.class.getName()),
                    trigger -> assertThat(trigger).isEqualTo("Trigger ORDERS_AUDIT: refused"),
                    deleted -> assertThat(deleted).isEqualTo("10 rows deleted for good"));
            assertThat(browser.find("#import-start").isEnabled()).isFalse();
            assertThat(text("#import-blocked")).isEqualTo("This import would be refused, as the preview says. Resolve "
                    + "what the preview lists, then preview again.");
            browser.assertAccessible("preview with refusals");
            browser.screenshot("12-preview-refusals");
            assertThat(console.rows("reviews")).hasSize(3);
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static void open(Console console) {
        browser.driver().get(console.page.toString());
        browser.await("the statistics", d -> !browser.findAll("#stats-total").isEmpty());
    }

    private static String text(String selector) {
        return browser.find(selector).getText();
    }

    private static void click(String selector) {
        browser.find(selector).click();
    }

    private static WebElement active() {
        return browser.driver().switchTo().activeElement();
    }

    private static void awaitText(String selector, String part) {
        browser.await("'" + part + "' in " + selector, d -> {
            List<WebElement> found = browser.findAll(selector);
            return !found.isEmpty() && found.get(0).getText().contains(part);
        });
    }

    /** @return the body and footer rows of a table, each cell's visible text */
    private static List<List<String>> rowsOf(String tableSelector) {
        List<List<String>> rows = new ArrayList<>();
        for (WebElement row : browser.find(tableSelector).findElements(By.cssSelector("tbody tr, tfoot tr"))) {
            rows.add(row.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList());
        }
        return rows;
    }

    /**
     * Damages an archive the way a hand edit does: row 2 of orders gets a total that is not a number, row 3 of
     * customers a NULL name; the manifest's checksums no longer match either entry.
     */
    private static void damage(Path valid, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(valid));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (!entry.getName().equals("manifest.json")) {
                    List<String> lines = new ArrayList<>(text.lines().toList());
                    if (lines.get(0).contains("\"total\"")) {
                        lines.set(1, lines.get(1).replaceFirst("\"total\":\"?[0-9.]+\"?", "\"total\":\"lots\""));
                    } else if (lines.get(0).contains("\"name\"")) {
                        lines.set(2, lines.get(2).replaceFirst("\"name\":\"[^\"]*\"", "\"name\":null"));
                    }
                    text = String.join("\n", lines) + "\n";
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
    }
}
