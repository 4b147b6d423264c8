package dev.portability.jdbc.internal;

import dev.portability.api.GeneratorPosition;
import dev.portability.api.LogicalType;
import dev.portability.api.NativeType;
import dev.portability.api.spi.Access;
import dev.portability.jdbc.JdbcDialect;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PostgreSQL 15 and later. */
final class PostgresDialect extends Dialect {

    /** Most bind parameters one statement may carry through the driver. */
    private static final int MAX_PARAMETERS = 32_767;

    /** Most rows in one multi-row INSERT. */
    private static final int MAX_ROWS_PER_INSERT = 128;

    private static final Pattern NEXTVAL = Pattern.compile("nextval\\('((?:[^']|'')+)'(?:::regclass)?\\)");

    /**
     * numeric as text: NaN and infinities (which PostgreSQL allows) have no BigDecimal and are
     * {@link dev.portability.api.NativeValue}s (see {@link PostgresText#NUMERIC}); {@link PostgresCodec} binds
     * those.
     */
    private static final Codec NUMERIC = new Codec() {
        @Override
        public Object read(ResultSet rs, int index) throws SQLException {
            String text = rs.getString(index);
            return text == null ? null : PostgresText.NUMERIC.parse(text);
        }

        @Override
        public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
            Codecs.DECIMAL.bind(ps, index, value);
        }
    };

    /** The engine's name in {@link NativeType} and NATIVE types. */
    static final String ENGINE = "postgresql";

    /**
     * The session settings every unit of work pins with {@code SET LOCAL} (they end with the transaction), so that
     * the text the server writes and reads does not depend on the server's, the database's or the host's
     * configuration: ISO dates, intervals in the {@code postgres} style, the shortest exact text of floats, hex
     * bytea, XML content, and {@code money} with two decimals (the C locale: the stored amount is carried as
     * {@code money::numeric}).
     */
    static final List<String> PINNED_SETTINGS = List.of("DateStyle = 'ISO, YMD'", "IntervalStyle = 'postgres'",
            "extra_float_digits = 3", "bytea_output = 'hex'", "xmloption = 'content'", "lc_monetary = 'C'");

    /** What an export's reads pin besides: timestamptz text at +00, as the JDBC reading gives instants. */
    static final String READ_TIME_ZONE = "TimeZone = 'UTC'";

    /** What the catalog says about the discovered schema's column types; read by {@link #hints}. */
    private PostgresTypes types = PostgresTypes.NONE;

    /** The first bytes of SHA-256 of this and a schema name make the key of the schema's import lock. */
    private static final String IMPORT_LOCK_PREFIX = "dev.portability.import:";

    @Override
    public JdbcDialect kind() {
        return JdbcDialect.POSTGRESQL;
    }

    @Override
    public Hints hints(Connection connection, String catalog, String schema) throws SQLException {
        Set<String> partitions = new HashSet<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT c.relname FROM pg_catalog.pg_class c "
                + "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relispartition")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    partitions.add(rs.getString(1));
                }
            }
        }
        types = PostgresTypes.load(connection, schema);
        Set<String> always = new HashSet<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT table_name, column_name FROM "
                + "information_schema.columns WHERE table_schema = ? AND identity_generation = 'ALWAYS'")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    always.add(Hints.key(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return new Hints(partitions, Set.of(), always, Set.of());
    }

    /**
     * Every ordinary table is named with {@code ONLY} (its inheritance children are tables of their own);
     * partitioned tables without, so that their partitions' rows count. Foreign tables cannot roll back.
     */
    @Override
    public Storage storage(Connection connection, String catalog, String schema) throws SQLException {
        Set<String> partitioned = new HashSet<>();
        java.util.Map<String, String> foreign = new java.util.HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT c.relname, c.relkind::text, s.srvname FROM "
                + "pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                + "LEFT JOIN pg_catalog.pg_foreign_table f ON f.ftrelid = c.oid "
                + "LEFT JOIN pg_catalog.pg_foreign_server s ON s.oid = f.ftserver "
                + "WHERE n.nspname = ? AND c.relkind IN ('p', 'f')")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if ("p".equals(rs.getString(2))) {
                        partitioned.add(rs.getString(1));
                    } else {
                        partitioned.add(rs.getString(1)); // ONLY is for inheritance, which a foreign table lacks
                        foreign.put(rs.getString(1), "a foreign table (server " + rs.getString(3) + ")");
                    }
                }
            }
        }
        return new Storage(true, partitioned, foreign);
    }

    /**
     * Maps a column by what the catalog says of its type (see {@link PostgresTypes}): portable types to their
     * logical types; domains to their base type's mapping (values written back through the domain, so its CHECK
     * runs); arrays of any mapped element type, domains and NATIVE types included, to ARRAY, each value with its
     * own dimensions and bounds; {@code oid} (and the {@code lo} domain) to the content of the large object it
     * references; every other type to NATIVE in the server's text form. Pseudo-types are not carried.
     */
    @Override
    public Mapping map(ColumnInfo column, Hints hints) {
        PostgresTypes.ColumnType type = types.column(column.sqlTable(), column.sqlName());
        if (type == null) {
            return null;
        }
        PostgresTypes.Type declared = type.declared();
        if (type.isArray()) {
            Scalar element = scalar(type.element(), type.typmod(), true);
            if (element == null) {
                return null;
            }
            char delimiter = type.elementDeclared() != null ? type.elementDeclared().delimiter()
                    : type.element().delimiter();
            PostgresCodec codec = PostgresCodec.array(element.form(), type.element().name(), delimiter,
                    element.castTo() == null ? null : element.castTo() + "[]");
            return new Mapping(LogicalType.array(element.type()), isNumeric(type.element())
                    ? codec.holdingNumericSpecials(type.typmod() < 4) : codec);
        }
        Scalar scalar = scalar(type.base(), type.typmod(), false);
        if (scalar == null) {
            return null;
        }
        if (scalar.form() == null) {
            return new Mapping(scalar.type(), PostgresCodec.largeObject());
        }
        PostgresCodec codec = scalar.jdbc() != null && !declared.isDomain()
                ? PostgresCodec.jdbc(scalar.jdbc(), scalar.form(), type.base().name())
                : PostgresCodec.text(scalar.form(), type.base().name(),
                        scalar.castTo() == null ? type.base().output() : scalar.castTo().equals("numeric")
                                ? "pg_catalog.numeric_out" : "pg_catalog.textout", scalar.castTo());
        return new Mapping(scalar.type(), isNumeric(type.base())
                ? codec.holdingNumericSpecials(type.typmod() < 4) : codec);
    }

    /**
     * Whether a base type is the built-in {@code numeric}, which holds {@code NaN} and, without a type modifier,
     * {@code Infinity} and {@code -Infinity} (PostgreSQL 15 documentation, "Numeric Types"; a {@code numeric(p,s)}
     * refuses infinities with "numeric field overflow").
     */
    private static boolean isNumeric(PostgresTypes.Type base) {
        return base.typtype() == 'b' && base.schema().equals("pg_catalog") && base.name().equals("numeric");
    }

    /** The earliest date and timestamp PostgreSQL holds: 4714-11-24 BC (PostgreSQL documentation, "Date/Time Types"). */
    private static final LocalDateTime EARLIEST = LocalDateTime.of(-4713, 11, 24, 0, 0);
    private static final LocalDateTime LATEST_DATE = LocalDateTime.of(5_874_897, 12, 31, 23, 59, 59, 999_999_999);
    private static final LocalDateTime LATEST_TIMESTAMP = LocalDateTime.of(294_276, 12, 31, 23, 59, 59, 999_999_999);

    /**
     * PostgreSQL's own rules (PostgreSQL documentation, "Data Types"): the ranges of smallint and integer, float4's
     * 24 significant bits, the ranges of date (4714 BC to 5874897 AD) and timestamp (4714 BC to 294276 AD), and
     * fractional seconds beyond the precision of time(p), timestamp(p) and timestamptz(p) (six digits unless
     * declared), which PostgreSQL rounds. Text without U+0000 is the codec's own rule. Domains take their base
     * type's rules (their CHECK constraints run in the database); arrays are left to their elements' codecs.
     */
    @Override
    public Codec withLimits(ColumnInfo column, Hints hints, Mapping mapping) {
        PostgresTypes.ColumnType type = types.column(column.sqlTable(), column.sqlName());
        if (type == null || type.isArray() || !(mapping.codec() instanceof PostgresCodec codec)) {
            return mapping.codec();
        }
        String name = "PostgreSQL's " + type.declaredName();
        int digits = type.typmod() >= 0 ? type.typmod() : 6;
        Limit limit = !type.base().schema().equals("pg_catalog") ? Limit.NONE : switch (type.base().name()) {
            case "int2" -> Limit.integers(Short.MIN_VALUE, Short.MAX_VALUE, name);
            case "int4" -> Limit.integers(Integer.MIN_VALUE, Integer.MAX_VALUE, name);
            case "float4" -> Limit.float32(name);
            case "date" -> Limit.dates(EARLIEST, LATEST_DATE, name);
            case "timestamp", "timestamptz" -> Limit.all(Limit.dates(EARLIEST, LATEST_TIMESTAMP, name),
                    Limit.fractionalSeconds(digits, name));
            case "time" -> {
                Limit fraction = Limit.fractionalSeconds(digits, name);
                // the driver reads PostgreSQL's 24:00:00 as LocalTime.MAX, and it is written back as 24:00:00
                yield value -> value.equals(java.time.LocalTime.MAX) ? null : fraction.refusal(value);
            }
            default -> Limit.NONE;
        };
        return limit == Limit.NONE ? codec : codec.limited(limit);
    }

    /**
     * The column's type as {@code format_type} writes it (without a schema), and for a domain its base type: e.g.
     * {@code numeric(10,2)}, {@code rating} over {@code integer}, {@code mood[]}.
     */
    @Override
    public NativeType nativeType(ColumnInfo column, Hints hints) {
        PostgresTypes.ColumnType type = types.column(column.sqlTable(), column.sqlName());
        if (type == null) {
            return super.nativeType(column, hints);
        }
        PostgresTypes.Type declared = type.declared();
        return new NativeType(ENGINE, type.declaredName(), declared.isDomain() ? declared.baseName() : null);
    }

    /**
     * How values of a base type travel.
     *
     * @param type the logical type
     * @param form the text form; null for a large object reference
     * @param jdbc the JDBC codec, where the driver reads and binds the type exactly; null to travel as text
     * @param castTo the built-in type a value is cast to, whose output function then writes its text ({@code numeric}
     *     for money, {@code text} for xml), or null for the type's own output function
     */
    private record Scalar(LogicalType type, PostgresText form, Codec jdbc, String castTo) {
        Scalar(LogicalType type, PostgresText form, Codec jdbc) {
            this(type, form, jdbc, null);
        }
    }

    private static Scalar scalar(PostgresTypes.Type base, int typmod, boolean inArray) {
        switch (base.typtype()) {
            case 'e' -> {
                return new Scalar(LogicalType.text(), PostgresText.TEXT, null); // the label, written through the enum
            }
            case 'c', 'r', 'm' -> {
                return nativeScalar(base);
            }
            case 'b' -> {
                // base types below
            }
            default -> {
                return null; // pseudo-types, and domains the catalog could not resolve
            }
        }
        if (!base.schema().equals("pg_catalog")) {
            // an extension's type (citext may live in any schema), or a user's base type that happens to share a
            // built-in type's name
            return base.name().equals("citext") ? new Scalar(LogicalType.text(), PostgresText.TEXT, null)
                    : nativeScalar(base);
        }
        return switch (base.name()) {
            case "int2", "int4", "int8" -> new Scalar(LogicalType.integer(), PostgresText.INTEGER, Codecs.LONG);
            case "oid" -> inArray ? new Scalar(LogicalType.integer(), PostgresText.INTEGER, null)
                    : new Scalar(LogicalType.binary(), null, null); // a large object's content
            case "numeric" -> new Scalar(numeric(typmod), PostgresText.NUMERIC, NUMERIC);
            case "money" -> new Scalar(LogicalType.decimal(MONEY_PRECISION, 2), PostgresText.NUMERIC, null,
                    "numeric"); // numeric_out(money::numeric)
            case "float4" -> new Scalar(LogicalType.float64(), PostgresText.FLOAT4, Codecs.FLOAT32);
            case "float8" -> new Scalar(LogicalType.float64(), PostgresText.FLOAT8, Codecs.DOUBLE);
            case "bpchar", "varchar" -> new Scalar(typmod >= 4 ? LogicalType.text(typmod - 4) : LogicalType.text(),
                    PostgresText.TEXT, Codecs.TEXT);
            case "text", "name" -> new Scalar(LogicalType.text(), PostgresText.TEXT, Codecs.TEXT);
            case "bytea" -> new Scalar(LogicalType.binary(), PostgresText.BYTEA, Codecs.BYTES);
            case "bool" -> new Scalar(LogicalType.bool(), PostgresText.BOOL, Codecs.BOOLEAN);
            case "bit" -> typmod == 1 ? new Scalar(LogicalType.bool(), PostgresText.BIT1, null)
                    : nativeScalar(base);
            case "date" -> new Scalar(LogicalType.date(), PostgresText.DATE, Codecs.DATE);
            case "time" -> new Scalar(LogicalType.time(), PostgresText.TIME, Codecs.TIME);
            case "timestamp" -> new Scalar(LogicalType.timestamp(), PostgresText.TIMESTAMP, Codecs.TIMESTAMP);
            case "timestamptz" -> new Scalar(LogicalType.timestampTz(), PostgresText.TIMESTAMPTZ,
                    Codecs.TIMESTAMP_TZ);
            case "uuid" -> new Scalar(LogicalType.uuid(), PostgresText.UUID, Codecs.UUID_OBJECT);
            case "json", "jsonb" -> new Scalar(LogicalType.json(), PostgresText.TEXT, null);
            // xml as stored: its cast to text is binary-coercible, while xml_out drops a plain <?xml version="1.0"?>
            case "xml" -> new Scalar(LogicalType.nativeType(ENGINE, "xml"), PostgresText.TEXT, null, "text");
            default -> nativeScalar(base);
        };
    }

    /** Any other type: its values in the server's text form (its output function), written back untyped. */
    private static Scalar nativeScalar(PostgresTypes.Type base) {
        return new Scalar(LogicalType.nativeType(ENGINE, base.name()), PostgresText.TEXT, null);
    }

    /** money holds a signed 64-bit count of cents: at most 19 digits, 2 of them after the point (C locale). */
    private static final int MONEY_PRECISION = 19;

    /**
     * The DECIMAL of a numeric column's type modifier: {@code ((precision << 16) | scale) + 4}, the scale an
     * 11-bit signed number (negative since PostgreSQL 15); -1 for an unconstrained numeric.
     */
    private static LogicalType numeric(int typmod) {
        if (typmod < 4) {
            return LogicalType.decimal();
        }
        int precision = ((typmod - 4) >> 16) & 0xffff;
        int scale = (((typmod - 4) & 0x7ff) ^ 1024) - 1024;
        if (precision < 1 || precision > LogicalType.MAX_DECIMAL_PRECISION || scale > precision) {
            return LogicalType.decimal(); // a scale above the precision (numeric(3,5))
        }
        return LogicalType.decimal(precision, scale);
    }

    /**
     * The relations a {@code TRUNCATE} of the named tables empties (the tables and their partitions) as an
     * {@code oid[]}, whether the user holds the {@code TRUNCATE} privilege on every one, and how many are neither
     * ordinary nor partitioned tables.
     */
    private static final String TRUNCATED_RELATIONS = "WITH t AS (SELECT CAST(CAST(n AS regclass) AS oid) AS relid "
            + "FROM unnest(CAST(? AS text[])) n), r AS (SELECT relid FROM t UNION SELECT CAST(p.relid AS oid) "
            + "FROM t, pg_catalog.pg_partition_tree(t.relid) p) SELECT array_agg(r.relid), "
            + "bool_and(pg_catalog.has_table_privilege(r.relid, 'TRUNCATE')), "
            + "count(*) FILTER (WHERE k.relkind NOT IN ('r', 'p')) FROM r "
            + "JOIN pg_catalog.pg_class k ON k.oid = r.relid";

    /**
     * Of the relations given as an {@code oid[]} (the same array in every parameter): the number of foreign keys
     * from relations outside them, of enabled user triggers that a delete or a truncate would fire, and of enabled
     * {@code DELETE} rules. The relations are passed as an array parameter rather than joined, so that PostgreSQL
     * (14 and later) looks each catalogue row up in a hash of the array whatever its statistics say: the catalogues'
     * statistics are stale right after many tables were created, and a join planned on them compared every
     * foreign key with every relation (1.5 s for 2,000 tables).
     */
    private static final String TRUNCATE_BLOCKERS = "SELECT (SELECT count(*) FROM pg_catalog.pg_constraint c "
            + "WHERE c.contype = 'f' AND c.confrelid = ANY(?) AND c.conrelid <> ALL(?)), "
            + "(SELECT count(*) FROM pg_catalog.pg_trigger g WHERE g.tgrelid = ANY(?) AND NOT g.tgisinternal AND "
            + "g.tgenabled IN ('O', 'A') AND (g.tgtype & 40) <> 0), "
            + "(SELECT count(*) FROM pg_catalog.pg_rewrite w WHERE w.ev_class = ANY(?) AND w.ev_type = '4' AND "
            + "w.ev_enabled IN ('O', 'A'))";

    /**
     * One {@code TRUNCATE} of every table ({@code ONLY} where the table is an inheritance parent), which
     * PostgreSQL runs inside the transaction: a rollback brings every row back. Used only where it is exactly what
     * deleting every row does ({@link #TRUNCATED_RELATIONS}, {@link #TRUNCATE_BLOCKERS}): no foreign key from a
     * table outside the set (PostgreSQL would refuse without {@code CASCADE}, which is never used), no enabled user
     * trigger on delete or truncate (the import switched the delete triggers off, unless the host lets triggers
     * fire; {@code ON TRUNCATE} triggers are not switched off, so they keep the import on {@code DELETE}), no
     * enabled {@code DELETE} rule, only ordinary and partitioned tables, and the {@code TRUNCATE} privilege.
     * Sequences are not touched ({@code CONTINUE IDENTITY}: generators never move backwards). The tables are first
     * locked with {@code NOWAIT} inside a savepoint: when another session holds any lock on one of them (a reader
     * included: an export's snapshot must not see them emptied), nothing is done and the import deletes row by row
     * as before, without waiting. When every table is already empty, the lock is kept and nothing is truncated.
     */
    @Override
    public java.util.Map<String, Long> truncate(Connection connection, List<JdbcTable> tables) throws SQLException {
        if (tables.isEmpty()) {
            return null;
        }
        for (JdbcTable table : tables) {
            if (table.nonTransactionalEngine().isPresent()) {
                return null;
            }
        }
        String[] names = tables.stream().map(JdbcTable::qualifiedName).toArray(String[]::new);
        java.sql.Array relations;
        try (PreparedStatement ps = connection.prepareStatement(TRUNCATED_RELATIONS)) {
            ps.setArray(1, connection.createArrayOf("text", names));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(2) || rs.getLong(3) != 0) {
                    return null;
                }
                relations = connection.createArrayOf("oid", (Object[]) rs.getArray(1).getArray());
            }
        }
        try (PreparedStatement ps = connection.prepareStatement(TRUNCATE_BLOCKERS)) {
            for (int i = 1; i <= 4; i++) {
                ps.setArray(i, relations);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) != 0 || rs.getLong(2) != 0 || rs.getLong(3) != 0) {
                    return null;
                }
            }
        }
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < tables.size(); i++) {
            list.append(i == 0 ? "" : ", ").append(tables.get(i).from());
        }
        java.sql.Savepoint savepoint = connection.setSavepoint();
        java.util.Map<String, Long> rows;
        try (Statement statement = connection.createStatement()) {
            statement.execute("LOCK TABLE " + list + " IN ACCESS EXCLUSIVE MODE NOWAIT");
            rows = JdbcTable.countRows(connection, tables);
            if (rows.values().stream().anyMatch(n -> n != 0)) {
                // tables already empty (under the lock TRUNCATE takes) are left as they are: truncating them
                // would change nothing a reader can see, and costs new files for every table and index
                statement.execute("TRUNCATE TABLE " + list + " CONTINUE IDENTITY RESTRICT");
            }
        } catch (SQLException e) {
            // a lock another session holds (55P03), or anything else: back to before the savepoint, and DELETE
            try {
                connection.rollback(savepoint);
            } catch (SQLException lost) {
                e.addSuppressed(lost);
                throw e;
            }
            return null;
        }
        connection.releaseSavepoint(savepoint);
        return rows;
    }

    /**
     * {@code LOCK TABLE ... IN ACCESS SHARE MODE} of every table of the store, before the first read fixes the
     * snapshot (PostgreSQL documentation, "LOCK": a REPEATABLE READ transaction must lock before its first query).
     * An import that empties tables with {@code TRUNCATE} (which is not MVCC-safe: a snapshot taken before it
     * committed would see the tables empty) then either finished before this unit's snapshot, or finds the lock
     * taken and deletes row by row instead. The wait is bounded by the lock timeout, as pg_dump's is by
     * {@code --lock-wait-timeout}.
     */
    @Override
    public void beginRead(Connection connection, List<JdbcTable> tables) throws SQLException {
        StringBuilder list = new StringBuilder();
        for (JdbcTable table : tables) {
            if (table.nonTransactionalEngine().isEmpty()) { // a foreign table cannot be locked, nor truncated here
                list.append(list.length() == 0 ? "" : ", ").append(table.from());
            }
        }
        if (list.length() == 0) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("LOCK TABLE " + list + " IN ACCESS SHARE MODE");
        }
    }

    /**
     * COPY for every table whose columns COPY can load (all but large object references, which are created by
     * {@code lo_from_bytea} in the INSERT): binary when every column has a binary form, else text.
     */
    @Override
    public BulkLoad bulkLoad(Connection connection, String table, List<JdbcColumn> columns) throws SQLException {
        PostgresCodec[] codecs = new PostgresCodec[columns.size()];
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < codecs.length; i++) {
            if (!(columns.get(i).codec() instanceof PostgresCodec codec) || !codec.copyable()) {
                return null;
            }
            codecs[i] = codec;
            names.append(names.length() == 0 ? "" : ", ").append(quote(columns.get(i).sqlName()));
        }
        PostgresBinaryCopy binary = PostgresBinaryCopy.of(columns);
        PostgresCopy copy = PostgresCopy.open(connection, "COPY " + table + " (" + names + ") FROM STDIN"
                + (binary != null ? " (FORMAT binary)" : ""));
        if (copy == null) {
            return null;
        }
        if (binary != null) {
            copy.binary().write(PostgresBinaryCopy.HEADER);
            return new BulkLoad() {
                @Override
                public void add(Object[] values) throws SQLException {
                    // JdbcTable has asked each codec's refusal(value) already: NUL, NaN and infinities included
                    binary.row(copy, values);
                    copy.flushIfFull();
                }

                @Override
                public void finish() throws SQLException {
                    copy.binary().writeShort(-1); // the trailer: a field count of -1
                    copy.finish();
                }

                @Override
                public void close() {
                    copy.close();
                }
            };
        }
        return new BulkLoad() {
            @Override
            public void add(Object[] values) throws SQLException {
                StringBuilder out = copy.buffer();
                for (int i = 0; i < values.length; i++) {
                    if (i > 0) {
                        out.append('\t');
                    }
                    Object value = values[i];
                    if (value == null) {
                        out.append("\\N");
                        continue;
                    }
                    String text;
                    try {
                        text = codecs[i].copyText(value);
                    } catch (BadValueException e) {
                        throw new BadValueException(e.getMessage(), i);
                    }
                    if (text.length() <= LARGE_FIELD) {
                        copyEscape(out, text);
                        continue;
                    }
                    // a large field goes out in pieces, never whole in the buffer
                    for (int from = 0; from < text.length(); ) {
                        int to = Math.min(text.length(), from + LARGE_FIELD);
                        if (to < text.length() && Character.isHighSurrogate(text.charAt(to - 1))) {
                            to--;
                        }
                        copyEscape(out, text.substring(from, to));
                        copy.flushIfFull();
                        from = to;
                    }
                }
                out.append('\n');
                copy.flushIfFull();
            }

            @Override
            public void finish() throws SQLException {
                copy.finish();
            }

            @Override
            public void close() {
                copy.close();
            }
        };
    }

    /** Text fields longer than this many characters are escaped and sent in pieces of this size. */
    private static final int LARGE_FIELD = 1 << 15;

    /** Appends a field of COPY's text format: backslash, tab, line feed and carriage return escaped. */
    private static void copyEscape(StringBuilder out, String text) {
        int n = text.length();
        int plain = 0;
        while (plain < n) {
            char ch = text.charAt(plain);
            if (ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r') {
                break;
            }
            plain++;
        }
        out.append(text, 0, plain);
        for (int i = plain; i < n; i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
    }

    /**
     * Imports run READ COMMITTED: every statement sees what was committed before it started, so an import that
     * waited for the import lock sees the result of the import it waited for (a REPEATABLE READ snapshot would be
     * taken before the wait, by the statement that takes the lock).
     */
    @Override
    public int writeIsolation(int hostIsolation) {
        return Connection.TRANSACTION_READ_COMMITTED;
    }

    /**
     * Bounds lock waits with {@code SET LOCAL lock_timeout}, sets {@code row_security = off} as pg_dump and
     * pg_restore do (a table whose row-level security policies would hide rows from the user then fails with an
     * error, {@link SqlErrors#refuseHiddenRows}, instead of silently reading or deleting only some rows), and pins
     * the {@link #PINNED_SETTINGS} (reads also {@link #READ_TIME_ZONE}), all with {@code SET LOCAL}: they end with
     * the transaction, so the connection goes back with the host's settings. An import leaves the session's
     * TimeZone alone, so that defaults and triggers of the target compute what they always do; the values it
     * writes carry their offsets.
     */
    @Override
    public void beginTransaction(Connection connection, Access access, Duration lockTimeout) throws SQLException {
        StringBuilder sql = new StringBuilder("SET LOCAL lock_timeout = ").append(lockTimeout.toMillis());
        for (String setting : PINNED_SETTINGS) {
            sql.append("; SET LOCAL ").append(setting);
        }
        if (access == Access.READ) {
            sql.append("; SET LOCAL ").append(READ_TIME_ZONE);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql.toString());
            statement.execute("SET LOCAL row_security = off");
        }
    }

    /**
     * Takes a transaction-scoped advisory lock ({@code pg_advisory_xact_lock}) whose key is derived from the schema
     * name; the wait is bounded by the transaction's {@code lock_timeout}, and the lock ends with the transaction.
     */
    @Override
    public ImportLock lockImports(Connection connection, String schema, Duration timeout) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            ps.setLong(1, importLockKey(schema));
            ps.executeQuery().close();
            return ImportLock.TRANSACTIONAL;
        } catch (SQLException e) {
            if ("55P03".equals(e.getSQLState())) {
                return null; // lock_not_available: lock_timeout ran out
            }
            throw e;
        }
    }

    /**
     * @param schema a schema name
     * @return the advisory lock key of imports into it
     */
    static long importLockKey(String schema) {
        return ByteBuffer.wrap(sha256(IMPORT_LOCK_PREFIX + schema)).getLong();
    }

    /**
     * Defers every deferrable constraint to commit, so that rows of a foreign-key cycle can arrive in any order.
     * Constraints not declared DEFERRABLE are unaffected; the setting ends with the transaction.
     */
    @Override
    public void beginWrite(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET CONSTRAINTS ALL DEFERRED");
        }
    }

    /**
     * Text is compared byte by byte under a deterministic collation (the default), so most keys compare by value.
     * Not so: {@code char(n)} ({@code bpchar}), which ignores trailing blanks (collation key {@code rtrim}),
     * {@code citext}, which compares {@code lower()} of both sides (collation key {@code lower}), and a column
     * with a nondeterministic ICU collation, for which PostgreSQL has no collation key function. Parameters are
     * cast to the column's type, so that the comparison is the column's.
     */
    @Override
    public KeyComparison keyComparison(Connection connection, JdbcTable table) throws SQLException {
        List<String> parameters = new java.util.ArrayList<>();
        List<String> collationKeys = new java.util.ArrayList<>();
        boolean byValue = true;
        for (String key : table.schema().primaryKey()) {
            JdbcColumn column = table.columns().get(table.schema().indexOf(key));
            try (PreparedStatement ps = connection.prepareStatement("SELECT format_type(a.atttypid, a.atttypmod), "
                    + "coalesce(b.typname, t.typname), coalesce(co.collisdeterministic, true) "
                    + "FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
                    + "LEFT JOIN pg_catalog.pg_type b ON t.typtype = 'd' AND b.oid = t.typbasetype "
                    + "LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation "
                    + "WHERE a.attrelid = CAST(? AS regclass) AND a.attname = ?")) {
                ps.setString(1, table.qualifiedName());
                ps.setString(2, column.sqlName());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return KeyComparison.BY_VALUE;
                    }
                    String type = rs.getString(1);
                    String base = rs.getString(2);
                    boolean deterministic = rs.getBoolean(3);
                    parameters.add("CAST(? AS " + type + ")");
                    if (!deterministic) {
                        byValue = false;
                        collationKeys.add(null);
                    } else if ("bpchar".equals(base)) {
                        byValue = false;
                        collationKeys.add("rtrim(CAST(? AS text))");
                    } else if ("citext".equals(base)) {
                        byValue = false;
                        collationKeys.add("lower(CAST(? AS text))");
                    } else {
                        collationKeys.add(null);
                    }
                }
            }
        }
        return byValue ? KeyComparison.BY_VALUE : new KeyComparison(false, parameters, collationKeys);
    }

    /** A {@code VALUES} list of the keys, joined to the table (an index lookup per key). */
    @Override
    public String existingKeysQuery(String table, List<String> keyColumns, List<String> parameters, int keys) {
        StringBuilder sql = new StringBuilder("SELECT v.i FROM (VALUES ");
        for (int i = 0; i < keys; i++) {
            sql.append(i == 0 ? "(" : ", (").append(i);
            for (String parameter : parameters) {
                sql.append(", ").append(parameter);
            }
            sql.append(')');
        }
        sql.append(") AS v(i");
        for (int c = 0; c < parameters.size(); c++) {
            sql.append(", k").append(c);
        }
        return sql.append(')').append(keyJoin(table, keyColumns)).toString();
    }

    @Override
    public int rowsPerInsert(int columns) {
        return Math.max(1, Math.min(MAX_ROWS_PER_INSERT, MAX_PARAMETERS / Math.max(1, columns)));
    }

    /**
     * Moves the column's sequence (identity or serial, found with {@code pg_get_serial_sequence}, or named by a
     * {@code nextval(...)} default) with {@code setval}. Sequences are not transactional in PostgreSQL: the move
     * stays if the import rolls back, which is harmless because it only ever moves forward.
     */
    @Override
    public void advanceIdentity(Connection connection, JdbcTable table, JdbcColumn column) throws SQLException {
        String sequence = sequenceOf(connection, table, column);
        if (sequence == null) {
            return;
        }
        long[] position = position(connection, sequence);
        if (position == null) {
            return;
        }
        long increment = position[0];
        long next = position[1];
        Long extreme = table.extreme(connection, column, increment > 0);
        if (extreme == null || (increment > 0 ? extreme < next : extreme > next)) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT setval(CAST(? AS regclass), ?, true)")) {
            ps.setString(1, sequence);
            ps.setLong(2, extreme);
            ps.executeQuery().close();
        }
    }

    /**
     * The sequence that feeds a column: an identity's or a serial's ({@code pg_get_serial_sequence}), or the one a
     * {@code nextval(...)} default names.
     */
    private static String sequenceOf(Connection connection, JdbcTable table, JdbcColumn column) throws SQLException {
        String sequence = null;
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_get_serial_sequence(?, ?)")) {
            ps.setString(1, table.qualifiedName());
            ps.setString(2, column.sqlName());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    sequence = rs.getString(1);
                }
            }
        }
        if (sequence == null && column.defaultValue() != null) {
            Matcher m = NEXTVAL.matcher(column.defaultValue().trim());
            if (m.matches()) {
                sequence = m.group(1).replace("''", "'");
            }
        }
        return sequence;
    }

    /** The increment and the next value {@code nextval} would return, or null if the sequence is not found. */
    private static long[] position(Connection connection, String sequence) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT s.seqincrement, s.seqstart, "
                + "pg_sequence_last_value(s.seqrelid) FROM pg_catalog.pg_sequence s "
                + "WHERE s.seqrelid = CAST(? AS regclass)")) {
            ps.setString(1, sequence);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                long increment = rs.getLong(1);
                long start = rs.getLong(2);
                long last = rs.getLong(3);
                return new long[] {increment, rs.wasNull() ? start : last + increment};
            }
        }
    }

    /** The identity columns, serials and columns whose default is {@code nextval(...)}: their sequences. */
    @Override
    public List<GeneratorPosition> generators(Connection connection, JdbcTable table) throws SQLException {
        List<GeneratorPosition> positions = new java.util.ArrayList<>();
        for (JdbcColumn column : table.columns()) {
            if (!column.identity() || column.column().type().kind() != LogicalType.Kind.INTEGER) {
                continue;
            }
            String sequence = sequenceOf(connection, table, column);
            long[] position = sequence == null ? null : position(connection, sequence);
            if (position != null) {
                positions.add(new GeneratorPosition(table.schema().name(), column.column().name(), position[0] > 0,
                        position[1]));
            }
        }
        return positions;
    }

    /**
     * {@code setval(sequence, next, false)} where the archive's position is further than the sequence's, inside
     * the import's transaction: PostgreSQL never rolls a sequence back, which is harmless because it only moves
     * forward. A sequence that also feeds tables outside the import only moves forward too.
     */
    @Override
    public void advanceGenerators(Connection connection, JdbcTable table, List<GeneratorPosition> archived,
            boolean committed) throws SQLException {
        if (committed) {
            return;
        }
        for (GeneratorPosition archive : archived) {
            JdbcColumn column = table.column(archive.column());
            if (column == null || !column.identity() || column.column().type().kind() != LogicalType.Kind.INTEGER) {
                continue;
            }
            String sequence = sequenceOf(connection, table, column);
            long[] position = sequence == null ? null : position(connection, sequence);
            if (position == null) {
                continue;
            }
            long target = GeneratorPosition.further(position[0] > 0, position[1], archive.next());
            if (target != position[1]) {
                try (PreparedStatement ps = connection.prepareStatement(
                        "SELECT setval(CAST(? AS regclass), ?, false)")) {
                    ps.setString(1, sequence);
                    ps.setLong(2, target);
                    ps.executeQuery().close();
                }
            }
        }
    }
}
