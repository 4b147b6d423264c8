package dev.portability.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portability.api.ErrorCode;
import dev.portability.api.ExportOptions;
import dev.portability.api.ImportOptions;
import dev.portability.api.ImportPreview;
import dev.portability.api.ImportRefusedException;
import dev.portability.api.OutsideChange;
import dev.portability.api.Problem;
import dev.portability.api.TablePreview;
import dev.portability.core.Portability;
import dev.portability.jdbc.TestDatabase.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A REPLACE of some tables never changes rows of tables outside the import. The target's {@code review}
 * references {@code product} with ON DELETE CASCADE (and {@code review_vote} references {@code review} the same
 * way), {@code wish} with ON DELETE SET NULL, {@code purchase} without an action; the archive holds
 * {@code product} only. Rows whose key the archive holds are updated in place; a product the archive lacks is
 * deleted only when that changes nothing outside, else the import is refused before writing, naming the tables
 * and the rows, as preview says.
 */
class ReplaceOutsideTheImportTest {

    private static final String[] DDL = {
        "CREATE TABLE product (id INT PRIMARY KEY, name VARCHAR(20))",
        "CREATE TABLE review (id INT PRIMARY KEY, product_id INT NOT NULL, stars INT,"
                + " FOREIGN KEY (product_id) REFERENCES product (id) ON DELETE CASCADE)",
        "CREATE TABLE review_vote (id INT PRIMARY KEY, review_id INT NOT NULL,"
                + " FOREIGN KEY (review_id) REFERENCES review (id) ON DELETE CASCADE)",
        "CREATE TABLE wish (id INT PRIMARY KEY, product_id INT,"
                + " FOREIGN KEY (product_id) REFERENCES product (id) ON DELETE SET NULL)",
        "CREATE TABLE purchase (id INT PRIMARY KEY, product_id INT,"
                + " FOREIGN KEY (product_id) REFERENCES product (id))"};

    private static final String[] TABLES = {"product", "id", "review", "id", "review_vote", "id", "wish", "id",
        "purchase", "id"};

    @TempDir
    static Path dir;

    /** The archive of each kind, made once for the class. */
    private static final Map<Kind, Path> ARCHIVES = new java.util.EnumMap<>(Kind.class);

    private static Portability portability(DataSource dataSource) {
        return Portability.builder().application("shop").store(JdbcStore.discover(dataSource)).build();
    }

    /** An archive of products 1 and 2, with new names. */
    private static synchronized Path archive(Kind kind) {
        return ARCHIVES.computeIfAbsent(kind, ReplaceOutsideTheImportTest::exportProducts);
    }

    private static Path exportProducts(Kind kind) {
        try (TestDatabase source = TestDatabase.create(kind)) {
            source.execute(DDL);
            source.execute("INSERT INTO product VALUES (1, 'a'), (2, 'b')");
            Path archive = dir.resolve("product-" + kind + ".zip");
            portability(source.dataSource()).export(archive, ExportOptions.defaults().withTables("product"));
            return archive;
        }
    }

    /** A target with products 1, 2 and {@code products} more, reviews, votes and wishes of them. */
    private static TestDatabase target(Kind kind, int... more) {
        TestDatabase target = TestDatabase.create(kind);
        target.execute(DDL);
        target.execute("INSERT INTO product VALUES (1, 'a-old'), (2, 'b-old')",
                "INSERT INTO review VALUES (20, 1, 1), (22, 2, 3)", "INSERT INTO review_vote VALUES (200, 20)",
                "INSERT INTO wish VALUES (300, 2)");
        for (int id : more) {
            target.execute("INSERT INTO product VALUES (" + id + ", 'gone')",
                    "INSERT INTO review VALUES (" + (20 + id * 10) + ", " + id + ", 5), (" + (21 + id * 10) + ", " + id
                            + ", 4)",
                    "INSERT INTO review_vote VALUES (" + (200 + id * 10) + ", " + (20 + id * 10) + ")",
                    "INSERT INTO wish VALUES (" + (300 + id) + ", " + id + ")");
        }
        return target;
    }

