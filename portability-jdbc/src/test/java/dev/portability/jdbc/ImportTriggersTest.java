package dev.portability.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portability.api.ConflictPolicy;
import dev.portability.api.ErrorCode;
import dev.portability.api.ImportOptions;
import dev.portability.api.ImportPreview;
import dev.portability.api.ImportRefusedException;
import dev.portability.api.Problem;
import dev.portability.api.TablePreview;
import dev.portability.api.TriggerTreatment;
import dev.portability.core.Portability;
import dev.portability.jdbc.TestDatabase.Kind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The target's triggers do not change what an import writes: an audit table fed by an AFTER trigger, a BEFORE
 * trigger stamping {@code updated_at}. PostgreSQL switches them off for the import's transaction (and on again);
 * MariaDB undoes what they do inside the import, or refuses before writing where it cannot; H2 refuses. Each test
 * asserts the exact contents of the imported tables and of the tables outside the import, and what preview says.
 */
class ImportTriggersTest {

    private static final String PG_DDL = "CREATE TABLE orders (id INT PRIMARY KEY, total NUMERIC(10,2), "
            + "updated_at TIMESTAMP);"
            + "CREATE TABLE order_audit (id SERIAL PRIMARY KEY, order_id INT, action TEXT);"
            + "CREATE TABLE event_log (id SERIAL PRIMARY KEY, note TEXT);"
            + "CREATE FUNCTION log_order() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            + "INSERT INTO order_audit (order_id, action) VALUES (NEW.id, TG_OP); "
            + "INSERT INTO event_log (note) VALUES ('order ' || NEW.id); RETURN NEW; END $$;"
            + "CREATE TRIGGER orders_audit AFTER INSERT OR UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION log_order();"
            + "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            + "NEW.updated_at := '2099-12-31'; RETURN NEW; END $$;"
            + "CREATE TRIGGER orders_touch BEFORE INSERT OR UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch()";

    private static final String[] MARIADB_DDL = {
        "CREATE TABLE orders (id INT PRIMARY KEY, total DECIMAL(10,2), updated_at DATETIME)",
        "CREATE TABLE order_audit (id INT AUTO_INCREMENT PRIMARY KEY, order_id INT, action VARCHAR(10))",
        "CREATE TABLE event_log (id INT AUTO_INCREMENT PRIMARY KEY, note VARCHAR(50))",
        "CREATE TRIGGER orders_touch BEFORE INSERT ON orders FOR EACH ROW SET NEW.updated_at = '2099-12-31'",
        "CREATE TRIGGER orders_audit AFTER INSERT ON orders FOR EACH ROW "
                + "INSERT INTO order_audit (order_id, action) VALUES (NEW.id, 'INSERT')"};

    private static final String[] TABLES = {"orders", "id", "order_audit", "id", "event_log", "id"};

    @TempDir
    Path dir;

    private static Portability portability(DataSource dataSource) {
        return Portability.builder().application("triggers").store(JdbcStore.discover(dataSource)).build();
    }

    private static Map<String, List<List<Object>>> contents(TestDatabase db) throws SQLException {
        return Databases.contents(db.dataSource(), TABLES);
    }

    /** The source: two orders (one stamped 2021-05-05 with the triggers off), the audit rows its triggers wrote. */
    private Path postgresArchive(TestDatabase source) {
        source.execute(PG_DDL, "INSERT INTO orders VALUES (1, 10.00, NULL), (2, 20.00, NULL)",
                "ALTER TABLE orders DISABLE TRIGGER orders_touch",
                "UPDATE orders SET updated_at = '2021-05-05 10:00' WHERE id = 1",
                "ALTER TABLE orders ENABLE TRIGGER orders_touch");
        Path archive = dir.resolve("pg.zip");
        portability(source.dataSource()).export(archive);
        return archive;
    }

