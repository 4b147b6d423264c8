package dev.portability.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portability.api.ConflictPolicy;
import dev.portability.api.ImportOptions;
import dev.portability.jdbc.TestDatabase.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A table that references itself through a foreign key that refuses NULL and is not deferrable, on each real
 * database, with its rows in both orders: each row's parent before it, and each row's parent after it (row 1's
 * parent is the last row, a later batch). The import loads it exactly for any order: rows are written first
 * pointing at themselves, then at their parents once every row exists.
 */
class SelfReferenceTest {

    private static final int ROWS = 1500;

    private static final String[] TABLE = {"node", "id"};

    @TempDir
    Path dir;

    /** Which way the references point, in key (and so archive) order. */
    enum Order {
        /** Row i's parent is row i - 1; row 1 is its own parent. */
        PARENTS_FIRST,
        /** Row i's parent is row i + 1; the last two rows are each other's parent. */
        CHILDREN_FIRST
    }

    static List<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (Order order : Order.values()) {
                cases.add(Arguments.of(kind, order));
            }
        }
        return cases;
    }

    private static void create(TestDatabase db) {
        db.execute("CREATE TABLE node (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL, name VARCHAR(20), "
                + "FOREIGN KEY (parent_id) REFERENCES node(id))");
    }

    /** Rows {@code first..first+count-1}, inserted referring to themselves, then pointed at their parents. */
    private static void fill(TestDatabase db, int first, int count, Order order, String label) {
        int last = first + count - 1;
        String range = switch (db.kind()) {
            case POSTGRESQL -> "generate_series(" + first + ", " + last + ") AS r(x)";
            case H2 -> "SYSTEM_RANGE(" + first + ", " + last + ") AS r(x)";
            case MARIADB -> "(SELECT seq AS x FROM seq_" + first + "_to_" + last + ") AS r";
        };
        String concat = db.kind() == Kind.MARIADB ? "CONCAT('" + label + " ', x)" : "'" + label + " ' || x";
        db.execute("INSERT INTO node (id, parent_id, name) SELECT x, x, " + concat + " FROM " + range);
        String parent = order == Order.PARENTS_FIRST
                ? "CASE WHEN id = " + first + " THEN id ELSE id - 1 END"
                : "CASE WHEN id = " + last + " THEN id - 1 ELSE id + 1 END";
        db.execute("UPDATE node SET parent_id = " + parent);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("cases")
    void replaceAndMergeLoadANotNullSelfReferenceThatIsNotDeferrableForAnyRowOrder(Kind kind, Order order)
            throws Exception {
        Path archive = dir.resolve("nodes.zip");
        Map<String, List<List<Object>>> source;
        try (TestDatabase db = TestDatabase.create(kind)) {
            create(db);
            fill(db, 1, ROWS, order, "source");
            Stores.portability(JdbcStore.discover(db.dataSource())).export(archive);
            source = Databases.contents(db.dataSource(), TABLE);
        }
        assertThat(source.get("node").get(0)).as("row 1's parent").anySatisfy(
                value -> assertThat(value.toString()).isIn("PARENT_ID=Integer:" + (order == Order.PARENTS_FIRST
                        ? 1 : 2), "parent_id=Integer:" + (order == Order.PARENTS_FIRST ? 1 : 2)));

        try (TestDatabase target = TestDatabase.create(kind)) {
            create(target);
            fill(target, 1001, ROWS, order, "target"); // keys 1001..2500: 500 of them shared with the archive

            Stores.portability(JdbcStore.discover(target.dataSource())).importArchive(archive,
                    ImportOptions.replace());

            assertThat(Databases.differences(Databases.contents(target.dataSource(), TABLE), source)).isEmpty();
        }

        try (TestDatabase target = TestDatabase.create(kind)) {
            create(target);
            fill(target, 1001, ROWS, order, "target");
            Map<String, List<List<Object>>> before = Databases.contents(target.dataSource(), TABLE);

            Stores.portability(JdbcStore.discover(target.dataSource())).importArchive(archive,
                    ImportOptions.merge(ConflictPolicy.OVERWRITE).withBatchSize(400));

            Map<Object, List<Object>> expected = new TreeMap<>();
            before.get("node").forEach(row -> expected.put(id(row), row));
            source.get("node").forEach(row -> expected.put(id(row), row)); // the archive's rows win
            assertThat(Databases.differences(Databases.contents(target.dataSource(), TABLE),
                    Map.of("node", new ArrayList<>(expected.values())))).isEmpty();
        }
    }

    private static Integer id(List<Object> row) {
        String first = row.get(0).toString();
        return Integer.valueOf(first.substring(first.lastIndexOf(':') + 1));
    }
}
