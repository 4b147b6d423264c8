package dev.portability.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portability.jdbc.TestDatabase;
import dev.portability.jdbc.TestDatabase.Kind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's side of "only the imported tables change": preview reports the trigger and the cascade that would
 * refuse a REPLACE (exit code 4, JSON included), import refuses with exit code 4 and one line, and
 * {@code --fire-triggers} with {@code --allow-cascades} let it through.
 */
class ImportSafeguardsCliTest {

    @TempDir
    Path dir;

    /** An H2 trigger that logs every product written. */
    public static final class LogTrigger implements org.h2.api.Trigger {
        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO log (note) VALUES ('product " + newRow[0] + "')");
            }
        }
    }

    private static String[] connect(TestDatabase db, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--url", db.url(), "--user", db.user()));
        return all.toArray(String[]::new);
    }

    private static List<String> rows(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }

    @Test
    void previewAndImportRefuseUntilTheOptionsAllowIt() throws Exception {
        String[] ddl = {"CREATE TABLE product (id INT PRIMARY KEY, name VARCHAR(20))",
            "CREATE TABLE review (id INT PRIMARY KEY, product_id INT REFERENCES product (id) ON DELETE CASCADE)",
            "CREATE TABLE log (id INT AUTO_INCREMENT PRIMARY KEY, note VARCHAR(50))"};
        try (TestDatabase source = TestDatabase.create(Kind.H2); TestDatabase target = TestDatabase.create(Kind.H2)) {
            source.execute(ddl);
            source.execute("INSERT INTO product VALUES (1, 'a')");
            Path archive = dir.resolve("product.zip");
            CliRun.Result export = new CliRun().run(connect(source, "export", archive.toString(), "--tables",
                    "product", "--quiet"));
            assertThat(export.exitCode()).as(export.toString()).isZero();
            target.execute(ddl);
            target.execute("INSERT INTO product VALUES (1, 'old'), (2, 'gone')", "INSERT INTO review VALUES (10, 2)",
                    "CREATE TRIGGER product_log AFTER INSERT ON product FOR EACH ROW CALL \""
                            + LogTrigger.class.getName() + "\"");

            CliRun.Result preview = new CliRun().run(connect(target, "preview", archive.toString(), "--mode",
                    "replace", "--json"));
            CliRun.Result text = new CliRun().run(connect(target, "preview", archive.toString(), "--mode",
                    "replace"));
            CliRun.Result refused = new CliRun().run(connect(target, "import", archive.toString(), "--mode",
                    "replace", "--quiet"));

            assertThat(preview.exitCode()).as(preview.toString()).isEqualTo(ExitCodes.CONFLICTS);
            JsonNode json = preview.json();
            assertThat(json.get("wouldBeRefused").asBoolean()).isTrue();
            assertThat(json.get("refusals")).extracting(r -> r.get("code").asText())
                    .containsExactly("TRIGGER_REFUSED", "CASCADES_OUTSIDE_IMPORT");
            JsonNode product = json.get("tables").get(0);
            assertThat(product.get("triggers").get(0).get("treatment").asText()).isEqualTo("REFUSED");
            assertThat(product.get("outsideChanges").get(0).get("table").asText()).isEqualTo("review");
            assertThat(product.get("outsideChanges").get(0).get("rows").asLong()).isEqualTo(1);
            assertThat(text.out()).contains("Rows of tables outside the import that REPLACE would change:",
                    "review: 1 row deleted, by deleting rows of product", "The import would be REFUSED");
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.CONFLICTS);
            assertThat(refused.errLines()).hasSize(1);
            assertThat(refused.err()).contains("PRODUCT_LOG", "--fire-triggers", "--allow-cascades");
            assertThat(rows(target, "SELECT id || ' ' || name FROM product ORDER BY id")).containsExactly("1 old",
                    "2 gone");

            CliRun.Result allowed = new CliRun().run(connect(target, "import", archive.toString(), "--mode",
                    "replace", "--fire-triggers", "--allow-cascades", "--quiet"));

            assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
            assertThat(rows(target, "SELECT id || ' ' || name FROM product ORDER BY id")).containsExactly("1 a");
            assertThat(rows(target, "SELECT id FROM review")).isEmpty();
            // the product was updated in place (it was there already): no insert, so the trigger added nothing
            assertThat(rows(target, "SELECT note FROM log")).isEmpty();
        }
    }
}
