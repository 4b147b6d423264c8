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
import java.sql.Statement;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MariaDB 10.6 and later, and MySQL 8. Batched single-row inserts are the fast path here: MariaDB Connector/J
 * sends them as one bulk command ({@code COM_STMT_BULK_EXECUTE}, option {@code useBulkStmtsForInserts}, on by
 * default). When the host asks for it, inserts go through {@code LOAD DATA LOCAL INFILE} streamed from memory where
 * it is exact ({@link MariaDbLoadData}), and back to statements where the server ({@code local_infile=OFF}) or the
 * host's driver settings ({@code allowLocalInfile=false}) forbid it.
 */
final class MariaDbDialect extends Dialect {

    private static final Logger LOG = LoggerFactory.getLogger(MariaDbDialect.class);

    /** A character set or collation name as information_schema gives it, safe to write into SQL. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");

    private static final Pattern JSON_CHECK = Pattern.compile("json_valid\\(`((?:[^`]|``)+)`\\)",
            Pattern.CASE_INSENSITIVE);

    private static final Codec DOUBLE = finite(Codecs.DOUBLE, "DOUBLE", false);

    /**
     * FLOAT is selected as {@code CAST(... AS DOUBLE)}: the text protocol renders a FLOAT with six significant
     * digits, but a DOUBLE with all of them, and widening a float to a double is exact.
     */
    private static final Codec FLOAT = finite(Codecs.FLOAT32, "FLOAT", true);

    @Override
    public JdbcDialect kind() {
        return JdbcDialect.MARIADB;
    }

    @Override
    public String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    /**
     * Whether a {@code LOAD DATA LOCAL INFILE} was refused because the server or the driver does not allow local
     * infile: then every later batch of this store is inserted with statements.
     */
    private volatile boolean localInfileRefused;

    /** Whether the host asked for {@code LOAD DATA LOCAL INFILE} ({@code JdbcStore.Configuration}). */
    private volatile boolean loadData;

    @Override
    public void loadDataLocalInfile(boolean on) {
        this.loadData = on;
    }

    /**
     * {@code LOAD DATA LOCAL INFILE} of the batch, fed from memory ({@link MariaDbLoadData}), where every column's
     * values travel exactly as LOAD DATA text and the connection is MariaDB Connector/J's (3.0.7 or later); null
     * otherwise, and once the server or the driver refused local infile.
     */
    @Override
    public BulkLoad bulkLoad(Connection connection, String table, List<JdbcColumn> columns) throws SQLException {
        if (!loadData || localInfileRefused) {
            return null;
        }
        MariaDbLoadData.Field[] fields = MariaDbLoadData.fields(columns);
        if (fields == null) {
            return null;
        }
        return MariaDbLoadData.open(connection, MariaDbLoadData.statement(table, columns, fields, this), fields);
    }

    @Override
    public void bulkLoadUnavailable(SQLException cause) {
        if (!localInfileRefused) {
            localInfileRefused = true;
            LOG.info("LOAD DATA LOCAL INFILE is not allowed ({}); imports insert with statements instead (enable "
                    + "local_infile on the server and allowLocalInfile in the driver for the faster path)",
                    cause.getMessage());
        }
    }

