package dev.portability.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A column whose type an archive cannot carry stops the command with its own exit code (7, not a usage error) and a
 * message that says how to leave it out in the command's options, never in Java methods; {@code --skip-column}
 * (with the quoting rule for names that hold dots) and {@code --skip-unsupported-columns} leave it out.
 */
class SkipColumnsCliTest {

    @TempDir
    Path dir;

    private String database(String name, String... statements) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve(name);
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
        return url;
    }

    private static List<String> rows(String url, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    @Test
    void anUnsupportedColumnIsExitCode7NamingTheOptionsThatLeaveItOut() throws Exception {
        String url = database("sessions", "CREATE TABLE sessions (id INTEGER PRIMARY KEY, state JAVA_OBJECT, "
                + "note VARCHAR(20))", "INSERT INTO sessions (id, note) VALUES (1, 'one'), (2, 'two')");

        CliRun.Result refused = new CliRun().run("export", dir.resolve("a.zip").toString(), "--url", url, "--user",
                "sa");
        CliRun.Result json = new CliRun().run("stats", "--url", url, "--user", "sa", "--json");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(7);
        assertThat(refused.errLines()).hasSize(1);
        assertThat(refused.errLines().get(0)).startsWith("Error: table sessions, column state: type 'JAVA_OBJECT'")
                .contains("serialized Java object")
                .contains("Leave the column out with --skip-column sessions.state, its table with --exclude "
                        + "sessions, or every such column with --skip-unsupported-columns")
                .doesNotContain("skipColumn(").doesNotContain("skipUnsupportedColumns()");
        assertThat(json.exitCode()).isEqualTo(7);
        assertThat(json.out()).contains("\"code\" : \"UNSUPPORTED_COLUMN\"").contains("\"exitCode\" : 7");

        for (List<String> skip : List.of(List.of("--skip-column", "sessions.state"),
                List.of("--skip-unsupported-columns"))) {
            List<String> args = new ArrayList<>(List.of("export", dir.resolve("b.zip").toString(), "--url", url,
                    "--user", "sa", "--quiet"));
            args.addAll(skip);
            CliRun.Result exported = new CliRun().run(args.toArray(String[]::new));
            assertThat(exported.exitCode()).as(exported.toString()).isZero();
            String target = database("target-" + skip.size(), "CREATE TABLE sessions (id INTEGER PRIMARY KEY, "
                    + "state JAVA_OBJECT, note VARCHAR(20))");
            List<String> imported = new ArrayList<>(List.of("import", dir.resolve("b.zip").toString(), "--url",
                    target, "--user", "sa", "--quiet"));
            imported.addAll(skip);
            CliRun.Result done = new CliRun().run(imported.toArray(String[]::new));
            assertThat(done.exitCode()).as(done.toString()).isZero();
            assertThat(rows(target, "SELECT id, state, note FROM sessions ORDER BY id"))
                    .containsExactly("1|null|one", "2|null|two");
        }
    }

    @Test
    void namesWithDotsAreQuotedAndAMalformedOrUnknownColumnIsAUsageError() throws Exception {
        String url = database("dots", "CREATE TABLE \"my.table\" (id INTEGER PRIMARY KEY, \"a.b\" VARCHAR(10), "
                + "\"say\"\"hi\" VARCHAR(10), plain VARCHAR(10))",
                "INSERT INTO \"my.table\" VALUES (1, 'x', 'y', 'z')");
        Path archive = dir.resolve("dots.zip");

        CliRun.Result exported = new CliRun().run("export", archive.toString(), "--url", url, "--user", "sa",
                "--quiet", "--skip-column", "\"my.table\".\"a.b\"", "--skip-column", "\"my.table\".\"say\"\"hi\"");
        CliRun.Result inspected = new CliRun().run("inspect", archive.toString(), "--json");
        CliRun.Result malformed = new CliRun().run("stats", "--url", url, "--user", "sa", "--skip-column",
                "my.table.plain");
        CliRun.Result unknown = new CliRun().run("stats", "--url", url, "--user", "sa", "--skip-column",
                "\"my.table\".nope");

        assertThat(exported.exitCode()).as(exported.toString()).isZero();
        assertThat(inspected.out()).contains("\"name\" : \"plain\"").doesNotContain("\"name\" : \"a.b\"")
                .doesNotContain("say");
        assertThat(malformed.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(malformed.err()).contains("--skip-column 'my.table.plain': expected TABLE.COLUMN")
                .contains("'\"my.table\".\"col\"'");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("--skip-column: table my.table has no column 'nope'")
                .doesNotContain("skipColumn");
    }

    @Test
    void theQuotingRuleReadsWhatItWrites() {
        for (String[] names : new String[][] {{"film", "release_year"}, {"my.table", "col"}, {"a\"b", "c.d"},
            {"x", " padded "}}) {
            assertThat(ColumnNames.parse(ColumnNames.format(names[0], names[1]))).containsExactly(names);
        }
        assertThat(ColumnNames.format("my.table", "col")).isEqualTo("\"my.table\".col");
        assertThat(ColumnNames.parse("\"my.table\".\"col\"")).containsExactly("my.table", "col");
        for (String bad : List.of("table", "a.b.c", ".col", "table.", "\"open.col", "ta\"ble.col", "\"t\"x.col")) {
            assertThatThrownBy(() -> ColumnNames.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