    @Test
    void postgresSwitchesTheTriggersOffForTheImportAndOnAgain() throws Exception {
        try (TestDatabase source = TestDatabase.create(Kind.POSTGRESQL);
                TestDatabase target = TestDatabase.create(Kind.POSTGRESQL)) {
            Path archive = postgresArchive(source);
            target.execute(PG_DDL, "INSERT INTO event_log (note) VALUES ('kept')");
            Map<String, List<List<Object>>> expected = contents(source);
            expected.put("event_log", contents(target).get("event_log")); // outside the import: unchanged
            ImportOptions options = ImportOptions.replace().withTables("orders", "order_audit");

            Portability portability = portability(target.dataSource());
            ImportPreview preview = portability.preview(archive, options);
            portability.importArchive(archive, options);

            assertThat(preview.refusals()).isEmpty();
            assertThat(treatments(preview, "orders")).containsExactly("orders_audit SWITCHED_OFF",
                    "orders_touch SWITCHED_OFF");
            assertThat(Databases.differences(contents(target), expected)).isEmpty();
            assertThat(query(target, "SELECT CAST(updated_at AS TEXT) FROM orders WHERE id = 1"))
                    .isEqualTo("2021-05-05 10:00:00");
            // on again after the commit: a new order is stamped and audited as before
            target.execute("INSERT INTO orders VALUES (3, 30.00, NULL)");
            assertThat(query(target, "SELECT CAST(updated_at AS TEXT) || ' ' || (SELECT count(*) FROM order_audit "
                    + "WHERE order_id = 3) FROM orders WHERE id = 3")).isEqualTo("2099-12-31 00:00:00 1");
        }
    }

    @Test
    void postgresMergeAddsNoAuditRowsAndKeepsTheExistingOnes() throws Exception {
        try (TestDatabase source = TestDatabase.create(Kind.POSTGRESQL);
                TestDatabase target = TestDatabase.create(Kind.POSTGRESQL)) {
            Path archive = postgresArchive(source);
            target.execute(PG_DDL, "ALTER TABLE orders DISABLE TRIGGER USER",
                    "INSERT INTO orders VALUES (2, 99.00, '2020-01-01 00:00')",
                    "ALTER TABLE orders ENABLE TRIGGER USER");
            Map<String, List<List<Object>>> before = contents(target);

            portability(target.dataSource()).importArchive(archive, ImportOptions.merge(ConflictPolicy.SKIP)
                    .withTables("orders"));

            Map<String, List<List<Object>>> after = contents(target);
            assertThat(after.get("orders")).containsExactly(contents(source).get("orders").get(0),
                    before.get("orders").get(0));
            assertThat(after.get("order_audit")).isEqualTo(before.get("order_audit"));
            assertThat(after.get("event_log")).isEqualTo(before.get("event_log"));
        }
    }

