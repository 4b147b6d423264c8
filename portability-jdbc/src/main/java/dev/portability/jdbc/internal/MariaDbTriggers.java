package dev.portability.jdbc.internal;

import dev.portability.api.ImportMode;
import dev.portability.api.TriggerTreatment;
import dev.portability.api.TriggerTreatment.Treatment;
import dev.portability.api.spi.ImportScope;
import dev.portability.api.spi.ImportScope.Write;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MariaDB/MySQL triggers, which cannot be switched off inside a transaction (DDL commits). Each trigger's body is
 * read ({@code information_schema.TRIGGERS}) to find the tables it writes and the {@code NEW} columns it assigns;
 * then, for the writes the import makes:
 * <ul>
 *   <li>a trigger that adds rows to another imported table is reconciled: that table is written after the
 *       trigger's table, and the rows added to it are removed first (every row, when REPLACE deleted it; else the
 *       rows whose key it did not hold before the import);</li>
 *   <li>a BEFORE INSERT trigger that rewrites columns is reconciled: the inserted rows are updated back to the
 *       archive's values;</li>
 *   <li>refused, naming the trigger: a trigger that writes a table outside the import, calls a procedure or a
 *       stored function or runs dynamic SQL, changes existing rows of an imported table under MERGE or a REPLACE in
 *       place, rewrites the rows the import updates (BEFORE UPDATE), rewrites a key column, or fires when a
 *       REPLACE in place deletes rows at its end.</li>
 * </ul>
 * The reading is conservative: anything it cannot place makes the trigger refused, never ignored.
 */
final class MariaDbTriggers extends TriggerGuard {

    private static final String IDENT = "(?:`(?:[^`]|``)+`|[\\p{L}\\p{N}_$]+)";
    private static final String QUALIFIED = IDENT + "(?:\\s*\\.\\s*" + IDENT + ")?";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final Pattern INSERT = Pattern.compile("\\bINSERT\\s+(?:(?:LOW_PRIORITY|DELAYED|HIGH_PRIORITY|"
            + "IGNORE)\\s+)*(?:INTO\\s+)?(" + QUALIFIED + ")", FLAGS);
    private static final Pattern REPLACE = Pattern.compile("\\bREPLACE\\s+(?:(?:LOW_PRIORITY|DELAYED)\\s+)*"
            + "(?:INTO\\s+)?(" + QUALIFIED + ")", FLAGS);
    private static final Pattern UPDATE = Pattern.compile("\\bUPDATE\\s+(?:(?:LOW_PRIORITY|IGNORE)\\s+)*("
            + QUALIFIED + ")([^;]*?)\\bSET\\b", FLAGS);
    private static final Pattern UPDATE_ANY = Pattern.compile("\\bUPDATE\\b", FLAGS);
    private static final Pattern DELETE = Pattern.compile("\\bDELETE\\s+(?:(?:LOW_PRIORITY|QUICK|IGNORE)\\s+)*"
            + "FROM\\s+(" + QUALIFIED + ")([^;]*?)(?:\\bWHERE\\b|\\bORDER\\b|\\bLIMIT\\b|;|$)", FLAGS);
    private static final Pattern DELETE_ANY = Pattern.compile("\\bDELETE\\b", FLAGS);
    private static final Pattern DYNAMIC = Pattern.compile("\\b(CALL|PREPARE|EXECUTE)\\b", FLAGS);
    private static final Pattern ON_DUPLICATE = Pattern.compile("\\bON\\s+DUPLICATE\\s+KEY\\s+UPDATE\\b", FLAGS);
    private static final Pattern FOR_UPDATE = Pattern.compile("\\bFOR\\s+UPDATE\\b", FLAGS);
    private static final Pattern CALLED = Pattern.compile("(" + QUALIFIED + ")\\s*\\(", FLAGS);
    private static final Pattern ASSIGNED = Pattern.compile("\\bNEW\\s*\\.\\s*(" + IDENT + ")\\s*:?=(?!=)", FLAGS);
    private static final Pattern INTO_LIST = Pattern.compile("\\bINTO\\s+((?:(?:NEW\\s*\\.\\s*)?@?" + IDENT
            + "\\s*,\\s*)*(?:NEW\\s*\\.\\s*)?@?" + IDENT + ")", FLAGS);
    private static final Pattern NEW_COLUMN = Pattern.compile("\\bNEW\\s*\\.\\s*(" + IDENT + ")", FLAGS);

