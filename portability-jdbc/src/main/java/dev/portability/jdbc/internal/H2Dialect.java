package dev.portability.jdbc.internal;

import dev.portability.api.GeneratorPosition;
import dev.portability.api.LogicalType;
import dev.portability.api.NativeType;
import dev.portability.api.spi.Access;
import dev.portability.jdbc.JdbcDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** H2 2.x. */
final class H2Dialect extends Dialect {

    /** H2's JDBC isolation constant for SNAPSHOT ({@code org.h2.engine.Constants.TRANSACTION_SNAPSHOT}). */
    static final int TRANSACTION_SNAPSHOT = 6;

    /**
     * The import locks of this JVM, by database and schema: H2 has no named or advisory locks. A permit, not a
     * thread-owned lock, so that any thread may close the unit of work.
     */
    private static final Map<String, Semaphore> IMPORT_LOCKS = new ConcurrentHashMap<>();

    @Override
    public JdbcDialect kind() {
        return JdbcDialect.H2;
    }

    /**
     * Bounds lock waits with the session's {@code LOCK_TIMEOUT}, and puts the previous value back. A READ unit
     * of work also reads lazily ({@code SET LAZY_QUERY_EXECUTION TRUE}): otherwise H2 computes a whole result
     * before the first row, and writes one larger than {@code MAX_MEMORY_ROWS} to a temporary file and reads it
     * back, which for a large table costs more than the read itself. H2 has no way to read that setting, so it is
     * set back to H2's default, {@code FALSE}; it changes how results are fetched, never what they hold.
     */
    @Override
    public SessionState openSession(Connection connection, Access access, Duration lockTimeout)
            throws SQLException {
        int previous;
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT LOCK_TIMEOUT()")) {
            rs.next();
            previous = rs.getInt(1);
        }
        setLockTimeout(connection, Math.min(Integer.MAX_VALUE, lockTimeout.toMillis()));
        if (access != Access.READ) {
            return c -> setLockTimeout(c, previous);
        }
        execute(connection, "SET LAZY_QUERY_EXECUTION TRUE");
        return c -> {
            execute(c, "SET LAZY_QUERY_EXECUTION FALSE");
            setLockTimeout(c, previous);
        };
    }

    private static void setLockTimeout(Connection connection, long millis) throws SQLException {
        execute(connection, "SET LOCK_TIMEOUT " + millis);
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * Imports run READ COMMITTED: with SERIALIZABLE, SNAPSHOT or REPEATABLE READ the import's snapshot would be taken
     * before it waits for the import lock, and the import it waited for would then conflict with it.
     */
    @Override
    public int writeIsolation(int hostIsolation) {
        return Connection.TRANSACTION_READ_COMMITTED;
    }

    /**
     * Takes a lock held in this JVM, keyed by the database ({@code DATABASE_PATH()}, or the name of an in-memory
     * database) and the schema: imports through this library in one JVM are serialised; imports from several
     * JVMs into one H2 server are not.
     */
    @Override
    public ImportLock lockImports(Connection connection, String schema, Duration timeout) throws SQLException {
        String database;
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT DATABASE_PATH(), DATABASE()")) {
            rs.next();
            database = rs.getString(1) + "|" + rs.getString(2);
        }
        Semaphore lock = IMPORT_LOCKS.computeIfAbsent(database + "|" + schema, key -> new Semaphore(1));
        try {
            if (!lock.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLTransientException("interrupted while waiting for another import into " + schema
                    + " to finish", e);
        }
        boolean[] released = {false};
        return c -> {
            if (!released[0]) {
                released[0] = true;
                lock.release();
            }
        };
    }

    /**
     * H2's REPEATABLE READ lets a transaction see rows other transactions committed into tables it has not read
     * yet; only SNAPSHOT gives one snapshot of all tables.
     */
    @Override
    public int snapshotIsolation() {
        return TRANSACTION_SNAPSHOT;
    }

    @Override
    public Hints hints(Connection connection, String catalog, String schema) throws SQLException {
        Set<String> always = new HashSet<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT TABLE_NAME, COLUMN_NAME FROM "
                + "INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? AND IDENTITY_GENERATION = 'ALWAYS'")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    always.add(Hints.key(rs.getString(1), rs.getString(2)));
                }
            }
        }
        // each column's full type (with lengths and precisions, which the driver's TYPE_NAME leaves out), for its
        // native type in the manifest; DATA_TYPE_SQL exists since H2 2.0.202, and without it TYPE_NAME serves
        Map<String, String> types = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE_SQL("
                + "TABLE_SCHEMA, TABLE_NAME, 'TABLE', DTD_IDENTIFIER) FROM INFORMATION_SCHEMA.COLUMNS "
                + "WHERE TABLE_SCHEMA = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(3) != null) {
                        types.put(Hints.key(rs.getString(1), rs.getString(2)), rs.getString(3));
                    }
                }
            }
        } catch (SQLException e) {
            types.clear();
        }
        return new Hints(Set.of(), Set.of(), always, Set.of(), types);
    }

    /** Linked tables ({@code CREATE LINKED TABLE}) and other table engines than MVStore cannot roll back. */
    @Override
    public Storage storage(Connection connection, String catalog, String schema) throws SQLException {
        java.util.Map<String, String> others = new java.util.HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT TABLE_NAME, TABLE_CLASS, STORAGE_TYPE FROM "
                + "INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String tableClass = rs.getString(2);
                    if (tableClass != null && !tableClass.equals("org.h2.mvstore.db.MVTable")) {
                        others.put(rs.getString(1), "TABLE LINK".equalsIgnoreCase(rs.getString(3))
                                ? "an H2 linked table" : "H2 table engine " + tableClass);
                    }
                }
            }
        }
        return new Storage(false, Set.of(), others);
    }

    /** The column's type as H2 spells it in full, e.g. {@code CHARACTER VARYING(10)}, {@code INTEGER ARRAY ARRAY}. */
    @Override
    public NativeType nativeType(ColumnInfo column, Hints hints) {
        String type = hints.columnTypes().get(Hints.key(column.sqlTable(), column.sqlName()));
        return type == null ? super.nativeType(column, hints) : NativeType.of(engine(), type);
    }

    /** Array type names: the element type, then one {@code ARRAY} (with an optional maximum cardinality) per dimension. */
    private static final Pattern ARRAY_SUFFIX = Pattern.compile("\\s+ARRAY(\\[\\d+\\])?$");

    @Override
    public Mapping map(ColumnInfo column, Hints hints) {
        String name = column.typeName() == null ? "" : column.typeName().trim();
        int dimensions = 0;
        for (Matcher m = ARRAY_SUFFIX.matcher(name); m.find(); m = ARRAY_SUFFIX.matcher(name)) {
            name = name.substring(0, m.start());
            dimensions++;
        }
        if (dimensions > 0) {
            Mapping element = scalar(name, -1, 0);
            if (element == null || name.startsWith("ROW")) {
                return null;
            }
            return new Mapping(LogicalType.array(element.type()),
                    H2Codecs.array(H2Codecs.plain(element.codec()), name, dimensions));
        }
        return scalar(name, column.size(), column.scale());
    }

    /**
     * H2's own rules (H2 documentation, "Data Types"): lengths of CHARACTER, CHARACTER VARYING and
     * VARCHAR_IGNORECASE counted in UTF-16 code units, TINYINT, SMALLINT and INTEGER ranges, DOUBLE PRECISION and
     * REAL without -0.0 (stored as 0.0), REAL's 24 significant bits, BINARY(n)'s padding, ENUM labels, and
     * fractional seconds beyond the column's precision (TIME keeps none unless declared, TIMESTAMP six), which H2
     * rounds. Arrays are left to their elements' codecs.
     */
    @Override
    public Codec withLimits(ColumnInfo column, Hints hints, Mapping mapping) {
        String name = column.typeName() == null ? "" : column.typeName().trim();
        if (ARRAY_SUFFIX.matcher(name).find()) {
            return mapping.codec();
        }
        String declared = hints.columnTypes().get(Hints.key(column.sqlTable(), column.sqlName()));
        String type = "H2's " + (declared != null ? declared : name);
        String base = name.replaceAll("\\([^)]*\\)", "").replaceAll("\\s+", " ").trim();
        if (base.startsWith("ENUM")) {
            return Codecs.limited(mapping.codec(), Limit.oneOf(Limit.labels(name, false), type));
        }
        int size = column.size();
        Limit limit = switch (base) {
            case "TINYINT" -> Limit.integers(Byte.MIN_VALUE, Byte.MAX_VALUE, type);
            case "SMALLINT" -> Limit.integers(Short.MIN_VALUE, Short.MAX_VALUE, type);
            case "INTEGER" -> Limit.integers(Integer.MIN_VALUE, Integer.MAX_VALUE, type);
            case "DOUBLE PRECISION" -> Limit.noNegativeZero(type);
            case "REAL" -> Limit.all(Limit.noNegativeZero(type), Limit.float32(type));
            case "CHARACTER", "CHARACTER VARYING", "VARCHAR_IGNORECASE" -> size > 0 && size < Integer.MAX_VALUE
                    ? Limit.utf16Length(size, type) : Limit.NONE;
            case "BINARY" -> size > 0 && size < Integer.MAX_VALUE ? Limit.fixedBinary(size, type) : Limit.NONE;
            case "TIME", "TIMESTAMP", "TIMESTAMP WITH TIME ZONE" -> Limit.fractionalSeconds(column.scale(), type);
            default -> Limit.NONE;
        };
        return Codecs.limited(mapping.codec(), limit);
    }

    /**
     * Maps a scalar type by name.
     *
     * @param typeName the name as H2's metadata gives it, possibly with length or precision, e.g.
     *     {@code CHARACTER VARYING(10)}, {@code TIME(9) WITH TIME ZONE}, {@code ROW("A" INTEGER)}
     * @param size the column size, or -1 to take it from the name
     * @param scale the decimal digits
     * @return the mapping, or null
     */
    private static Mapping scalar(String typeName, int size, int scale) {
        if (typeName.startsWith("ENUM")) {
            return new Mapping(LogicalType.text(), Codecs.TEXT);
        }
        if (typeName.startsWith("ROW")) {
            List<String> fields = rowFieldTypes(typeName);
            return fields == null || fields.stream().anyMatch(f -> !rowFieldCarried(f)) ? null
                    : new Mapping(LogicalType.nativeType(H2Codecs.ENGINE, typeName), H2Codecs.row(fields));
        }
        if (typeName.startsWith("GEOMETRY")) {
            return new Mapping(LogicalType.nativeType(H2Codecs.ENGINE, "GEOMETRY"), H2Codecs.GEOMETRY);
        }
        String name = typeName.replaceAll("\\([^)]*\\)", "").replaceAll("\\s+", " ").trim();
        boolean fromName = size < 0;
        if (fromName) {
            List<Integer> parameters = parameters(typeName);
            size = parameters.isEmpty() ? 0 : parameters.get(0);
            scale = parameters.size() > 1 ? parameters.get(1) : 0;
        }
        if (name.startsWith("INTERVAL ")) {
            // the fractional digits of SECOND: INTERVAL SECOND(p, s), INTERVAL ... TO SECOND(s); 6 by default
            int fraction = fromName ? fractionalDigits(typeName) : scale;
            return new Mapping(LogicalType.nativeType(H2Codecs.ENGINE, name),
                    H2Codecs.interval(name.substring("INTERVAL ".length()), fraction));
        }
        return switch (name) {
            case "TINYINT", "SMALLINT", "INTEGER", "BIGINT" -> new Mapping(LogicalType.integer(), Codecs.LONG);
            // H2's plain NUMERIC has precision 100000 and scale 0: keep the scale, or fractions would be lost
            case "NUMERIC", "DECIMAL" -> new Mapping(size > 0 && scale <= size ? LogicalType.decimal(
                    Math.min(size, LogicalType.MAX_DECIMAL_PRECISION), Math.min(scale, LogicalType.MAX_DECIMAL_PRECISION))
                    : LogicalType.decimal(), Codecs.DECIMAL);
            case "DECFLOAT" -> new Mapping(LogicalType.decimal(), H2Codecs.DECFLOAT);
            case "REAL" -> new Mapping(LogicalType.float64(), Codecs.FLOAT32);
            case "DOUBLE PRECISION" -> new Mapping(LogicalType.float64(), Codecs.DOUBLE);
            case "CHARACTER", "CHARACTER VARYING", "VARCHAR_IGNORECASE" -> new Mapping(
                    size > 0 && size < Integer.MAX_VALUE ? LogicalType.text(size) : LogicalType.text(), Codecs.TEXT);
            case "CHARACTER LARGE OBJECT" -> new Mapping(LogicalType.text(), Codecs.TEXT);
            case "BINARY", "BINARY VARYING" -> new Mapping(
                    size > 0 && size < Integer.MAX_VALUE ? LogicalType.binary(size) : LogicalType.binary(),
                    Codecs.BYTES);
            case "BINARY LARGE OBJECT" -> new Mapping(LogicalType.binary(), Codecs.BYTES);
            case "BOOLEAN" -> new Mapping(LogicalType.bool(), Codecs.BOOLEAN);
            case "DATE" -> new Mapping(LogicalType.date(), Codecs.DATE);
            case "TIME" -> new Mapping(LogicalType.time(), Codecs.TIME);
            case "TIMESTAMP" -> new Mapping(LogicalType.timestamp(), Codecs.TIMESTAMP);
            case "TIMESTAMP WITH TIME ZONE" -> new Mapping(LogicalType.timestampTz(), Codecs.TIMESTAMP_TZ);
            case "TIME WITH TIME ZONE" -> new Mapping(LogicalType.nativeType(H2Codecs.ENGINE, name),
                    H2Codecs.timeWithTimeZone(fromName ? fractionalDigits(typeName) : scale));
            case "UUID" -> new Mapping(LogicalType.uuid(), Codecs.UUID_OBJECT);
            case "JSON" -> new Mapping(LogicalType.json(), H2Codecs.JSON);
            default -> null;
        };
    }

    /**
     * The fractional seconds precision of an array's element type, whose only metadata is its name:
     * {@code TIME(9) WITH TIME ZONE} has 9 (0 without a precision), {@code INTERVAL DAY(5) TO SECOND(3)} 3,
     * {@code INTERVAL SECOND(2, 9)} 9; an interval ending in SECOND has 6 by default, others none.
     */
    private static int fractionalDigits(String typeName) {
        Matcher m = Pattern.compile("^TIME\\((\\d+)\\)|TO SECOND\\((\\d+)\\)|^INTERVAL SECOND\\(\\d+,\\s*(\\d+)\\)")
                .matcher(typeName);
        if (m.find()) {
            return Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        return typeName.startsWith("INTERVAL") && typeName.replaceAll("\\([^)]*\\)", "").trim().endsWith("SECOND")
                ? 6 : 0;
    }

    /** @return the numbers in a type name's first parentheses, e.g. 10 and 2 of {@code NUMERIC(10, 2)} */
    private static List<Integer> parameters(String typeName) {
        int open = typeName.indexOf('(');
        int close = typeName.indexOf(')', open + 1);
        if (open < 0 || close < 0) {
            return List.of();
        }
        List<Integer> values = new ArrayList<>();
        for (String part : typeName.substring(open + 1, close).split(",")) {
            try {
                values.add(Integer.parseInt(part.trim()));
            } catch (NumberFormatException e) {
                return List.of();
            }
        }
        return values;
    }

    /** Field types a ROW may have: those whose text ({@code CAST(field AS VARCHAR)}) H2 casts back exactly. */
    private static boolean rowFieldCarried(String type) {
        if (type.startsWith("ENUM") || type.startsWith("INTERVAL")) {
            return true;
        }
        String name = type.replaceAll("\\([^)]*\\)", "").replaceAll("\\s+", " ").trim();
        return switch (name) {
            case "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "NUMERIC", "DECIMAL", "DECFLOAT", "REAL",
                    "DOUBLE PRECISION", "CHARACTER", "CHARACTER VARYING", "VARCHAR_IGNORECASE",
                    "CHARACTER LARGE OBJECT", "BOOLEAN", "DATE", "TIME", "TIME WITH TIME ZONE", "TIMESTAMP",
                    "TIMESTAMP WITH TIME ZONE", "UUID" -> true;
            default -> false;
        };
    }

    /**
     * The field types of a ROW type name, e.g. {@code ROW("A" INTEGER, "B" CHARACTER VARYING(10))} gives
     * {@code INTEGER} and {@code CHARACTER VARYING(10)}.
     *
     * @return the types, or null if the name cannot be read
     */
    static List<String> rowFieldTypes(String typeName) {
        int open = typeName.indexOf('(');
        if (open < 0 || !typeName.endsWith(")")) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        String body = typeName.substring(open + 1, typeName.length() - 1);
        int depth = 0;
        char quote = 0;
        int from = 0;
        for (int i = 0; i <= body.length(); i++) {
            char c = i < body.length() ? body.charAt(i) : ',';
            if (quote != 0) {
                if (c == quote) {
                    quote = 0; // a doubled quote closes and reopens: the same for splitting
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                String field = body.substring(from, Math.min(i, body.length())).trim();
                if (!field.startsWith("\"")) {
                    return null;
                }
                int nameEnd = field.indexOf('"', 1);
                while (nameEnd > 0 && nameEnd + 1 < field.length() && field.charAt(nameEnd + 1) == '"') {
                    nameEnd = field.indexOf('"', nameEnd + 2);
                }
                if (nameEnd < 0) {
                    return null;
                }
                fields.add(field.substring(nameEnd + 1).trim());
                from = i + 1;
            }
        }
        return fields.isEmpty() ? null : fields;
    }

    /**
     * {@code JAVA_OBJECT} is refused: its value is a serialized Java object whose meaning depends on the classes of
     * the application that wrote it, and archives are untrusted input; writing an archive's bytes into such a
     * column would let an uploaded file plant an object the application later deserializes.
     */
    @Override
    public String whyNotCarried(ColumnInfo column) {
        String name = column.typeName() == null ? "" : column.typeName();
        if (name.startsWith("JAVA_OBJECT")) {
            return "a JAVA_OBJECT holds a serialized Java object whose meaning depends on the application's "
                    + "classes, and an archive is untrusted input: importing its bytes would let an uploaded file "
                    + "plant an object the application later deserializes. Store the data in a portable type "
                    + "(VARBINARY, JSON, ...) to carry it";
        }
        if (name.startsWith("ROW")) {
            return ARRAY_SUFFIX.matcher(name).find() ? "the elements of an array of ROW values would reach H2 through one "
                    + "array parameter, and H2 2.3 converts such elements into rows wrongly (each field after the "
                    + "first converted one takes that field's type)" : "a ROW travels as the "
                    + "texts of its fields, so its fields must be of types whose text H2 reads back exactly "
                    + "(numbers, text, BOOLEAN, dates and times, INTERVAL, UUID, ENUM), not binary, JSON, GEOMETRY, "
                    + "ARRAY or ROW";
        }
        return null;
    }

    /**
     * {@code VARCHAR_IGNORECASE} compares case-insensitively (collation key {@code LOWER(UPPER(...))}), and
     * {@code CHARACTER(n)} pads with blanks, so trailing blanks do not count (collation key {@code RTRIM}). Other
     * keys compare by value (with H2's default, binary, collation).
     */
    @Override
    public KeyComparison keyComparison(Connection connection, JdbcTable table) {
        List<String> parameters = new java.util.ArrayList<>();
        List<String> collationKeys = new java.util.ArrayList<>();
        boolean byValue = true;
        for (String key : table.schema().primaryKey()) {
            JdbcColumn column = table.columns().get(table.schema().indexOf(key));
            parameters.add(column.codec().parameter());
            String type = column.typeName() == null ? "" : column.typeName().toUpperCase(java.util.Locale.ROOT);
            if (type.startsWith("VARCHAR_IGNORECASE")) {
                byValue = false;
                collationKeys.add("LOWER(UPPER(CAST(? AS VARCHAR)))");
            } else if (type.equals("CHARACTER") || type.startsWith("CHARACTER(")) {
                byValue = false;
                collationKeys.add("RTRIM(CAST(? AS VARCHAR))");
            } else {
                collationKeys.add(null);
            }
        }
        return byValue ? KeyComparison.BY_VALUE : new KeyComparison(false, parameters, collationKeys);
    }

    /**
     * Restarts the identity with {@code ALTER TABLE ... ALTER COLUMN ... RESTART WITH}: in H2 2.x this is an
     * {@code AlterSequence} command, which H2 marks transactional, so it does not commit the import's
     * transaction; like a sequence change anywhere it is not undone by a rollback (it only ever moves forward).
     */
    @Override
    public void advanceIdentity(Connection connection, JdbcTable table, JdbcColumn column) throws SQLException {
        long base;
        long increment;
        try (PreparedStatement ps = connection.prepareStatement("SELECT IDENTITY_BASE, IDENTITY_INCREMENT FROM "
                + "INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND COLUMN_NAME = ?")) {
            ps.setString(1, table.sqlSchema());
            ps.setString(2, table.sqlName());
            ps.setString(3, column.sqlName());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getObject(1) == null) {
                    return;
                }
                base = rs.getLong(1);
                increment = rs.getLong(2);
            }
        }
        Long extreme = table.extreme(connection, column, increment > 0);
        if (extreme == null) {
            return;
        }
        long next;
        try {
            next = Math.addExact(extreme, increment);
        } catch (ArithmeticException e) {
            return; // the identity is exhausted; nothing to move
        }
        if (increment > 0 ? next > base : next < base) {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("ALTER TABLE " + table.qualifiedName() + " ALTER COLUMN "
                        + quote(column.sqlName()) + " RESTART WITH " + next);
            }
        }
    }

    /** A column default that draws from a sequence: {@code NEXT VALUE FOR "schema"."sequence"}. */
    private static final java.util.regex.Pattern NEXT_VALUE = java.util.regex.Pattern.compile(
            "NEXT VALUE FOR \"((?:[^\"]|\"\")+)\"\\.\"((?:[^\"]|\"\")+)\"",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * Where a column's generator stands: its increment and next value, and the statement that restarts it (with
     * the value appended); null if no generator feeds the column.
     */
    private record Generator(long increment, long next, String restart) {
    }

    private Generator generator(Connection connection, JdbcTable table, JdbcColumn column) throws SQLException {
        if (column.column().type().kind() != LogicalType.Kind.INTEGER) {
            return null;
        }
        if (column.identity()) {
            try (PreparedStatement ps = connection.prepareStatement("SELECT IDENTITY_BASE, IDENTITY_INCREMENT FROM "
                    + "INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND COLUMN_NAME = ?")) {
                ps.setString(1, table.sqlSchema());
                ps.setString(2, table.sqlName());
                ps.setString(3, column.sqlName());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getObject(1) != null) {
                        return new Generator(rs.getLong(2), rs.getLong(1), "ALTER TABLE " + table.qualifiedName()
                                + " ALTER COLUMN " + quote(column.sqlName()) + " RESTART WITH ");
                    }
                }
            }
            return null;
        }
        java.util.regex.Matcher m = column.defaultValue() == null ? null
                : NEXT_VALUE.matcher(column.defaultValue().trim());
        if (m == null || !m.matches()) {
            return null;
        }
        String schema = m.group(1).replace("\"\"", "\"");
        String name = m.group(2).replace("\"\"", "\"");
        try (PreparedStatement ps = connection.prepareStatement("SELECT BASE_VALUE, INCREMENT FROM "
                + "INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = ? AND SEQUENCE_NAME = ?")) {
            ps.setString(1, schema);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new Generator(rs.getLong(2), rs.getLong(1), "ALTER SEQUENCE " + quote(schema) + "."
                        + quote(name) + " RESTART WITH ");
            }
        }
    }

    /** Identity columns, and columns whose default is {@code NEXT VALUE FOR} a sequence. */
    @Override
    public List<GeneratorPosition> generators(Connection connection, JdbcTable table) throws SQLException {
        List<GeneratorPosition> positions = new java.util.ArrayList<>();
        for (JdbcColumn column : table.columns()) {
            Generator generator = generator(connection, table, column);
            if (generator != null) {
                positions.add(new GeneratorPosition(table.schema().name(), column.column().name(),
                        generator.increment() > 0, generator.next()));
            }
        }
        return positions;
    }

    /**
     * {@code ALTER TABLE ... ALTER COLUMN ... RESTART WITH} or {@code ALTER SEQUENCE ... RESTART WITH} where the
     * archive's position is further: H2 runs both as an {@code AlterSequence} command, which does not commit the
     * import, and which a rollback does not undo (harmless: it only moves forward).
     */
    @Override
    public void advanceGenerators(Connection connection, JdbcTable table, List<GeneratorPosition> archived,
            boolean committed) throws SQLException {
        if (committed) {
            return;
        }
        for (GeneratorPosition archive : archived) {
            JdbcColumn column = table.column(archive.column());
            Generator generator = column == null ? null : generator(connection, table, column);
            if (generator == null) {
                continue;
            }
            long target = GeneratorPosition.further(generator.increment() > 0, generator.next(), archive.next());
            if (target != generator.next()) {
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate(generator.restart() + target);
                }
            }
        }
    }
}