    @Test
    void postgresRefusesTriggersTheUserCannotSwitchOffUnlessTheyMayFire() throws Exception {
        try (TestDatabase source = TestDatabase.create(Kind.POSTGRESQL);
                TestDatabase target = TestDatabase.create(Kind.POSTGRESQL)) {
            Path archive = postgresArchive(source);
            String role = "r_" + target.name();
            target.execute(PG_DDL, "INSERT INTO orders VALUES (7, 70.00, NULL)", "CREATE ROLE " + role + " NOLOGIN",
                    "GRANT USAGE ON SCHEMA " + target.name() + " TO " + role,
                    "GRANT ALL ON ALL TABLES IN SCHEMA " + target.name() + " TO " + role,
                    "GRANT ALL ON ALL SEQUENCES IN SCHEMA " + target.name() + " TO " + role);
            try {
                DataSource asRole = new AsRole(target.dataSource(), role);
                Map<String, List<List<Object>>> before = contents(target);
                ImportOptions options = ImportOptions.replace().withTables("orders", "order_audit");

                Portability portability = portability(asRole);
                ImportPreview preview = portability.preview(archive, options);
                assertThatThrownBy(() -> portability.importArchive(archive, options))
                        .isInstanceOfSatisfying(ImportRefusedException.class, e -> {
                            assertThat(e.code()).isEqualTo(ErrorCode.TRIGGER_REFUSED);
                            assertThat(e.refusals()).extracting(Problem::code).containsOnly(ErrorCode.TRIGGER_REFUSED);
                            assertThat(e.getMessage()).contains("orders_audit", "orders_touch", "owner",
                                    "--fire-triggers");
                        });

                assertThat(contents(target)).isEqualTo(before);
                assertThat(preview.wouldBeRefused()).isTrue();
                assertThat(preview.refusals()).extracting(Problem::code)
                        .containsExactly(ErrorCode.TRIGGER_REFUSED, ErrorCode.TRIGGER_REFUSED);
                assertThat(treatments(preview, "orders")).containsExactly("orders_audit REFUSED",
                        "orders_touch REFUSED");

                // the host lets them fire: each inserted order is stamped and audited, the log gets rows
                portability.importArchive(archive, ImportOptions.replace().withTables("orders")
                        .withTriggersFiring(true));
                assertThat(rows(target, "SELECT id || ' ' || total || ' ' || CAST(updated_at AS TEXT) FROM orders "
                        + "ORDER BY id")).containsExactly("1 10.00 2099-12-31 00:00:00", "2 20.00 2099-12-31 00:00:00");
                assertThat(rows(target, "SELECT order_id || ' ' || action FROM order_audit ORDER BY id"))
                        .containsExactly("7 INSERT", "1 INSERT", "2 INSERT");
                assertThat(rows(target, "SELECT note FROM event_log ORDER BY id")).containsExactly("order 7",
                        "order 1", "order 2");
            } finally {
                target.execute("DROP OWNED BY " + role, "DROP ROLE " + role);
            }
        }
    }

    private Path mariaDbArchive(TestDatabase source) {
        source.execute(MARIADB_DDL);
        source.execute("INSERT INTO orders VALUES (1, 10.00, NULL), (2, 20.00, NULL)",
                "UPDATE orders SET updated_at = '2021-05-05 10:00:00' WHERE id = 1");
        Path archive = dir.resolve("maria.zip");
        portability(source.dataSource()).export(archive);
        return archive;
    }

    @Test
    void mariaDbUndoesWhatTheTriggersDoOnReplace() throws Exception {
        try (TestDatabase source = TestDatabase.create(Kind.MARIADB);
                TestDatabase target = TestDatabase.create(Kind.MARIADB)) {
            Path archive = mariaDbArchive(source);
            target.execute(MARIADB_DDL);
            target.execute("INSERT INTO event_log (note) VALUES ('kept')");
            Map<String, List<List<Object>>> expected = contents(source);
            expected.put("event_log", contents(target).get("event_log"));
            ImportOptions options = ImportOptions.replace().withTables("orders", "order_audit");

            Portability portability = portability(target.dataSource());
            ImportPreview preview = portability.preview(archive, options);
            portability.importArchive(archive, options);

            assertThat(Databases.differences(contents(target), expected)).isEmpty();
            assertThat(query(target, "SELECT CAST(updated_at AS CHAR) FROM orders WHERE id = 1"))
                    .isEqualTo("2021-05-05 10:00:00");
            assertThat(preview.refusals()).isEmpty();
            assertThat(treatments(preview, "orders")).containsExactly("orders_audit RECONCILED",
                    "orders_touch RECONCILED");
            assertThat(preview.tables()).extracting(TablePreview::table).containsExactly("orders", "order_audit");
            TriggerTreatment audit = preview.tables().get(0).triggers().get(0);
            assertThat(audit.feeds()).containsExactly("order_audit");
        }
    }