    private static Map<String, List<List<Object>>> contents(TestDatabase db) throws Exception {
        return Databases.contents(db.dataSource(), TABLES);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void rowsWhoseKeyTheArchiveHoldsAreUpdatedInPlace(Kind kind) throws Exception {
        Path archive = archive(kind);
        try (TestDatabase target = target(kind)) {
            Map<String, List<List<Object>>> expected = contents(target);
            expected.put("product", List.of(List.of("ID=Integer:1", "NAME=String:a"),
                    List.of("ID=Integer:2", "NAME=String:b")));

            Portability portability = portability(target.dataSource());
            ImportPreview preview = portability.preview(archive, ImportOptions.replace());
            portability.importArchive(archive, ImportOptions.replace());

            assertThat(Databases.differences(upper(contents(target)), upper(expected))).isEmpty();
            assertThat(preview.refusals()).isEmpty();
            TablePreview product = preview.tables().get(0);
            assertThat(product.rowsReplaceWouldDelete()).isZero();
            assertThat(product.outsideChanges()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void deletingARowTheArchiveLacksIsRefusedWhenItCascadesOutside(Kind kind) throws Exception {
        Path archive = archive(kind);
        try (TestDatabase target = target(kind, 3, 4)) {
            Map<String, List<List<Object>>> before = contents(target);
            Portability portability = portability(target.dataSource());

            ImportPreview preview = portability.preview(archive, ImportOptions.replace());
            assertThatThrownBy(() -> portability.importArchive(archive, ImportOptions.replace()))
                    .isInstanceOfSatisfying(ImportRefusedException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.CASCADES_OUTSIDE_IMPORT);
                        assertThat(e.getMessage()).contains("table product", "2 rows whose key the archive lacks",
                                "delete 4 rows of table review", "delete 2 rows of table review_vote",
                                "set 2 rows of table wish to NULL", "--allow-cascades");
                        assertThat(e.refusals()).isEqualTo(preview.refusals());
                    });

            assertThat(contents(target)).isEqualTo(before);
            assertThat(preview.wouldBeRefused()).isTrue();
            TablePreview product = preview.tables().get(0);
            assertThat(product.rowsReplaceWouldDelete()).isEqualTo(2);
            assertThat(changes(product)).containsExactlyInAnyOrder("review DELETE 4", "review_vote DELETE 2",
                    "wish SET_NULL 2");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void cascadesOutsideTheImportHappenOnlyWhenAllowed(Kind kind) throws Exception {
        Path archive = archive(kind);
        try (TestDatabase target = target(kind, 3)) {
            Map<String, List<List<Object>>> expected = contents(target);
            expected.put("product", List.of(List.of("ID=Integer:1", "NAME=String:a"),
                    List.of("ID=Integer:2", "NAME=String:b")));
            expected.put("review", new ArrayList<>(expected.get("review").subList(0, 2)));
            expected.put("review_vote", new ArrayList<>(expected.get("review_vote").subList(0, 1)));
            List<List<Object>> wishes = new ArrayList<>(expected.get("wish"));
            wishes.set(1, List.of("ID=Integer:303", "PRODUCT_ID=NULL"));
            expected.put("wish", wishes);
            ImportOptions options = ImportOptions.replace().withCascadesAllowed(true);

            Portability portability = portability(target.dataSource());
            ImportPreview preview = portability.preview(archive, options);
            portability.importArchive(archive, options);

            assertThat(Databases.differences(upper(contents(target)), upper(expected))).isEmpty();
            assertThat(preview.refusals()).isEmpty();
            assertThat(changes(preview.tables().get(0))).containsExactlyInAnyOrder("review DELETE 2",
                    "review_vote DELETE 1", "wish SET_NULL 1");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aForeignKeyWithoutActionRefusesTheDeleteEvenWithCascadesAllowed(Kind kind) throws Exception {
        Path archive = archive(kind);
        try (TestDatabase target = target(kind, 3)) {
            target.execute("INSERT INTO purchase VALUES (1, 3)");
            Map<String, List<List<Object>>> before = contents(target);
            ImportOptions options = ImportOptions.replace().withCascadesAllowed(true);

            Portability portability = portability(target.dataSource());
            ImportPreview preview = portability.preview(archive, options);
            assertThatThrownBy(() -> portability.importArchive(archive, options))
                    .isInstanceOfSatisfying(ImportRefusedException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.CASCADES_OUTSIDE_IMPORT);
                        assertThat(e.getMessage()).contains("1 row of table purchase", "without an ON DELETE action");
                    });

            assertThat(contents(target)).isEqualTo(before);
            assertThat(preview.refusals()).extracting(Problem::code)
                    .containsExactly(ErrorCode.CASCADES_OUTSIDE_IMPORT);
            assertThat(changes(preview.tables().get(0))).contains("purchase BLOCK 1");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void importingTheReferencingTablesTooReplacesThemAll(Kind kind) throws Exception {
        Path archive;
        try (TestDatabase source = TestDatabase.create(kind)) {
            source.execute(DDL);
            source.execute("INSERT INTO product VALUES (1, 'a'), (2, 'b')", "INSERT INTO review VALUES (40, 2, 5)",
                    "INSERT INTO wish VALUES (301, 1)");
            archive = dir.resolve("all-" + kind + ".zip");
            portability(source.dataSource()).export(archive);
            Map<String, List<List<Object>>> expected = contents(source);
            try (TestDatabase target = target(kind, 3)) {
                portability(target.dataSource()).importArchive(archive, ImportOptions.replace());

                assertThat(Databases.differences(upper(contents(target)), upper(expected))).isEmpty();
            }
        }
    }

    private static List<String> changes(TablePreview table) {
        return table.outsideChanges().stream().map(OutsideChange::toString)
                .map(s -> s.replaceAll(": (\\d+) rows? (\\w+) \\(via product\\)", " $2 $1")).toList();
    }

    /** Column names as H2 and MariaDB spell them differ only in case; integers are Integer everywhere here. */
    private static Map<String, List<List<Object>>> upper(Map<String, List<List<Object>>> contents) {
        Map<String, List<List<Object>>> out = new java.util.LinkedHashMap<>();
        contents.forEach((table, rows) -> out.put(table, rows.stream().map(row -> row.stream()
                .map(v -> (Object) upperName(String.valueOf(v))).toList()).toList()));
        return out;
    }

    private static String upperName(String cell) {
        int eq = cell.indexOf('=');
        return cell.substring(0, eq).toUpperCase(java.util.Locale.ROOT) + cell.substring(eq);
    }
}