    @Override
    public Hints hints(Connection connection, String catalog, String schema) throws SQLException {
        Set<String> json = new HashSet<>();
        // MariaDB's JSON is LONGTEXT with a CHECK (json_valid(`column`)); MySQL 8 has a real JSON type and no
        // TABLE_NAME in this view, so a failing query only means there is nothing to find.
        try (PreparedStatement ps = connection.prepareStatement("SELECT TABLE_NAME, CHECK_CLAUSE FROM "
                + "information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?")) {
            ps.setString(1, catalog);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Matcher m = JSON_CHECK.matcher(rs.getString(2).trim());
                    if (m.matches()) {
                        json.add(Hints.key(rs.getString(1), m.group(1).replace("``", "`")));
                    }
                }
            }
        } catch (SQLException e) {
            LOG.debug("no JSON check constraints read: {}", e.getMessage());
        }
        // the server's own column types: the driver's metadata depends on its options (tinyInt1isBit makes a
        // TINYINT(1) a BOOLEAN, yearIsDateType a YEAR a DATE) and drops what COLUMN_TYPE keeps
        Map<String, String> types = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, "
                + "CHARACTER_SET_NAME, CHARACTER_OCTET_LENGTH, DATETIME_PRECISION FROM information_schema.COLUMNS "
                + "WHERE TABLE_SCHEMA = ?")) {
            ps.setString(1, catalog);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = Hints.key(rs.getString(1), rs.getString(2));
                    types.put(key, rs.getString(3));
                    String charset = rs.getString(4);
                    long octets = rs.getLong(5);
                    boolean noOctets = rs.wasNull();
                    int precision = rs.getInt(6);
                    boolean noPrecision = rs.wasNull();
                    facts.put(key, new ColumnFacts(charset, noOctets ? -1 : octets, noPrecision ? 0 : precision));
                }
            }
        }
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT @@max_allowed_packet, VERSION()")) {
            rs.next();
            maxAllowedPacket = rs.getLong(1);
            timestampMax = timestampMax(rs.getString(2));
        }
        return new Hints(Set.of(), Set.of(), Set.of(), json, types);
    }

    /** What {@code information_schema.COLUMNS} says of a column's values, for {@link #withLimits}. */
    private record ColumnFacts(String charset, long octets, int fractionalDigits) {
    }

    /** Per column ({@link Hints#key}): its character set, byte length and fractional seconds, read by {@link #hints}. */
    private final Map<String, ColumnFacts> facts = new HashMap<>();

    /** The server's {@code max_allowed_packet} as discovery read it; 0 before. */
    private long maxAllowedPacket;

    /** The latest TIMESTAMP the server holds, in UTC (it depends on the version). */
    private LocalDateTime timestampMax = TIMESTAMP_MAX_32;

    private static final LocalDateTime TIMESTAMP_MIN = LocalDateTime.of(1970, 1, 1, 0, 0, 1);
    private static final LocalDateTime TIMESTAMP_MAX_32 = LocalDateTime.of(2038, 1, 19, 3, 14, 7, 999_999_000);
    private static final LocalDateTime TIMESTAMP_MAX_64 = LocalDateTime.of(2106, 2, 7, 6, 28, 15, 999_999_000);
    /** MariaDB's DATE holds the year 0000 (ISO year 0, 1 BC) with a month and a day, as Java's LocalDate does. */
    private static final LocalDateTime DATE_MIN = LocalDateTime.of(0, 1, 1, 0, 0);
    private static final LocalDateTime DATE_MAX = LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999);

    /**
     * MariaDB 11.5 and later hold TIMESTAMPs up to 2106-02-07 06:28:15 UTC on 64-bit servers (MariaDB documentation,
     * "TIMESTAMP"); earlier versions and MySQL up to 2038-01-19 03:14:07 UTC.
     */
    private static LocalDateTime timestampMax(String version) {
        Matcher m = Pattern.compile("^(\\d+)\\.(\\d+)").matcher(version == null ? "" : version);
        if (version != null && version.toLowerCase(Locale.ROOT).contains("mariadb") && m.find()) {
            int major = Integer.parseInt(m.group(1));
            int minor = Integer.parseInt(m.group(2));
            if (major > 11 || major == 11 && minor >= 5) {
                return TIMESTAMP_MAX_64;
            }
        }
        return TIMESTAMP_MAX_32;
    }

    @Override
    public long maxRowBytes() {
        return maxAllowedPacket;
    }

    /**
     * MariaDB's own rules, from the column's {@code COLUMN_TYPE} and {@code information_schema.COLUMNS}: integer
     * ranges (signed and unsigned; {@code YEAR} 1901 to 2155 and 0, as it turns 1 to 99 into other years), DOUBLE and
     * FLOAT without NaN, infinities and -0.0 (stored as 0), FLOAT's 24 significant bits, the column's character set,
     * the byte lengths of TINYTEXT, TEXT, MEDIUMTEXT and their BLOBs, BINARY(n)'s padding, ENUM and SET labels,
     * DATE and DATETIME from year 1 to 9999, TIMESTAMP's range, and fractional seconds beyond the column's
     * precision (which MariaDB cuts silently even in strict mode).
     */
    @Override
    public Codec withLimits(ColumnInfo column, Hints hints, Mapping mapping) {
        String key = Hints.key(column.sqlTable(), column.sqlName());
        String columnType = hints.columnTypes().get(key);
        if (columnType == null) {
            return mapping.codec();
        }
        ColumnFacts fact = facts.getOrDefault(key, new ColumnFacts(null, -1, 0));
        String lower = columnType.toLowerCase(Locale.ROOT);
        boolean unsigned = lower.contains(" unsigned");
        String base = baseType(columnType).toUpperCase(Locale.ROOT).replace(" ZEROFILL", "").replace(" UNSIGNED", "")
                .trim();
        int quote = columnType.indexOf('\'');
        String type = "MariaDB's " + (quote < 0 ? columnType.toUpperCase(Locale.ROOT) // ENUM and SET keep their labels
                : columnType.substring(0, quote).toUpperCase(Locale.ROOT) + columnType.substring(quote))
                + (fact.charset() == null ? ""
                : " CHARACTER SET " + fact.charset());
        Limit charset = fact.charset() == null ? Limit.NONE : Limit.charset(fact.charset(), type);
        Limit limit = switch (base) {
            case "TINYINT", "BOOLEAN", "BOOL" -> unsigned ? Limit.integers(0, 255, type) : Limit.integers(-128, 127,
                    type);
            case "SMALLINT" -> unsigned ? Limit.integers(0, 65_535, type) : Limit.integers(-32_768, 32_767, type);
            case "MEDIUMINT" -> unsigned ? Limit.integers(0, 16_777_215, type)
                    : Limit.integers(-8_388_608, 8_388_607, type);
            case "INT", "INTEGER" -> unsigned ? Limit.integers(0, 4_294_967_295L, type)
                    : Limit.integers(Integer.MIN_VALUE, Integer.MAX_VALUE, type);
            case "BIGINT" -> unsigned ? Limit.decimals(BigDecimal.ZERO, new BigDecimal("18446744073709551615"), type)
                    : Limit.NONE;
            case "YEAR" -> lower.startsWith("year(2)") ? Limit.integers(0, 99, type)
                    : value -> value instanceof Long n && n != 0 && (n < 1901 || n > 2155) ? "the integer " + n
                    + " is not a year " + type + " holds (1901 to 2155, or 0); MariaDB would refuse it or store "
                    + "another year" : null;
            case "DECIMAL", "DEC", "NUMERIC", "FIXED" -> unsigned ? Limit.decimals(BigDecimal.ZERO, null, type)
                    : Limit.NONE;
            case "FLOAT" -> Limit.all(Limit.finite(type), Limit.noNegativeZero(type), Limit.float32(type),
                    unsigned ? Limit.decimals(BigDecimal.ZERO, null, type) : null);
            case "DOUBLE", "DOUBLE PRECISION", "REAL" -> Limit.all(Limit.finite(type), Limit.noNegativeZero(type),
                    unsigned ? Limit.decimals(BigDecimal.ZERO, null, type) : null);
            case "CHAR", "VARCHAR", "JSON", "LONGTEXT" -> charset;
            case "TINYTEXT", "TEXT", "MEDIUMTEXT" -> Limit.all(charset, fact.octets() > 0
                    ? Limit.bytes(fact.octets(), fact.charset() == null ? "utf8mb4" : fact.charset(), type) : null);
            case "ENUM" -> Limit.all(charset, Limit.oneOf(Limit.labels(columnType, true), type));
            case "SET" -> Limit.all(charset, Limit.setOf(Limit.labels(columnType, true), type));
            case "BINARY" -> column.size() > 0 ? Limit.fixedBinary(column.size(), type) : Limit.NONE;
            case "TINYBLOB", "BLOB", "MEDIUMBLOB" -> fact.octets() > 0 ? Limit.bytes(fact.octets(), null, type)
                    : Limit.NONE;
            case "DATE" -> Limit.dates(DATE_MIN, DATE_MAX, type);
            case "DATETIME" -> Limit.all(Limit.dates(DATE_MIN, DATE_MAX, type),
                    Limit.fractionalSeconds(fact.fractionalDigits(), type));
            case "TIMESTAMP" -> Limit.all(Limit.dates(TIMESTAMP_MIN, timestampMax, type),
                    Limit.fractionalSeconds(fact.fractionalDigits(), type));
            case "TIME" -> Limit.fractionalSeconds(fact.fractionalDigits(), type);
            default -> Limit.NONE;
        };
        return Codecs.limited(mapping.codec(), limit);
    }

    /**
     * Tables whose engine has no transactions ({@code information_schema.ENGINES.TRANSACTIONS}): MyISAM, Aria
     * (crash-safe with {@code TRANSACTIONAL=1}, but it does not roll back), MEMORY, CSV, ARCHIVE, MRG_MyISAM, ...
     */
    @Override
    public Storage storage(Connection connection, String catalog, String schema) throws SQLException {
        java.util.Map<String, String> engines = new java.util.HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT t.TABLE_NAME, t.ENGINE, e.TRANSACTIONS "
                + "FROM information_schema.TABLES t LEFT JOIN information_schema.ENGINES e ON e.ENGINE = t.ENGINE "
                + "WHERE t.TABLE_SCHEMA = ? AND t.TABLE_TYPE = 'BASE TABLE'")) {
            ps.setString(1, catalog);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String engine = rs.getString(2);
                    if (engine != null && !"YES".equalsIgnoreCase(rs.getString(3))) {
                        engines.put(rs.getString(1), "the " + engine + " engine");
                    }
                }
            }
        }
        return new Storage(false, Set.of(), engines);
    }

    /**
     * Maps a column by the server's {@code COLUMN_TYPE} (the driver's type name where that is missing), so that
     * the driver's options do not change what a column is: {@code TINYINT(1)} is an INTEGER whatever
     * {@code tinyInt1isBit} says.
     */
    @Override
    public Mapping map(ColumnInfo column, Hints hints) {
        String columnType = hints.columnTypes().get(Hints.key(column.sqlTable(), column.sqlName()));
        String name = (columnType != null ? baseType(columnType) : column.typeName() == null ? ""
                : column.typeName()).toUpperCase(Locale.ROOT);
        boolean unsigned = columnType != null ? columnType.toLowerCase(Locale.ROOT).contains(" unsigned")
                : name.contains(" UNSIGNED");
        String base = name.replace(" ZEROFILL", "").replace(" UNSIGNED", "").trim();
        int size = column.size();
        return switch (base) {
            // TINYINT(1) and BOOLEAN (its alias) are integers: MariaDB stores -128 to 127 in them
            case "TINYINT", "BOOLEAN", "BOOL", "SMALLINT", "MEDIUMINT", "INT", "INTEGER", "YEAR" ->
                    new Mapping(LogicalType.integer(), Codecs.LONG);
            case "BIGINT" -> unsigned ? new Mapping(LogicalType.decimal(20, 0), Codecs.DECIMAL)
                    : new Mapping(LogicalType.integer(), Codecs.LONG);
            case "DECIMAL", "DEC", "NUMERIC", "FIXED" -> new Mapping(size > 0 && size <= LogicalType.MAX_DECIMAL_PRECISION
                    && column.scale() <= size ? LogicalType.decimal(size, column.scale()) : LogicalType.decimal(),
                    Codecs.DECIMAL);
            case "FLOAT" -> new Mapping(LogicalType.float64(), FLOAT);
            case "DOUBLE", "DOUBLE PRECISION", "REAL" -> new Mapping(LogicalType.float64(), DOUBLE);
            case "BIT" -> size == 1 ? new Mapping(LogicalType.bool(), Codecs.BOOLEAN)
                    : new Mapping(LogicalType.nativeType(MariaDbCodecs.ENGINE, "bit"), MariaDbCodecs.bits(size));
            case "CHAR", "VARCHAR", "ENUM", "SET" -> new Mapping(size > 0 && size < Integer.MAX_VALUE
                    ? LogicalType.text(size) : LogicalType.text(), Codecs.TEXT);
            case "TINYTEXT", "TEXT", "MEDIUMTEXT", "LONGTEXT" ->
                    hints.jsonColumns().contains(Hints.key(column.sqlTable(), column.sqlName()))
                            ? new Mapping(LogicalType.json(), Codecs.TEXT) : new Mapping(LogicalType.text(), Codecs.TEXT);
            case "JSON" -> new Mapping(LogicalType.json(), Codecs.TEXT);
            case "BINARY", "VARBINARY" -> new Mapping(size > 0 && size < Integer.MAX_VALUE
                    ? LogicalType.binary(size) : LogicalType.binary(), Codecs.BYTES);
            case "TINYBLOB", "BLOB", "MEDIUMBLOB", "LONGBLOB" -> new Mapping(LogicalType.binary(), Codecs.BYTES);
            case "DATE" -> new Mapping(LogicalType.date(), MariaDbCodecs.DATE);
            case "TIME" -> new Mapping(LogicalType.time(), MariaDbCodecs.TIME);
            case "DATETIME" -> new Mapping(LogicalType.timestamp(), MariaDbCodecs.DATETIME);
            case "TIMESTAMP" -> new Mapping(LogicalType.timestampTz(), MariaDbCodecs.TIMESTAMP_UTC);
            case "UUID" -> new Mapping(LogicalType.uuid(), Codecs.UUID_TEXT);
            case "INET4", "INET6" -> new Mapping(LogicalType.nativeType(MariaDbCodecs.ENGINE,
                    base.toLowerCase(Locale.ROOT)), MariaDbCodecs.inet(base.toLowerCase(Locale.ROOT)));
            case "GEOMETRY", "POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON",
                    "GEOMETRYCOLLECTION" -> new Mapping(LogicalType.nativeType(MariaDbCodecs.ENGINE, "geometry"),
                    MariaDbCodecs.geometry(base.toLowerCase(Locale.ROOT)));
            default -> null;
        };
    }

    /** @return the type name of a {@code COLUMN_TYPE} with its parameters cut: {@code int unsigned zerofill} */
    private static String baseType(String columnType) {
        int open = columnType.indexOf('(');
        if (open < 0) {
            return columnType.trim();
        }
        int close = columnType.lastIndexOf(')');
        return (columnType.substring(0, open) + (close > open ? columnType.substring(close + 1) : "")).trim();
    }

    /** The column's {@code COLUMN_TYPE}, e.g. {@code tinyint(1)}, {@code int(10) unsigned}, {@code point}. */
    @Override
    public NativeType nativeType(ColumnInfo column, Hints hints) {
        String columnType = hints.columnTypes().get(Hints.key(column.sqlTable(), column.sqlName()));
        return columnType == null ? super.nativeType(column, hints) : NativeType.of(engine(), columnType);
    }

    private static Codec finite(Codec codec, String type, boolean castToDouble) {
        return new Codec() {
            @Override
            public String select(String quotedColumn) {
                return castToDouble ? "CAST(" + quotedColumn + " AS DOUBLE)" : quotedColumn;
            }

            @Override
            public Object read(ResultSet rs, int index) throws SQLException {
                return codec.read(rs, index);
            }

            @Override
            public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
                if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
                    throw new BadValueException(d + " cannot be stored: a MariaDB " + type + " holds finite "
                            + "numbers only");
                }
                codec.bind(ps, index, value);
            }
        };
    }

    /**
     * Sets the session time zone to UTC for {@link #TIMESTAMP_UTC}, bounds lock waits
     * ({@code innodb_lock_wait_timeout} for rows, {@code lock_wait_timeout} for tables' metadata, both in whole
     * seconds), sets an import's {@code sql_mode} to {@link #IMPORT_SQL_MODE}, and puts these and the foreign-key
     * checks (which {@link #foreignKeyChecks} may switch) back afterwards.
     */
    @Override
    public SessionState openSession(Connection connection, Access access, Duration lockTimeout)
            throws SQLException {
        String zone;
        boolean checks;
        long rowLockWait;
        long metadataLockWait;
        String mode;
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT @@session.time_zone, @@session.foreign_key_checks, "
                        + "@@session.innodb_lock_wait_timeout, @@session.lock_wait_timeout, @@session.sql_mode")) {
            rs.next();
            zone = rs.getString(1);
            checks = rs.getInt(2) != 0;
            rowLockWait = rs.getLong(3);
            metadataLockWait = rs.getLong(4);
            mode = rs.getString(5);
        }
        long seconds = seconds(lockTimeout);
        try (PreparedStatement ps = connection.prepareStatement("SET time_zone = '+00:00', "
                + "innodb_lock_wait_timeout = ?, lock_wait_timeout = ?"
                + (access == Access.WRITE ? ", sql_mode = '" + IMPORT_SQL_MODE + "'" : ""))) {
            ps.setLong(1, seconds);
            ps.setLong(2, seconds);
            ps.execute();
        }
        return c -> {
            try (PreparedStatement ps = c.prepareStatement("SET time_zone = ?, foreign_key_checks = ?, "
                    + "innodb_lock_wait_timeout = ?, lock_wait_timeout = ?, sql_mode = ?")) {
                ps.setString(1, zone);
                ps.setInt(2, checks ? 1 : 0);
                ps.setLong(3, rowLockWait);
                ps.setLong(4, metadataLockWait);
                ps.setString(5, mode == null ? "" : mode);
                ps.execute();
            }
        };
    }

    /**
     * The {@code sql_mode} of an import's unit of work, whatever the server's or the host's: the server refuses a
     * value it would otherwise truncate or replace ({@code STRICT_ALL_TABLES}, also for tables that cannot roll
     * back), keeps an AUTO_INCREMENT key 0 instead of renumbering it ({@code NO_AUTO_VALUE_ON_ZERO}), and refuses a
     * table whose storage engine is missing instead of using another ({@code NO_ENGINE_SUBSTITUTION}). Zero dates
     * stay writable where a column holds them ({@code NO_ZERO_DATE} and {@code NO_ZERO_IN_DATE} are not set): an
     * archive of such a database carries them as native values.
     */
    static final String IMPORT_SQL_MODE = "STRICT_ALL_TABLES,NO_AUTO_VALUE_ON_ZERO,NO_ENGINE_SUBSTITUTION";

    private static long seconds(Duration timeout) {
        return Math.max(1, (timeout.toMillis() + 999) / 1000);
    }

    /**
     * Takes the named lock {@code portability-import:<database>} with {@code GET_LOCK} (a hash of the name when
     * it would be longer than the 64 characters a lock name may have). Named locks belong to the session, not the
     * transaction: the lock is released with {@code RELEASE_LOCK} when the unit of work closes, and by the server
     * if the session ends first.
     */
    @Override
    public ImportLock lockImports(Connection connection, String schema, Duration timeout) throws SQLException {
        String name = "portability-import:" + schema;
        if (name.length() > 64) {
            name = "portability-import:" + HexFormat.of().formatHex(sha256(schema), 0, 20);
        }
        String lock = name;
        try (PreparedStatement ps = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            ps.setString(1, lock);
            ps.setLong(2, seconds(timeout));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                int result = rs.getInt(1);
                if (rs.wasNull()) {
                    throw new SQLException("GET_LOCK('" + lock + "') failed");
                }
                if (result == 0) {
                    return null;
                }
            }
        }
        return c -> {
            if (c.isClosed()) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement("DO RELEASE_LOCK(?)")) {
                ps.setString(1, lock);
                ps.execute();
            }
        };
    }

    /** MariaDB has no deferrable constraints, but a session switch that works inside a transaction. */
    @Override
    public boolean switchesForeignKeyChecks() {
        return true;
    }

    @Override
    public void foreignKeyChecks(Connection connection, boolean on) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET foreign_key_checks = " + (on ? 1 : 0));
        }
    }

    /**
     * Every text column has a collation, and every collation but the {@code _nopad_} ones ignores trailing blanks
     * ({@code PAD SPACE}, even {@code utf8mb4_bin}): text keys are compared by the database. The collation key is
     * {@code WEIGHT_STRING} of the value in the column's character set and collation, trailing blanks removed
     * first for a {@code PAD SPACE} collation ({@code WEIGHT_STRING} keeps them).
     */
    @Override
    public KeyComparison keyComparison(Connection connection, JdbcTable table) throws SQLException {
        List<String> parameters = new java.util.ArrayList<>();
        List<String> collationKeys = new java.util.ArrayList<>();
        boolean byValue = true;
        for (String key : table.schema().primaryKey()) {
            JdbcColumn column = table.columns().get(table.schema().indexOf(key));
            parameters.add(column.codec().parameter());
            String charset = null;
            String collation = null;
            try (PreparedStatement ps = connection.prepareStatement("SELECT CHARACTER_SET_NAME, COLLATION_NAME "
                    + "FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND COLUMN_NAME = ?")) {
                ps.setString(1, table.sqlSchema());
                ps.setString(2, table.sqlName());
                ps.setString(3, column.sqlName());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        charset = rs.getString(1);
                        collation = rs.getString(2);
                    }
                }
            }
            if (collation == null || charset == null || !NAME.matcher(collation).matches()
                    || !NAME.matcher(charset).matches()) {
                collationKeys.add(null); // not text (binary strings compare byte by byte)
                continue;
            }
            byValue = false;
            String value = "CAST(? AS CHAR CHARACTER SET " + charset + ") COLLATE " + collation;
            boolean padSpace;
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT CAST('a' AS CHAR CHARACTER SET " + charset
                            + ") COLLATE " + collation + " = CAST('a ' AS CHAR CHARACTER SET " + charset + ")")) {
                rs.next();
                padSpace = rs.getInt(1) == 1;
            }
            collationKeys.add("WEIGHT_STRING(" + (padSpace ? "RTRIM(" + value + ")" : value) + ")");
        }
        return byValue ? KeyComparison.BY_VALUE : new KeyComparison(false, parameters, collationKeys);
    }

    /**
     * A derived table of the keys, joined to the table: each parameter has the lowest collation precedence
     * (coercible), so the column's collation decides, and the primary key answers each lookup.
     */
    @Override
    public String existingKeysQuery(String table, List<String> keyColumns, List<String> parameters, int keys) {
        StringBuilder sql = new StringBuilder("SELECT v.i FROM (");
        for (int i = 0; i < keys; i++) {
            sql.append(i == 0 ? "SELECT 0 AS i" : " UNION ALL SELECT " + i);
            for (int c = 0; c < parameters.size(); c++) {
                sql.append(", ").append(parameters.get(c)).append(i == 0 ? " AS k" + c : "");
            }
        }
        return sql.append(") v").append(keyJoin(table, keyColumns)).toString();
    }

    /**
     * Nothing to move: InnoDB raises a table's AUTO_INCREMENT counter whenever a row is inserted with a larger
     * explicit value, inside the transaction and without DDL ({@code ALTER TABLE ... AUTO_INCREMENT} would
     * commit). This checks that it did, and logs if an engine did not.
     */
    @Override
    public void advanceIdentity(Connection connection, JdbcTable table, JdbcColumn column) throws SQLException {
        Long max = table.extreme(connection, column, true);
        if (max == null) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT AUTO_INCREMENT FROM "
                + "information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            ps.setString(1, table.sqlSchema());
            ps.setString(2, table.sqlName());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getObject(1) != null && rs.getLong(1) <= max) {
                    LOG.warn("table {}: AUTO_INCREMENT is {} but the highest {} is {}; this storage engine does not "
                            + "move it on insert, and moving it (ALTER TABLE) would commit the import, so new rows "
                            + "may collide until it is raised by hand", table.schema().name(), rs.getLong(1),
                            column.column().name(), max);
                }
            }
        }
    }

    /** A column default that draws from a sequence (MariaDB 10.3+): {@code nextval(`database`.`sequence`)}. */
    private static final Pattern SEQUENCE_DEFAULT = Pattern.compile(
            "nextval\\(`((?:[^`]|``)+)`\\.`((?:[^`]|``)+)`\\)", Pattern.CASE_INSENSITIVE);

    /** The sequence a column's default draws from, quoted and qualified, or null. */
    private String sequenceOf(JdbcColumn column) {
        if (column.defaultValue() == null) {
            return null;
        }
        Matcher m = SEQUENCE_DEFAULT.matcher(column.defaultValue().trim());
        return m.matches() ? quote(m.group(1).replace("``", "`")) + "." + quote(m.group(2).replace("``", "`"))
                : null;
    }

    /**
     * A sequence's increment and the first value no session has cached ({@code next_not_cached_value}): the next
     * value exactly when the sequence caches nothing ({@code NOCACHE}), otherwise a value at or beyond it.
     */
    private static long[] sequencePosition(Connection connection, String sequence) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT next_not_cached_value, increment FROM " + sequence)) {
            return rs.next() ? new long[] {rs.getLong(2), rs.getLong(1)} : null;
        }
    }

    /** The next AUTO_INCREMENT value of a table, or null (none, or beyond a signed 64-bit integer). */
    private static Long autoIncrement(Connection connection, JdbcTable table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT AUTO_INCREMENT FROM "
                + "information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            ps.setString(1, table.sqlSchema());
            ps.setString(2, table.sqlName());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                java.math.BigDecimal next = rs.getBigDecimal(1);
                return next == null || next.compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? null
                        : next.longValue();
            }
        }
    }

    /** The table's {@code AUTO_INCREMENT} column, and columns whose default draws from a sequence. */
    @Override
    public List<GeneratorPosition> generators(Connection connection, JdbcTable table) throws SQLException {
        List<GeneratorPosition> positions = new java.util.ArrayList<>();
        for (JdbcColumn column : table.columns()) {
            String sequence = sequenceOf(column);
            if (column.identity()) {
                Long next = autoIncrement(connection, table);
                if (next != null) {
                    positions.add(new GeneratorPosition(table.schema().name(), column.column().name(), true, next));
                }
            } else if (sequence != null) {
                long[] position = sequencePosition(connection, sequence);
                if (position != null) {
                    positions.add(new GeneratorPosition(table.schema().name(), column.column().name(),
                            position[0] > 0, position[1]));
                }
            }
        }
        return positions;
    }

    /**
     * Inside the import's transaction, {@code SETVAL(sequence, next, 0)} where the archive's position is further
     * (not undone by a rollback, harmless since it only moves forward). After the import committed,
     * {@code ALTER TABLE ... AUTO_INCREMENT = next} where the archive's position is beyond the table's counter: the
     * statement commits, so it cannot run inside the import, and it runs while the import still holds the import
     * lock. InnoDB never sets the counter below the highest value in the column.
     */
    @Override
    public void advanceGenerators(Connection connection, JdbcTable table, List<GeneratorPosition> archived,
            boolean committed) throws SQLException {
        for (GeneratorPosition archive : archived) {
            JdbcColumn column = table.column(archive.column());
            if (column == null) {
                continue;
            }
            String sequence = sequenceOf(column);
            if (column.identity() && committed) {
                Long next = autoIncrement(connection, table);
                if (next != null && archive.next() > next) {
                    try (Statement statement = connection.createStatement()) {
                        statement.executeUpdate("ALTER TABLE " + table.qualifiedName() + " AUTO_INCREMENT = "
                                + archive.next());
                    }
                }
            } else if (!column.identity() && sequence != null && !committed) {
                long[] position = sequencePosition(connection, sequence);
                if (position == null) {
                    continue;
                }
                long target = GeneratorPosition.further(position[0] > 0, position[1], archive.next());
                if (target != position[1]) {
                    try (Statement statement = connection.createStatement()) {
                        statement.executeQuery("SELECT SETVAL(" + sequence + ", " + target + ", 0)").close();
                    }
                }
            }
        }
    }
}