    private final Dialect dialect;

    MariaDbTriggers(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * What a trigger body does, as far as it can be read.
     *
     * @param writes per written table (as the body names it, {@code db.table} when qualified), the kinds of write
     * @param unknown why the tables it writes cannot be known, or null
     * @param assigned the {@code NEW} columns it may assign, lower case
     */
    record Body(Map<String, Set<Write>> writes, String unknown, Set<String> assigned) {
    }

    /**
     * Reads a trigger body.
     *
     * @param statement the body ({@code ACTION_STATEMENT})
     * @param functions the stored functions of the database, lower case
     * @return what it does
     */
    static Body read(String statement, Set<String> functions) {
        String body = strip(statement);
        Map<String, Set<Write>> writes = new LinkedHashMap<>();
        String unknown = null;
        Matcher dynamic = DYNAMIC.matcher(body);
        if (dynamic.find()) {
            unknown = "it runs " + dynamic.group(1).toUpperCase(Locale.ROOT) + ", whose writes cannot be seen";
        }
        for (Matcher m = CALLED.matcher(body); m.find() && unknown == null;) {
            if (tablePosition(body, m.start())) {
                continue; // INSERT INTO t (a, b): a table and its columns, not a call
            }
            String name = unquote(m.group(1));
            if (name.contains(".") || functions.contains(name.toLowerCase(Locale.ROOT))) {
                unknown = "it calls the stored function " + name + ", whose writes cannot be seen";
            }
        }
        boolean upsert = ON_DUPLICATE.matcher(body).find();
        String dml = FOR_UPDATE.matcher(ON_DUPLICATE.matcher(body).replaceAll(" ")).replaceAll(" ");
        for (Matcher m = INSERT.matcher(dml); m.find();) {
            Set<Write> kinds = writes.computeIfAbsent(unquote(m.group(1)), t -> EnumSet.noneOf(Write.class));
            kinds.add(Write.INSERT);
            if (upsert) {
                kinds.add(Write.UPDATE);
            }
        }
        for (Matcher m = REPLACE.matcher(dml); m.find();) {
            writes.computeIfAbsent(unquote(m.group(1)), t -> EnumSet.noneOf(Write.class))
                    .addAll(EnumSet.of(Write.INSERT, Write.DELETE));
        }
        int updates = 0;
        for (Matcher m = UPDATE.matcher(dml); m.find();) {
            updates++;
            if (m.group(2).contains(",") || m.group(2).toUpperCase(Locale.ROOT).contains("JOIN")) {
                unknown = unknown != null ? unknown : "it updates several tables in one statement";
            }
            writes.computeIfAbsent(unquote(m.group(1)), t -> EnumSet.noneOf(Write.class)).add(Write.UPDATE);
        }
        if (count(UPDATE_ANY, dml) != updates && unknown == null) {
            unknown = "it has an UPDATE statement whose table cannot be read";
        }
        int deletes = 0;
        for (Matcher m = DELETE.matcher(dml); m.find();) {
            deletes++;
            String rest = m.group(2).toUpperCase(Locale.ROOT);
            if (rest.contains(",") || rest.contains("JOIN") || rest.contains("USING")) {
                unknown = unknown != null ? unknown : "it deletes from several tables in one statement";
            }
            writes.computeIfAbsent(unquote(m.group(1)), t -> EnumSet.noneOf(Write.class)).add(Write.DELETE);
        }
        if (count(DELETE_ANY, dml) != deletes && unknown == null) {
            unknown = "it has a DELETE statement whose table cannot be read";
        }
        Set<String> assigned = new LinkedHashSet<>();
        for (Matcher m = ASSIGNED.matcher(body); m.find();) {
            assigned.add(unquote(m.group(1)).toLowerCase(Locale.ROOT));
        }
        for (Matcher m = INTO_LIST.matcher(body); m.find();) {
            for (Matcher n = NEW_COLUMN.matcher(m.group(1)); n.find();) {
                assigned.add(unquote(n.group(1)).toLowerCase(Locale.ROOT));
            }
        }
        return new Body(writes, unknown, assigned);
    }

    private static final Set<String> BEFORE_TABLE = Set.of("INTO", "INSERT", "REPLACE", "UPDATE", "FROM", "JOIN",
            "IGNORE", "LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "QUICK", "TABLE");

    /** Whether the identifier starting at {@code start} follows a keyword that names a table. */
    private static boolean tablePosition(String body, int start) {
        int end = start;
        while (end > 0 && Character.isWhitespace(body.charAt(end - 1))) {
            end--;
        }
        int begin = end;
        while (begin > 0 && (Character.isLetterOrDigit(body.charAt(begin - 1)) || body.charAt(begin - 1) == '_')) {
            begin--;
        }
        return BEFORE_TABLE.contains(body.substring(begin, end).toUpperCase(Locale.ROOT));
    }

    private static int count(Pattern pattern, String text) {
        int n = 0;
        for (Matcher m = pattern.matcher(text); m.find();) {
            n++;
        }
        return n;
    }

    /** The body without comments, and with every string literal emptied, so that neither is read as SQL. */
    static String strip(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            char next = i + 1 < n ? sql.charAt(i + 1) : '\0';
            if (c == '#' || c == '-' && next == '-' && (i + 2 >= n || Character.isWhitespace(sql.charAt(i + 2)))) {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
                out.append(' ');
            } else if (c == '/' && next == '*') {
                if (i + 2 < n && sql.charAt(i + 2) == '!') { // an executable comment: its content is SQL
                    i += 3;
                    while (i < n && Character.isDigit(sql.charAt(i))) {
                        i++;
                    }
                    out.append(' ');
                    continue;
                }
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            } else if (c == '*' && next == '/') {
                i += 2; // the end of an executable comment
                out.append(' ');
            } else if (c == '\'' || c == '"') {
                i++;
                while (i < n) {
                    char d = sql.charAt(i);
                    if (d == '\\') {
                        i += 2;
                    } else if (d == c && i + 1 < n && sql.charAt(i + 1) == c) {
                        i += 2;
                    } else if (d == c) {
                        i++;
                        break;
                    } else {
                        i++;
                    }
                }
                out.append(c).append(c);
            } else if (c == '`') {
                int start = i++;
                while (i < n) {
                    if (sql.charAt(i) == '`' && i + 1 < n && sql.charAt(i + 1) == '`') {
                        i += 2;
                    } else if (sql.charAt(i) == '`') {
                        i++;
                        break;
                    } else {
                        i++;
                    }
                }
                out.append(sql, start, i);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** An identifier as written ({@code `a`.`b`}, {@code a . b}) as {@code a.b}, quotes removed. */
    static String unquote(String identifier) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = identifier.length();
        while (i < n) {
            char c = identifier.charAt(i);
            if (c == '`') {
                i++;
                while (i < n) {
                    if (identifier.charAt(i) == '`' && i + 1 < n && identifier.charAt(i + 1) == '`') {
                        out.append('`');
                        i += 2;
                    } else if (identifier.charAt(i) == '`') {
                        i++;
                        break;
                    } else {
                        out.append(identifier.charAt(i++));
                    }
                }
            } else if (c == '.') {
                out.append('\u0000');
                i++;
            } else if (!Character.isWhitespace(c)) {
                out.append(c);
                i++;
            } else {
                i++;
            }
        }
        return out.toString().replace('\u0000', '.');
    }

    /** One trigger of an imported table. */
    private record Trigger(String name, String table, Write event, boolean before, Body body) {
    }

    /** What the analysis found: the treatments, and what {@link #prepare} must set up. */
    private record Analysis(List<TriggerTreatment> treatments, Set<String> setBack, Set<String> fed) {
    }

    @Override
    public List<TriggerTreatment> check(Connection connection, Map<String, JdbcTable> imported,
            ImportScope scope) throws SQLException {
        return analyze(connection, imported, scope).treatments();
    }

    @Override
    public void prepare(Connection connection, Map<String, JdbcTable> imported, ImportScope scope,
            ImportSession session) throws SQLException {
        if (scope.triggersFiring() || imported.isEmpty()) {
            return;
        }
        Analysis analysis = analyze(connection, imported, scope);
        analysis.setBack().forEach(session::setBackAfterInsert);
        for (String fed : analysis.fed()) {
            if (deletedWhole(scope, fed)) {
                session.removeAllBeforeWrite(fed);
            } else {
                session.keepKeys(connection, imported.get(fed));
            }
        }
    }

    private Analysis analyze(Connection connection, Map<String, JdbcTable> imported, ImportScope scope)
            throws SQLException {
        if (imported.isEmpty()) {
            return new Analysis(List.of(), Set.of(), Set.of());
        }
        String database = imported.values().iterator().next().sqlSchema();
        Map<String, String> logical = new HashMap<>();
        Map<String, String> logicalIgnoringCase = new HashMap<>();
        for (JdbcTable table : imported.values()) {
            logical.put(table.sqlName(), table.schema().name());
            logicalIgnoringCase.put(table.sqlName().toLowerCase(Locale.ROOT), table.schema().name());
        }
        Set<String> functions = new java.util.HashSet<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT ROUTINE_NAME FROM information_schema."
                + "ROUTINES WHERE ROUTINE_SCHEMA = ? AND ROUTINE_TYPE = 'FUNCTION'")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    functions.add(rs.getString(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        List<Trigger> triggers = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT TRIGGER_NAME, EVENT_MANIPULATION, "
                + "EVENT_OBJECT_TABLE, ACTION_TIMING, ACTION_STATEMENT FROM information_schema.TRIGGERS WHERE "
                + "EVENT_OBJECT_SCHEMA = ? ORDER BY EVENT_OBJECT_TABLE, ACTION_ORDER, TRIGGER_NAME")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String table = logical.get(rs.getString(3));
                    Write event = switch (rs.getString(2).toUpperCase(Locale.ROOT)) {
                        case "INSERT" -> Write.INSERT;
                        case "UPDATE" -> Write.UPDATE;
                        case "DELETE" -> Write.DELETE;
                        default -> null;
                    };
                    if (table != null && event != null) {
                        triggers.add(new Trigger(rs.getString(1), table, event,
                                "BEFORE".equalsIgnoreCase(rs.getString(4)), read(rs.getString(5), functions)));
                    }
                }
            }
        }
        // the writes each table gets: the import's own, and those this reconciliation adds (updates that set
        // columns back, deletes that remove trigger rows), until nothing more is added
        Map<String, Set<Write>> events = new HashMap<>();
        for (String table : imported.keySet()) {
            events.put(table, EnumSet.noneOf(Write.class));
            events.get(table).addAll(scope.writes(table));
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Trigger trigger : triggers) {
                if (!events.get(trigger.table()).contains(trigger.event())) {
                    continue;
                }
                for (String written : trigger.body().writes().keySet()) {
                    String fed = resolve(written, database, logical, logicalIgnoringCase);
                    if (fed != null && !fed.equals(trigger.table())) {
                        grew |= events.get(fed).add(Write.DELETE);
                    }
                }
                if (trigger.before() && trigger.event() == Write.INSERT && !trigger.body().assigned().isEmpty()) {
                    grew |= events.get(trigger.table()).add(Write.UPDATE);
                }
            }
        }
        List<TriggerTreatment> treatments = new ArrayList<>();
        Set<String> setBack = new LinkedHashSet<>();
        Set<String> fedTables = new LinkedHashSet<>();
        for (Trigger trigger : triggers) {
            if (!events.get(trigger.table()).contains(trigger.event())) {
                continue;
            }
            String kind = (trigger.before() ? "BEFORE " : "AFTER ") + trigger.event() + " trigger";
            if (scope.triggersFiring()) {
                treatments.add(new TriggerTreatment(trigger.table(), trigger.name(), Treatment.FIRES, "a " + kind
                        + "; it fires, because the host lets triggers fire", Set.of()));
                continue;
            }
            TriggerTreatment treatment = treat(trigger, kind, imported, scope, database, logical,
                    logicalIgnoringCase, events);
            treatments.add(treatment);
            if (treatment.treatment() == Treatment.RECONCILED) {
                fedTables.addAll(treatment.feeds());
                if (trigger.before() && trigger.event() == Write.INSERT && !trigger.body().assigned().isEmpty()) {
                    setBack.add(trigger.table());
                }
            }
        }
        return new Analysis(treatments, setBack, fedTables);
    }

    private TriggerTreatment treat(Trigger trigger, String kind, Map<String, JdbcTable> imported,
            ImportScope scope, String database, Map<String, String> logical, Map<String, String> ignoringCase,
            Map<String, Set<Write>> events) {
        String table = trigger.table();
        Body body = trigger.body();
        String cannot = "a " + kind + " that cannot be switched off inside a MariaDB/MySQL transaction, and ";
        if (body.unknown() != null) {
            return refused(trigger, cannot + body.unknown() + ". Drop the trigger while importing.");
        }
        Set<String> outside = new TreeSet<>();
        Set<String> fed = new LinkedHashSet<>();
        Set<String> changesExisting = new TreeSet<>();
        for (Map.Entry<String, Set<Write>> write : body.writes().entrySet()) {
            String target = resolve(write.getKey(), database, logical, ignoringCase);
            if (target == null) {
                outside.add(write.getKey());
            } else if (!target.equals(table)) {
                fed.add(target);
                boolean changes = write.getValue().contains(Write.UPDATE) || write.getValue().contains(Write.DELETE);
                if (changes && !deletedWhole(scope, target)) {
                    changesExisting.add(target);
                }
            }
        }
        if (!outside.isEmpty()) {
            return refused(trigger, cannot + "it writes " + (outside.size() == 1 ? "table " : "tables ")
                    + String.join(", ", outside) + ", which the import does not write: its rows there could not be "
                    + "removed. Import " + (outside.size() == 1 ? "that table" : "those tables") + " too, or drop "
                    + "the trigger while importing.");
        }
        if (!changesExisting.isEmpty()) {
            return refused(trigger, cannot + "it changes or deletes existing rows of " + String.join(", ",
                    changesExisting) + ", which " + (scope.mode() == ImportMode.MERGE ? "a MERGE" : "a REPLACE "
                    + "in place") + " keeps: they could not be restored. Drop the trigger while importing, or use "
                    + "REPLACE of all the tables.");
        }
        if (trigger.event() == Write.DELETE && !fed.isEmpty() && scope.replacedInPlace().contains(table)) {
            return refused(trigger, cannot + "it adds rows to " + String.join(", ", fed) + " when the REPLACE "
                    + "deletes the rows of " + table + " that the archive lacks, which happens after " + (fed.size()
                    == 1 ? "that table is" : "those tables are") + " written. Drop the trigger while importing.");
        }
        List<String> reconciled = new ArrayList<>();
        if (trigger.before() && !body.assigned().isEmpty()) {
            JdbcTable own = imported.get(table);
            Set<String> columns = columns(own, body.assigned());
            if (trigger.event() == Write.UPDATE) {
                return refused(trigger, cannot + "it rewrites " + describe(columns) + " of the rows the import "
                        + "updates in " + table + " (" + why(scope, table, events) + "), so the archive's values "
                        + "would not land. Drop the trigger while importing.");
            }
            if (trigger.event() == Write.INSERT) {
                if (!own.schema().hasPrimaryKey()) {
                    return refused(trigger, cannot + "it rewrites " + describe(columns) + " of the rows inserted "
                            + "into " + table + ", which has no primary key to set them back by. Drop the trigger "
                            + "while importing, or declare a primary key.");
                }
                Set<String> keys = new TreeSet<>();
                for (String key : own.schema().primaryKey()) {
                    String sql = own.columns().get(own.schema().indexOf(key)).sqlName().toLowerCase(Locale.ROOT);
                    if (body.assigned().contains(sql)) {
                        keys.add(key);
                    }
                }
                if (!keys.isEmpty()) {
                    return refused(trigger, cannot + "it may rewrite the key " + describe(keys) + " of the rows "
                            + "inserted into " + table + ", so they could not be found to set back. Drop the trigger "
                            + "while importing.");
                }
                reconciled.add("it rewrites " + describe(columns) + " on insert; the import sets the inserted rows "
                        + "back to the archive's values");
            }
        }
        if (!fed.isEmpty()) {
            reconciled.add("it adds rows to " + String.join(", ", fed) + "; the import writes "
                    + (fed.size() == 1 ? "that table" : "those tables") + " after " + table + " and removes those "
                    + "rows first");
        }
        if (reconciled.isEmpty()) {
            return new TriggerTreatment(table, trigger.name(), Treatment.FIRES, "a " + kind + " that changes no "
                    + "table the import writes (it may still refuse rows); it fires as usual", Set.of());
        }
        return new TriggerTreatment(table, trigger.name(), Treatment.RECONCILED, "a " + kind + ": "
                + String.join("; ", reconciled), fed);
    }

    private static TriggerTreatment refused(Trigger trigger, String detail) {
        return new TriggerTreatment(trigger.table(), trigger.name(), Treatment.REFUSED, detail, Set.of());
    }

    private static String why(ImportScope scope, String table, Map<String, Set<Write>> events) {
        List<String> reasons = new ArrayList<>();
        if (scope.mode() == ImportMode.MERGE && scope.writes(table).contains(Write.UPDATE)) {
            reasons.add("MERGE overwrites existing rows");
        }
        if (scope.replacedInPlace().contains(table)) {
            reasons.add("REPLACE updates rows in place, because tables outside the import reference " + table);
        }
        if (reasons.isEmpty() && scope.writes(table).contains(Write.UPDATE)) {
            reasons.add("it is in a foreign-key cycle, whose references are set in a second step");
        }
        if (reasons.isEmpty()) {
            reasons.add("a BEFORE INSERT trigger's changes are set back with an UPDATE");
        }
        return String.join("; ", reasons);
    }

    private static Set<String> columns(JdbcTable table, Set<String> assigned) {
        Set<String> names = new TreeSet<>();
        for (JdbcColumn column : table.columns()) {
            if (assigned.contains(column.sqlName().toLowerCase(Locale.ROOT))) {
                names.add(column.column().name());
            }
        }
        if (names.isEmpty()) {
            names.addAll(assigned);
        }
        return names;
    }

    private static String describe(Set<String> columns) {
        return (columns.size() == 1 ? "column " : "columns ") + String.join(", ", columns);
    }

    /** The imported table a body's table name means, or null when it is not an imported table. */
    private static String resolve(String written, String database, Map<String, String> logical,
            Map<String, String> ignoringCase) {
        String name = written;
        int dot = written.indexOf('.');
        if (dot >= 0) {
            String qualifier = written.substring(0, dot);
            if (!qualifier.equals(database) && !qualifier.equalsIgnoreCase(database)) {
                return null;
            }
            name = written.substring(dot + 1);
        }
        String table = logical.get(name);
        return table != null ? table : ignoringCase.get(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return "MariaDbTriggers[" + dialect.kind() + "]";
    }
}
