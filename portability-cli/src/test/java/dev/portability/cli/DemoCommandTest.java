package dev.portability.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portability.jdbc.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo runs the whole story to the end (small here; the default size is timed in docs/cli.md). */
class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void theDemoRunsEveryStepAndEndsWithACopyIdenticalToTheShop() {
        CliRun.Result result = new CliRun().run("demo", "--rows", "3000", "--dir", dir.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .contains("1. Created the shop: 10 tables with foreign keys")
                .contains("2. Exported it to " + dir.resolve("shop.zip"))
                .contains("3. Made a second database from the archive")
                .contains("4. Changed the copy")
                .contains("5. Previewed importing the archive into the copy with MERGE, on conflict skip")
                .containsPattern("reviews\\s+\\d+\\s+[1-9]\\d*\\s+\\d+")
                .contains("6. Tried MERGE, on conflict fail: the import was refused")
                .contains("7. Imported with MERGE, on conflict skip")
                .contains("8. Imported with REPLACE")
                .contains("9. Exported the copy again and compared each table's SHA-256 with the first archive: "
                        + "all 10 tables are identical")
                .contains("Time per step:").containsPattern("total\\s+\\d");
        assertThat(dir.resolve("shop.zip")).isRegularFile();
    }

    @Test
    void theDemoReportsItsStepsAsJson() {
        CliRun.Result result = new CliRun().run("demo", "--rows", "1000", "--dir", dir.toString(), "--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode demo = result.json();
        assertThat(demo.get("steps").findValuesAsText("step")).containsExactly("create", "export", "copy",
                "change", "preview", "refuse", "merge", "replace", "check");
        assertThat(demo.get("steps").findValues("millis")).allMatch(JsonNode::canConvertToLong);
        long sourceRows = demo.get("source").get("totalRows").asLong();
        assertThat(sourceRows).isGreaterThanOrEqualTo(900);
        assertThat(demo.get("preview").get("conflicts").asLong()).isPositive();
        assertThat(demo.get("preview").get("newRows").asLong()).isPositive();
        assertThat(demo.get("merge").get("inserted").asLong()).isEqualTo(demo.get("preview").get("newRows").asLong());
        assertThat(demo.get("afterReplace").get("totalRows").asLong()).isEqualTo(sourceRows);
        assertThat(demo.get("identicalAfterReplace").asBoolean()).isTrue();
    }

    @Test
    void theDefaultShopHoldsMoreThanAHundredThousandRowsInTenTablesWithForeignKeys() throws Exception {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2)) {
            DemoShop.createTables(db.dataSource());
            new DemoShop(DemoShop.Size.of(DemoCommand.DEFAULT_ROWS)).fill(db.dataSource());

            long rows = 0;
            for (String table : DemoShop.TABLES) {
                rows += Shop.count(db, table);
            }
            assertThat(rows).isGreaterThan(100_000);
            assertThat(Shop.longs(db, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"))
                    .containsExactly(10L);
            assertThat(Shop.longs(db, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS "
                    + "WHERE CONSTRAINT_TYPE = 'FOREIGN KEY'")).first().isEqualTo(12L);
        }
    }
}
