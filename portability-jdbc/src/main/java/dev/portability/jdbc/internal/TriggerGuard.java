package dev.portability.jdbc.internal;

import dev.portability.api.ImportMode;
import dev.portability.api.TriggerTreatment;
import dev.portability.api.TriggerTreatment.Treatment;
import dev.portability.api.spi.ImportScope;
import dev.portability.api.spi.ImportScope.Write;
import dev.portability.jdbc.JdbcDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps the target's triggers from changing what an import writes. PostgreSQL switches the user triggers and rules
 * of the imported tables off for the import's own transaction ({@code ALTER TABLE ... DISABLE TRIGGER} is
 * transactional) and on again before commit. MariaDB/MySQL cannot switch a trigger off without committing, so
 * what a trigger does is undone inside the import where that can be exact, and refused before writing where it
 * cannot ({@link MariaDbTriggers}). H2's triggers are Java classes nobody can see into: refused.
 */
public abstract class TriggerGuard {

    /**
     * The guard of a database kind.
     *
     * @param kind the kind
     * @param dialect the dialect
     * @return the guard
     */
    public static TriggerGuard of(JdbcDialect kind, Dialect dialect) {
        return switch (kind) {
            case POSTGRESQL -> new Postgres();
            case MARIADB -> new MariaDbTriggers(dialect);
            case H2 -> new H2();
        };
    }

    /**
     * Says what the import does about each trigger its writes would fire, changing nothing.
     *
     * @param connection the unit of work's connection
     * @param imported the imported tables by name
     * @param scope what the import writes
     * @return one entry per trigger
     * @throws SQLException if the catalog cannot be read
     */
    public abstract List<TriggerTreatment> check(Connection connection, Map<String, JdbcTable> imported,
            ImportScope scope) throws SQLException;

    /**
     * Does what {@link #check} said, before the import's first write.
     *
     * @param connection the import's connection
     * @param imported the imported tables by name
     * @param scope what the import writes
     * @param session where to record what must happen later in the unit of work
     * @throws SQLException if the database refuses
     */
    public abstract void prepare(Connection connection, Map<String, JdbcTable> imported, ImportScope scope,
            ImportSession session) throws SQLException;

    /** PostgreSQL: {@code ALTER TABLE ONLY ... DISABLE TRIGGER / RULE}, on again before commit. */
    static final class Postgres extends TriggerGuard {

        /** pg_trigger.tgtype bits of the row events. */
        private static final int INSERT = 1 << 2;
        private static final int DELETE = 1 << 3;
        private static final int UPDATE = 1 << 4;

        /**
         * The enabled user triggers and rules of the imported tables and, for a partitioned table, of its
         * partitions, in one query for every table (an array of qualified names): the table's position in the
         * array (from 1), relation, name, enabled mode, whether the current user owns the relation, the owner,
         * trigger or rule, event mask, the relation's name. Per table, triggers before rules, then by relation and
         * name.
         */
        private static final String QUERY = "WITH imp AS (SELECT u.i, CAST(u.n AS regclass) AS root FROM "
                + "unnest(CAST(? AS text[])) WITH ORDINALITY AS u(n, i)), "
                + "rel AS (SELECT i, root AS relid FROM imp UNION "
                + "SELECT imp.i, p.relid FROM imp, pg_catalog.pg_partition_tree(imp.root) p) "
                + "SELECT rel.i, CAST(c.oid AS regclass)::text, t.tgname, t.tgenabled::text, "
                + "pg_catalog.pg_has_role(c.relowner, 'USAGE'), pg_catalog.pg_get_userbyid(c.relowner), 'trigger', "
                + "t.tgtype::int, c.relname FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid = "
                + "t.tgrelid JOIN rel ON rel.relid = t.tgrelid WHERE NOT t.tgisinternal AND t.tgenabled IN ('O', 'A') "
                + "UNION ALL SELECT rel.i, CAST(c.oid AS regclass)::text, r.rulename, r.ev_enabled::text, "
                + "pg_catalog.pg_has_role(c.relowner, 'USAGE'), pg_catalog.pg_get_userbyid(c.relowner), 'rule', "
                + "CASE r.ev_type WHEN '2' THEN 16 WHEN '3' THEN 4 WHEN '4' THEN 8 ELSE 0 END, c.relname "
                + "FROM pg_catalog.pg_rewrite r JOIN pg_catalog.pg_class c ON c.oid = r.ev_class "
                + "JOIN rel ON rel.relid = r.ev_class WHERE r.rulename <> '_RETURN' AND r.ev_enabled IN ('O', 'A') "
                + "ORDER BY 1, 7 DESC, 2, 3";

