package dev.portability.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portability.jdbc.TestDatabase;
import dev.portability.jdbc.TestDatabase.Kind;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of failure gives its documented exit code and one clear line on standard error, never a stack trace
 * (unless --verbose).
 */
class FailureExitCodesTest {

    @TempDir
    Path dir;

    /** An H2 file database whose user {@code owner} has the password {@code right}, holding the shop tables. */
    private String passwordProtectedH2() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("secured");
        try (Connection c = DriverManager.getConnection(url, "owner", "right"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL)");
            s.execute("INSERT INTO customers VALUES (1, 'Ada')");
        }
        return url;
    }

    private static void assertOneLineWithoutStackTrace(CliRun.Result result, String expectedStart) {
        assertThat(result.errLines()).as(result.toString()).hasSize(1);
        assertThat(result.errLines().get(0)).startsWith(expectedStart);
        assertThat(result.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void aWrongPasswordOnH2IsADatabaseFailure() throws Exception {
        String url = passwordProtectedH2();

        CliRun.Result wrong = new CliRun().env("PORTABILITY_PASSWORD", "wrong").run("stats", "--url", url,
                "--user", "owner");
        CliRun.Result right = new CliRun().env("PORTABILITY_PASSWORD", "right").run("stats", "--url", url,
                "--user", "owner");

        assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(ExitCodes.DATABASE);
        assertOneLineWithoutStackTrace(wrong, "Error: Database failure: ");
        assertThat(wrong.err()).contains("Wrong user name or password").contains("Check --user and the password");
        assertThat(right.exitCode()).as(right.toString()).isZero();
        assertThat(right.out()).contains("1 tables, 1 rows");
    }

    @Test
    void thePasswordCanComeFromAnotherVariableOrAPrompt() throws Exception {
        String url = passwordProtectedH2();

        CliRun.Result fromVariable = new CliRun().env("SHOP_DB_PASSWORD", "right").run("stats", "--url", url,
                "--user", "owner", "--password-env", "SHOP_DB_PASSWORD", "--quiet");
        InputStream stdin = System.in;
        CliRun.Result prompted;
        try {
            // without a console, picocli reads the prompted value from standard input
            System.setIn(new ByteArrayInputStream("right\n".getBytes(StandardCharsets.UTF_8)));
            prompted = new CliRun().env("PORTABILITY_PASSWORD", "wrong").run("stats", "--url", url, "--user",
                    "owner", "-W", "--json");
        } finally {
            System.setIn(stdin);
        }

        assertThat(fromVariable.exitCode()).as(fromVariable.toString()).isZero();
        assertThat(prompted.exitCode()).as(prompted.toString()).isZero();
        assertThat(prompted.out()).contains("\"totalRows\" : 1");
    }

    @Test
    void aPasswordOnTheCommandLineIsRefused() {
        CliRun.Result result = new CliRun().run("stats", "--url", "jdbc:h2:mem:x", "--password", "secret");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines()).hasSize(2);
        assertThat(result.err()).startsWith("Error: The password is never taken from the command line")
                .contains("PORTABILITY_PASSWORD").doesNotContain("secret");
    }

    @Test
    void anUnknownPostgresUserIsADatabaseFailure() {
        // PostgreSQL here trusts local connections, so no password is ever wrong; a role that does not exist is
        // the login failure it does report (SQLState 28000)
        try (TestDatabase db = TestDatabase.create(Kind.POSTGRESQL)) {
            CliRun.Result result = new CliRun().env("PORTABILITY_PASSWORD", "wrong").run("stats", "--url", db.url(),
                    "--user", "no_such_user_" + db.name());

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.DATABASE);
            assertOneLineWithoutStackTrace(result, "Error: Database failure: ");
            assertThat(result.err()).contains("no_such_user_").contains("28000")
                    .contains("Check --user and the password");
        }
    }

    @Test
    void aWrongMariaDbPasswordIsADatabaseFailure() {
        try (TestDatabase db = TestDatabase.create(Kind.MARIADB)) {
            CliRun.Result result = new CliRun().env("PORTABILITY_PASSWORD", "certainly-wrong").run("stats", "--url",
                    db.url(), "--user", db.user(), "--json");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.DATABASE);
            assertOneLineWithoutStackTrace(result, "Error: Database failure: ");
            assertThat(result.err()).contains("Access denied");
            assertThat(result.json().get("error").get("code").asText()).isEqualTo("STORE_FAILURE");
        }
    }

    @Test
    void anUnreachableServerIsADatabaseFailure() {
        CliRun.Result result = new CliRun().run("stats", "--url", "jdbc:postgresql://127.0.0.1:1/test",
                "--user", "postgres");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.DATABASE);
        assertOneLineWithoutStackTrace(result, "Error: Database failure: ");
        assertThat(result.err()).contains("Check --url, and that the database server is running");
    }

    @Test
    void withVerboseTheStackTraceIsPrinted() {
        CliRun.Result result = new CliRun().run("stats", "--url", "jdbc:postgresql://127.0.0.1:1/test",
                "--verbose");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.DATABASE);
        assertThat(result.err()).contains("\tat ").contains("StoreException");
    }

    @Test
    void aTruncatedArchiveIsInvalidWithOneLine() throws Exception {
        Path archive = Archives.truncated(exportedH2Archive());

        CliRun.Result inspect = new CliRun().run("inspect", archive.toString());
        CliRun.Result validate = new CliRun().run("validate", archive.toString(), "--json");

        assertThat(inspect.exitCode()).as(inspect.toString()).isEqualTo(ExitCodes.INVALID_ARCHIVE);
        assertOneLineWithoutStackTrace(inspect, "Error: " + archive + " is not a valid archive: ");
        assertThat(validate.exitCode()).isEqualTo(ExitCodes.INVALID_ARCHIVE);
        assertThat(validate.json().get("valid").asBoolean()).isFalse();
        assertThat(validate.json().get("problems").get(0).get("code").asText()).isNotEmpty();
    }

    @Test
    void aFileThatIsNoArchiveIsInvalidWithOneLine() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.zip"), "these are not the archives you are looking for");

        CliRun.Result result = new CliRun().run("inspect", notes.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.INVALID_ARCHIVE);
        assertOneLineWithoutStackTrace(result, "Error: " + notes + " is not a valid archive: NOT_AN_ARCHIVE");
        assertThat(result.err()).contains(dev.portability.api.ErrorCode.NOT_AN_ARCHIVE.suggestion());
        CliRun.Result json = new CliRun().run("inspect", notes.toString(), "--json");
        assertThat(json.json().get("error").get("suggestion").asText())
                .isEqualTo(dev.portability.api.ErrorCode.NOT_AN_ARCHIVE.suggestion());
    }

    @Test
    void aMissingArchiveIsAFileFailure() {
        Path missing = dir.resolve("missing.zip");

        CliRun.Result result = new CliRun().run("inspect", missing.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.IO);
        assertOneLineWithoutStackTrace(result, "Error: ");
        assertThat(result.err()).contains("missing.zip");
    }

    @Test
    void anArchiveOfAnotherApplicationIsRefusedWithAHint() throws Exception {
        try (TestDatabase db = TestDatabase.create(Kind.H2)) {
            Shop.create(db);
            Path archive = dir.resolve("crm.zip");
            assertThat(new CliRun().run("export", archive.toString(), "--url", db.url(), "--user", db.user(),
                    "--application", "crm", "--quiet").exitCode()).isZero();

            CliRun.Result result = new CliRun().run("import", archive.toString(), "--url", db.url(), "--user",
                    db.user(), "--mode", "replace", "--quiet");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.INVALID_ARCHIVE);
            assertOneLineWithoutStackTrace(result, "Error: " + archive + " is not a valid archive: "
                    + "WRONG_APPLICATION");
            assertThat(result.err()).contains("add --application crm");
        }
    }

    @Test
    void usageErrorsExitWithTwo() {
        CliRun.Result noUrl = new CliRun().run("stats");
        CliRun.Result unknown = new CliRun().run("export", "x.zip", "--url", "jdbc:h2:mem:x", "--frobnicate");
        CliRun.Result badMode = new CliRun().run("import", "x.zip", "--url", "jdbc:h2:mem:x", "--mode", "upsert");
        CliRun.Result policyWithReplace = new CliRun().run("import", "x.zip", "--url", "jdbc:h2:mem:x", "--mode",
                "replace", "--on-conflict", "skip");
        CliRun.Result noDriver = new CliRun().run("stats", "--url", "jdbc:oracle:thin:@db:1521/x", "--json");
        CliRun.Result noCommand = new CliRun().run();

        assertThat(noUrl.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noUrl.err()).startsWith("Error: Missing required option: '--url=JDBC-URL'")
                .contains("Try 'portability stats --help'");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("Unknown option: '--frobnicate'");
        assertThat(badMode.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badMode.err()).contains("--mode").contains("upsert");
        assertThat(policyWithReplace.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(policyWithReplace.err()).contains("--on-conflict applies to --mode merge only");
        assertThat(noDriver.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noDriver.err()).contains("No JDBC driver accepts the URL");
        assertThat(noDriver.json().get("error").get("code").asText()).isEqualTo("USAGE");
        assertThat(noCommand.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noCommand.err()).contains("Missing command");
    }

    @Test
    void helpDocumentsEveryExitCode() {
        for (String[] args : new String[][] {{"--help"}, {"import", "--help"}, {"help", "demo"}}) {
            CliRun.Result help = new CliRun().run(args);

            assertThat(help.exitCode()).isZero();
            assertThat(help.out()).contains("Exit codes:").containsPattern("\\b0\\s+Success")
                    .containsPattern("\\b2\\s+Usage error").containsPattern("\\b3\\s+Invalid archive")
                    .containsPattern("\\b4\\s+Import refused").containsPattern("\\b5\\s+Database failure")
                    .containsPattern("\\b6\\s+File failure");
        }
    }

    private Path exportedH2Archive() {
        try (TestDatabase db = TestDatabase.create(Kind.H2)) {
            Shop.create(db);
            Path archive = dir.resolve("shop.zip");
            CliRun.Result result = new CliRun().run("export", archive.toString(), "--url", db.url(), "--user",
                    db.user(), "--quiet");
            assertThat(result.exitCode()).as(result.toString()).isZero();
            return archive;
        }
    }
}