    @Test
    void mariaDbMergeRemovesTheRowsTriggersAddedAndKeepsTheOthers() throws Exception {
        try (TestDatabase source = TestDatabase.create(Kind.MARIADB);
                TestDatabase target = TestDatabase.create(Kind.MARIADB)) {
            Path archive = mariaDbArchive(source);
            target.execute(MARIADB_DDL);
            // the target already has order 2 (its trigger wrote audit row 1) and an audit row 5 of its own
            target.execute("INSERT INTO orders VALUES (2, 99.00, NULL)",
                    "INSERT INTO order_audit VALUES (5, 2, 'MANUAL')");
            Map<String, List<List<Object>>> before = contents(target);

            portability(target.dataSource()).importArchive(archive, ImportOptions.merge(ConflictPolicy.SKIP));

            Map<String, List<List<Object>>> after = contents(target);
            Map<String, List<List<Object>>> archived = contents(source);
            // orders: the archive's order 1 exactly (its updated_at set back), the existing order 2 kept
            assertThat(after.get("orders")).containsExactly(archived.get("orders").get(0),
                    before.get("orders").get(0));
            // order_audit: the existing rows 1 and 5 stay (the archive's row 1 is skipped), the archive's row 2 is
            // new; the row the trigger added when order 1 was inserted is gone
            assertThat(after.get("order_audit")).containsExactly(before.get("order_audit").get(0),
                    archived.get("order_audit").get(1), before.get("order_audit").get(1));
            assertThat(after.get("event_log")).isEqualTo(before.get("event_log"));
        }
    }

    @Test
    void mariaDbRefusesTriggersWhoseEffectCannotBeUndone() throws Exception {
        try (TestDatabase source = TestDatabase.create(Kind.MARIADB);
                TestDatabase target = TestDatabase.create(Kind.MARIADB)) {
            Path archive = mariaDbArchive(source);
            target.execute(MARIADB_DDL);
            target.execute("CREATE PROCEDURE note_it(IN what VARCHAR(50)) INSERT INTO event_log (note) VALUES (what)",
                    "CREATE TRIGGER orders_stamp BEFORE UPDATE ON orders FOR EACH ROW SET NEW.updated_at = NOW()",
                    "CREATE TRIGGER audit_log AFTER INSERT ON order_audit FOR EACH ROW "
                            + "INSERT INTO event_log (note) VALUES (CONCAT('audit ', NEW.id))",
                    "CREATE TRIGGER audit_call BEFORE DELETE ON order_audit FOR EACH ROW CALL note_it('deleted')",
                    "INSERT INTO orders VALUES (2, 99.00, '2020-01-01 00:00:00')",
                    "INSERT INTO order_audit VALUES (5, 2, 'MANUAL')",
                    "INSERT INTO event_log (note) VALUES ('kept')");
            Map<String, List<List<Object>>> before = contents(target);
            Portability portability = portability(target.dataSource());
            ImportOptions options = ImportOptions.merge(ConflictPolicy.OVERWRITE)
                    .withTables("orders", "order_audit");

            ImportPreview preview = portability.preview(archive, options);
            assertThatThrownBy(() -> portability.importArchive(archive, options))
                    .isInstanceOfSatisfying(ImportRefusedException.class, e -> assertThat(e.refusals())
                            .isEqualTo(preview.refusals()));

            assertThat(contents(target)).isEqualTo(before);
            assertThat(preview.refusals()).extracting(Problem::code).containsOnly(ErrorCode.TRIGGER_REFUSED);
            assertThat(preview.refusals()).extracting(Problem::message).anySatisfy(m -> assertThat(m)
                    .contains("orders_stamp", "rewrites column updated_at", "MERGE overwrites existing rows"))
                    .anySatisfy(m -> assertThat(m).contains("audit_log", "writes table event_log",
                            "does not write"));
            assertThat(treatments(preview, "orders")).containsExactly("orders_audit RECONCILED",
                    "orders_stamp REFUSED", "orders_touch RECONCILED");
            // MERGE deletes nothing itself, but removing the rows orders_audit adds is a delete: audit_call fires
            assertThat(treatments(preview, "order_audit")).containsExactly("audit_call REFUSED",
                    "audit_log REFUSED");
        }
    }

