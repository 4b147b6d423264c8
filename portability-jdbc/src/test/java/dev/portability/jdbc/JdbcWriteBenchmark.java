package dev.portability.jdbc;

import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import dev.portability.api.spi.Access;
import dev.portability.api.spi.TableAdapter;
import dev.portability.jdbc.TestDatabase.Kind;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Prints insert and export throughput of the adapters on each database, next to a plain JDBC batch of
 * single-row INSERTs (what a host would write by hand). Not part of the normal build; run it with
 *
 * <pre>
 * mvn -B -q -pl portability-jdbc -am test -Dgroups=benchmark -DexcludedGroups= -Dtest=JdbcWriteBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * It asserts nothing: figures depend on the machine.
 */
@Tag("benchmark")
class JdbcWriteBenchmark {

    private static final int ROWS = 100_000;
    private static final int BATCH = 1000;
    private static final int ROUNDS = 3;

    private static String ddl(Kind kind) {
        return "CREATE TABLE bench (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, amount DECIMAL(12,2), "
                + "happened " + (kind == Kind.MARIADB ? "DATETIME(6)" : "TIMESTAMP(6)") + ", note VARCHAR(200), "
                + "qty INTEGER)";
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void insertAndReadThroughput(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            db.execute(ddl(kind));
            JdbcStore store = JdbcStore.discover(db.dataSource());
            TableAdapter<JdbcUnitOfWork> bench = Stores.table(store, "bench");
            List<Row> rows = rows(bench.schema());
            for (int round = 1; round <= ROUNDS; round++) {
                db.execute("DELETE FROM bench");
                long plain = plainBatch(db, rows);
                db.execute("DELETE FROM bench");
                long start = System.nanoTime();
                try (JdbcUnitOfWork work = store.begin(Access.WRITE)) {
                    for (int from = 0; from < rows.size(); from += BATCH) {
                        bench.insert(work, rows.subList(from, Math.min(rows.size(), from + BATCH)));
                    }
                    work.commit();
                }
                long adapter = System.nanoTime() - start;
                start = System.nanoTime();
                long[] read = {0};
                try (JdbcUnitOfWork work = store.begin(Access.READ)) {
                    bench.read(work, row -> read[0]++);
                    work.commit();
                }
                long reading = System.nanoTime() - start;
                System.out.printf(Locale.ROOT, "%-10s round %d: insert %,9.0f rows/s (plain JDBC batch %,9.0f rows/s), "
                        + "read %,9.0f rows/s%n", kind, round, perSecond(adapter), perSecond(plain),
                        read[0] * 1e9 / reading);
            }
        }
    }

    private static double perSecond(long nanos) {
        return ROWS * 1e9 / nanos;
    }

    private static List<Row> rows(TableSchema schema) {
        List<Row> rows = new ArrayList<>(ROWS);
        LocalDateTime base = LocalDateTime.of(2024, 1, 1, 0, 0);
        for (int i = 0; i < ROWS; i++) {
            rows.add(Row.of(schema, (long) i, "name " + i, BigDecimal.valueOf(i * 7L, 2), base.plusSeconds(i),
                    i % 3 == 0 ? null : "a note about row " + i, (long) (i % 1000)));
        }
        return rows;
    }

    /** The same rows as a host would insert them by hand: a batch of single-row INSERTs per 1000 rows. */
    private static long plainBatch(TestDatabase db, List<Row> rows) throws SQLException {
        long start = System.nanoTime();
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench VALUES (?, ?, ?, ?, ?, ?)")) {
                int n = 0;
                for (Row row : rows) {
                    ps.setLong(1, (Long) row.get(0));
                    ps.setString(2, (String) row.get(1));
                    ps.setBigDecimal(3, (BigDecimal) row.get(2));
                    ps.setObject(4, row.get(3));
                    ps.setString(5, (String) row.get(4));
                    ps.setLong(6, (Long) row.get(5));
                    ps.addBatch();
                    if (++n % BATCH == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
        }
        return System.nanoTime() - start;
    }
}