        private record Found(String table, String relation, String relationName, String name, boolean always,
                boolean owned, String owner, boolean rule) {
        }

        /** The triggers and rules the import's writes would fire, table by table in the order of {@code imported}. */
        private static List<Found> find(Connection connection, Map<String, JdbcTable> imported, ImportScope scope)
                throws SQLException {
            List<Found> found = new ArrayList<>();
            if (imported.isEmpty()) {
                return found;
            }
            List<JdbcTable> tables = new ArrayList<>(imported.values());
            String[] names = tables.stream().map(JdbcTable::qualifiedName).toArray(String[]::new);
            int[] events = new int[tables.size()];
            for (int i = 0; i < events.length; i++) {
                events[i] = mask(scope.writes(tables.get(i).schema().name()));
            }
            try (PreparedStatement ps = connection.prepareStatement(QUERY)) {
                ps.setArray(1, connection.createArrayOf("text", names));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int at = rs.getInt(1) - 1;
                        if ((rs.getInt(8) & events[at]) != 0) {
                            found.add(new Found(tables.get(at).schema().name(), rs.getString(2), rs.getString(9),
                                    rs.getString(3), "A".equals(rs.getString(4)), rs.getBoolean(5),
                                    rs.getString(6), "rule".equals(rs.getString(7))));
                        }
                    }
                }
            }
            return found;
        }

        private static int mask(Set<Write> writes) {
            int mask = 0;
            for (Write write : writes) {
                mask |= switch (write) {
                    case INSERT -> INSERT;
                    case UPDATE -> UPDATE;
                    case DELETE -> DELETE;
                };
            }
            return mask;
        }

        @Override
        public List<TriggerTreatment> check(Connection connection, Map<String, JdbcTable> imported,
                ImportScope scope) throws SQLException {
            String user;
            try (PreparedStatement ps = connection.prepareStatement("SELECT current_user");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                user = rs.getString(1);
            }
            List<TriggerTreatment> treatments = new ArrayList<>();
            for (Found f : find(connection, imported, scope)) {
                String what = f.rule ? "rule" : "trigger";
                String where = f.relationName.equals(imported.get(f.table).sqlName()) ? ""
                        : " (on partition " + f.relation + ")";
                if (scope.triggersFiring()) {
                    treatments.add(new TriggerTreatment(f.table, f.name, Treatment.FIRES, "a " + what + where
                            + "; it fires, because the host lets triggers fire", Set.of()));
                } else if (f.owned) {
                    treatments.add(new TriggerTreatment(f.table, f.name, Treatment.SWITCHED_OFF, "a " + what + where
                            + "; switched off for the import's own transaction (ALTER TABLE ... DISABLE "
                            + what.toUpperCase(Locale.ROOT) + ") and on again before it commits", Set.of()));
                } else {
                    treatments.add(new TriggerTreatment(f.table, f.name, Treatment.REFUSED, "the " + what + where
                            + " would change what the import writes, and switching it off for the import needs the "
                            + "owner of " + f.relation + " (role " + f.owner + "), which user " + user + " is not. "
                            + "Import as " + f.owner + " or a member of it, or drop the " + what + " while "
                            + "importing.", Set.of()));
                }
            }
            return treatments;
        }

        @Override
        public void prepare(Connection connection, Map<String, JdbcTable> imported, ImportScope scope,
                ImportSession session) throws SQLException {
            if (scope.triggersFiring()) {
                return;
            }
            for (Found f : find(connection, imported, scope)) {
                String what = f.rule ? " RULE " : " TRIGGER ";
                String alter = "ALTER TABLE ONLY " + f.relation + " ";
                String name = "\"" + f.name.replace("\"", "\"\"") + "\"";
                session.change(connection, alter + "DISABLE" + what + name,
                        alter + "ENABLE" + (f.always ? " ALWAYS" : "") + what + name);
            }
        }
    }

    /** H2: a trigger is a Java class; H2 cannot switch it off without committing. */
    static final class H2 extends TriggerGuard {

        @Override
        public List<TriggerTreatment> check(Connection connection, Map<String, JdbcTable> imported,
                ImportScope scope) throws SQLException {
            Map<String, JdbcTable> bySqlName = new LinkedHashMap<>();
            imported.values().forEach(t -> bySqlName.put(t.sqlSchema() + "\u0000" + t.sqlName(), t));
            Map<String, Set<Write>> events = new LinkedHashMap<>();
            Map<String, String[]> triggers = new LinkedHashMap<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT TRIGGER_NAME, EVENT_MANIPULATION, "
                    + "EVENT_OBJECT_SCHEMA, EVENT_OBJECT_TABLE, ACTION_TIMING, JAVA_CLASS FROM "
                    + "INFORMATION_SCHEMA.TRIGGERS ORDER BY TRIGGER_NAME");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JdbcTable table = bySqlName.get(rs.getString(3) + "\u0000" + rs.getString(4));
                    Write write = write(rs.getString(2));
                    if (table == null || write == null
                            || !scope.writes(table.schema().name()).contains(write)) {
                        continue;
                    }
                    String key = rs.getString(3) + "\u0000" + rs.getString(1);
                    triggers.putIfAbsent(key, new String[] {table.schema().name(), rs.getString(1), rs.getString(5),
                        rs.getString(6)});
                    events.computeIfAbsent(key, k -> EnumSet.noneOf(Write.class)).add(write);
                }
            }
            List<TriggerTreatment> treatments = new ArrayList<>();
            triggers.forEach((key, t) -> {
                String what = t[2] + " " + events.get(key) + " trigger, Java class " + t[3];
                treatments.add(scope.triggersFiring()
                        ? new TriggerTreatment(t[0], t[1], Treatment.FIRES, "a " + what + "; it fires, because the "
                                + "host lets triggers fire", Set.of())
                        : new TriggerTreatment(t[0], t[1], Treatment.REFUSED, "an H2 " + what + ": what it does "
                                + "cannot be seen, and H2 cannot switch a trigger off inside the import's "
                                + "transaction (its DDL commits). Drop the trigger while importing.", Set.of()));
            });
            return treatments;
        }

        private static Write write(String event) {
            return switch (event == null ? "" : event.trim().toUpperCase(Locale.ROOT)) {
                case "INSERT" -> Write.INSERT;
                case "UPDATE" -> Write.UPDATE;
                case "DELETE" -> Write.DELETE;
                default -> null;
            };
        }

        @Override
        public void prepare(Connection connection, Map<String, JdbcTable> imported, ImportScope scope,
                ImportSession session) {
            // nothing to prepare: every trigger either fires (the host's choice) or refused the import
        }
    }

    /**
     * @param scope an import's scope
     * @param table an imported table
     * @return whether REPLACE deletes every row of the table before writing it
     */
    static boolean deletedWhole(ImportScope scope, String table) {
        return scope.mode() == ImportMode.REPLACE && !scope.replacedInPlace().contains(table);
    }

    /**
     * @param names some names
     * @return them, sorted and comma-separated
     */
    static String list(Set<String> names) {
        return String.join(", ", new TreeSet<>(names));
    }

    /** @return a new, ordered set */
    static <T> Set<T> ordered() {
        return new LinkedHashSet<>();
    }
}