    @Test
    void mariaDbTriggersFireWhenTheHostLetsThem() throws Exception {
        try (TestDatabase source = TestDatabase.create(Kind.MARIADB);
                TestDatabase target = TestDatabase.create(Kind.MARIADB)) {
            Path archive = mariaDbArchive(source);
            target.execute(MARIADB_DDL);

            Portability portability = portability(target.dataSource());
            ImportPreview preview = portability.preview(archive,
                    ImportOptions.replace().withTables("orders").withTriggersFiring(true));
            portability.importArchive(archive,
                    ImportOptions.replace().withTables("orders").withTriggersFiring(true));

            assertThat(treatments(preview, "orders")).containsExactly("orders_audit FIRES", "orders_touch FIRES");
            assertThat(rows(target, "SELECT CONCAT(id, ' ', CAST(updated_at AS CHAR)) FROM orders ORDER BY id"))
                    .containsExactly("1 2099-12-31 00:00:00", "2 2099-12-31 00:00:00");
            assertThat(rows(target, "SELECT CONCAT(id, ' ', order_id, ' ', action) FROM order_audit ORDER BY id"))
                    .containsExactly("1 1 INSERT", "2 2 INSERT");
        }
    }

    /** An H2 trigger: Java code that writes another table. */
    public static final class AuditTrigger implements org.h2.api.Trigger {
        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO event_log (note) VALUES ('order " + newRow[0] + "')");
            }
        }
    }

    @Test
    void h2RefusesTablesWithTriggersUnlessTheyMayFire() throws Exception {
        String[] ddl = {"CREATE TABLE orders (id INT PRIMARY KEY, total DECIMAL(10,2), updated_at TIMESTAMP)",
            "CREATE TABLE order_audit (id INT AUTO_INCREMENT PRIMARY KEY, order_id INT, action VARCHAR(10))",
            "CREATE TABLE event_log (id INT AUTO_INCREMENT PRIMARY KEY, note VARCHAR(50))"};
        try (TestDatabase source = TestDatabase.create(Kind.H2);
                TestDatabase target = TestDatabase.create(Kind.H2)) {
            source.execute(ddl);
            source.execute("INSERT INTO orders VALUES (1, 10.00, NULL), (2, 20.00, NULL)");
            Path archive = dir.resolve("h2.zip");
            portability(source.dataSource()).export(archive, dev.portability.api.ExportOptions.defaults()
                    .withTables("orders"));
            target.execute(ddl);
            target.execute("CREATE TRIGGER orders_log AFTER INSERT ON orders FOR EACH ROW CALL \""
                    + AuditTrigger.class.getName() + "\"", "INSERT INTO event_log (note) VALUES ('kept')");
            Map<String, List<List<Object>>> before = contents(target);
            Portability portability = portability(target.dataSource());

            ImportPreview preview = portability.preview(archive, ImportOptions.replace());
            assertThatThrownBy(() -> portability.importArchive(archive, ImportOptions.replace()))
                    .isInstanceOfSatisfying(ImportRefusedException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.TRIGGER_REFUSED);
                        assertThat(e.getMessage()).contains("ORDERS_LOG", "table orders", AuditTrigger.class.getName(),
                                "--fire-triggers");
                    });
            assertThat(contents(target)).isEqualTo(before);
            assertThat(treatments(preview, "orders")).containsExactly("ORDERS_LOG REFUSED");

            portability.importArchive(archive, ImportOptions.replace().withTriggersFiring(true));
            assertThat(rows(target, "SELECT note FROM event_log ORDER BY id")).containsExactly("kept", "order 1",
                    "order 2");
            assertThat(rows(target, "SELECT id FROM orders ORDER BY id")).containsExactly("1", "2");
        }
    }

    private static List<String> treatments(ImportPreview preview, String table) {
        return preview.tables().stream().filter(t -> t.table().equals(table)).findFirst().orElseThrow().triggers()
                .stream().map(t -> t.trigger() + " " + t.treatment()).toList();
    }

    private static String query(TestDatabase db, String sql) throws SQLException {
        List<String> rows = rows(db, sql);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static List<String> rows(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new java.util.ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }
}
