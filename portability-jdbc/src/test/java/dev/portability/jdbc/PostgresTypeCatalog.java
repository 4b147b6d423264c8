package dev.portability.jdbc;

import static dev.portability.api.LogicalType.array;
import static dev.portability.api.LogicalType.binary;
import static dev.portability.api.LogicalType.bool;
import static dev.portability.api.LogicalType.date;
import static dev.portability.api.LogicalType.decimal;
import static dev.portability.api.LogicalType.float64;
import static dev.portability.api.LogicalType.integer;
import static dev.portability.api.LogicalType.json;
import static dev.portability.api.LogicalType.text;
import static dev.portability.api.LogicalType.time;
import static dev.portability.api.LogicalType.timestamp;
import static dev.portability.api.LogicalType.timestampTz;
import static dev.portability.api.LogicalType.uuid;

import dev.portability.api.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL types of {@code docs/jdbc-types.md} that the first catalogue ({@link TypeCatalog}) does not hold:
 * every type without a portable logical type (NATIVE), domains over each kind, {@code citext}, {@code money},
 * infinity, {@code json} kept verbatim and the JSON literal null, arrays of every kind of element with several
 * dimensions and lower bounds other than 1, and large objects. Three tables, a few rows each, written as SQL
 * literals (the data does not pass through the adapters under test); row {@value #NULL_ROW} of each table holds
 * NULL in every column.
 */
final class PostgresTypeCatalog {

    /** The id of the row that holds NULL in every column. */
    static final int NULL_ROW = 99;

    /**
     * One column.
     *
     * @param name the column name
     * @param ddl its SQL type
     * @param type the logical type discovery reports
     * @param nativeName the column's native type name discovery reports
     * @param literals one SQL literal per row (ids 1, 2, ...)
     */
    record Col(String name, String ddl, LogicalType type, String nativeName, List<String> literals) {
    }

    /**
     * One table.
     *
     * @param name the table name
     * @param columns its columns (besides {@code id})
     */
    record Table(String name, List<Col> columns) {

        String ddl() {
            StringBuilder create = new StringBuilder("CREATE TABLE " + name + " (id integer PRIMARY KEY");
            for (Col column : columns) {
                create.append(", ").append(column.name()).append(' ').append(column.ddl());
            }
            return create.append(')').toString();
        }

        List<String> inserts() {
            int rows = columns.get(0).literals().size();
            List<String> inserts = new ArrayList<>();
            for (int row = 0; row < rows; row++) {
                StringBuilder insert = new StringBuilder("INSERT INTO " + name + " VALUES (" + (row + 1));
                for (Col column : columns) {
                    if (column.literals().size() != rows) {
                        throw new IllegalStateException(name + "." + column.name() + ": give " + rows + " literals");
                    }
                    insert.append(", ").append(column.literals().get(row));
                }
                inserts.add(insert.append(')').toString());
            }
            inserts.add("INSERT INTO " + name + " (id) VALUES (" + NULL_ROW + ")");
            return inserts;
        }
    }

    /** The extensions the tables use; their types live in schema {@code public}. */
    static final String[] EXTENSIONS = {"citext", "hstore", "ltree", "lo"};

    /** Types and domains the tables use, created in the test's schema before the tables. */
    static final List<String> SETUP = List.of(
            "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')",
            "CREATE TYPE address AS (street text, zip integer, tags text[], at timestamptz)",
            "CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi)",
            "CREATE DOMAIN rating AS integer CHECK (VALUE BETWEEN 1 AND 5)",
            "CREATE DOMAIN small_rating AS rating CHECK (VALUE <= 3)",
            "CREATE DOMAIN email AS public.citext CHECK (VALUE LIKE '%@%')",
            "CREATE DOMAIN code AS varchar(10)",
            "CREATE DOMAIN span AS interval CHECK (VALUE >= interval '0')",
            "CREATE DOMAIN tags3 AS text[] CHECK (cardinality(VALUE) <= 3)",
            "CREATE DOMAIN price AS numeric(5,2)",
            "CREATE DOMAIN amount AS numeric CHECK (VALUE <> 0)",
            "CREATE DOMAIN due AS date",
            "CREATE DOMAIN document AS jsonb",
            "CREATE DOMAIN home AS address",
            "CREATE DOMAIN stamp AS timestamptz");

    private PostgresTypeCatalog() {
    }

    private static LogicalType nat(String type) {
        return LogicalType.nativeType("postgresql", type);
    }

    private static List<String> lits(String... literals) {
        return List.of(literals);
    }

    /** @return the tables */
    static List<Table> tables() {
        return List.of(natives(), arrays(), largeObjects());
    }

    static Table natives() {
        List<Col> c = new ArrayList<>();
        c.add(new Col("c_interval", "interval", nat("interval"), "interval",
                lits("'1 year 2 mons -3 days 04:05:06.789'", "'-178000000 years'", "'00:00:00'",
                        "'1 mon -1 days +00:00:00.000001'")));
        c.add(new Col("c_money", "money", decimal(19, 2), "money",
                lits("CAST(92233720368547758.07 AS money)", "CAST(-92233720368547758.08 AS money)",
                        "CAST(0 AS money)", "CAST(12.34 AS money)")));
        c.add(new Col("c_timetz", "timetz", nat("timetz"), "time with time zone",
                lits("'00:00:00+00'", "'23:59:59.999999-15:59'", "'12:00:00+05:30'", "'24:00:00+00'")));
        c.add(new Col("c_bit8", "bit(8)", nat("bit"), "bit(8)",
                lits("B'10101010'", "B'00000000'", "B'11111111'", "B'00000001'")));
        c.add(new Col("c_bit1", "bit(1)", bool(), "bit(1)", lits("B'1'", "B'0'", "B'1'", "B'0'")));
        c.add(new Col("c_varbit", "varbit", nat("varbit"), "bit varying",
                lits("B''", "B'1'", "B'1010101010101'", "B'0'")));
        c.add(new Col("c_inet", "inet", nat("inet"), "inet",
                lits("'192.168.0.1/24'", "'::1'", "'10.0.0.1'", "'2001:db8::ff00:42:8329/64'")));
        c.add(new Col("c_cidr", "cidr", nat("cidr"), "cidr",
                lits("'10.0.0.0/8'", "'2001:db8::/32'", "'192.168.1.0/24'", "'::/0'")));
        c.add(new Col("c_macaddr", "macaddr", nat("macaddr"), "macaddr",
                lits("'08:00:2b:01:02:03'", "'ff:ff:ff:ff:ff:ff'", "'00:00:00:00:00:00'", "'08002b010203'")));
        c.add(new Col("c_macaddr8", "macaddr8", nat("macaddr8"), "macaddr8",
                lits("'08:00:2b:01:02:03:04:05'", "'08:00:2b:01:02:03'", "'ff:ff:ff:ff:ff:ff:ff:ff'",
                        "'00:00:00:00:00:00:00:00'")));
        c.add(new Col("c_xml", "xml", nat("xml"), "xml",
                lits("'<a b=\"1\">text &amp; more</a>'", "'plain content <b/>'", "''",
                        "'<?xml version=\"1.0\"?><doc/>'")));
        c.add(new Col("c_int4range", "int4range", nat("int4range"), "int4range",
                lits("'[1,10)'", "'empty'", "'(,5]'", "'[3,)'")));
        c.add(new Col("c_tstzrange", "tstzrange", nat("tstzrange"), "tstzrange",
                lits("'[\"2024-01-01 00:00:00+05:30\",infinity)'", "'empty'", "'(,)'",
                        "'[\"2024-01-01 00:00:00.000001+00\",\"2024-01-02 00:00:00+00\"]'")));
        c.add(new Col("c_daterange", "daterange", nat("daterange"), "daterange",
                lits("'[2024-01-01,infinity)'", "'[-infinity,2024-01-01)'", "'empty'",
                        "'[\"0044-03-15 BC\",2024-02-29]'")));
        c.add(new Col("c_numrange", "numrange", nat("numrange"), "numrange",
                lits("'[1.5,2.50)'", "'(,)'", "'empty'", "'[-1e-20,1e20]'")));
        c.add(new Col("c_multirange", "int4multirange", nat("int4multirange"), "int4multirange",
                lits("'{[1,3),[5,7)}'", "'{}'", "'{(,)}'", "'{[10,20]}'")));
        c.add(new Col("c_floatrange", "floatrange", nat("floatrange"), "floatrange",
                lits("'[0.1,0.30000000000000004)'", "'empty'", "'[-1e300,1e-300]'", "'(,0]'")));
        c.add(new Col("c_point", "point", nat("point"), "point",
                lits("'(0.1,0.2)'", "'(1e300,-1e-300)'", "'(0,-0)'", "'(NaN,Infinity)'")));
        c.add(new Col("c_line", "line", nat("line"), "line",
                lits("'{1,-1,0}'", "'{0.1,0.2,0.3}'", "'[(0,0),(1,2)]'", "'{1,0,-5}'")));
        c.add(new Col("c_lseg", "lseg", nat("lseg"), "lseg",
                lits("'[(0,0),(1,1)]'", "'[(0.1,0.2),(0.3,0.4)]'", "'[(-1,-1),(1e300,1)]'", "'[(0,0),(0,0)]'")));
        c.add(new Col("c_box", "box", nat("box"), "box",
                lits("'(1,1),(0,0)'", "'(0.1,0.2),(0.3,0.4)'", "'(0,0),(0,0)'", "'(-1,-1),(1e300,1)'")));
        c.add(new Col("c_path", "path", nat("path"), "path",
                lits("'[(0,0),(1,1),(2,0)]'", "'((0,0),(1,1))'", "'[(0.1,0.2)]'", "'((0,0),(1,0),(0,1))'")));
        c.add(new Col("c_polygon", "polygon", nat("polygon"), "polygon",
                lits("'((0,0),(1,0),(0,1))'", "'((0.1,0.2))'", "'((0,0),(1e300,1),(1,1))'", "'((1,1),(2,2))'")));
        c.add(new Col("c_circle", "circle", nat("circle"), "circle",
                lits("'<(0,0),1.5>'", "'<(0.1,0.2),0.3>'", "'<(0,0),0>'", "'<(-1e300,1),1e-300>'")));
        c.add(new Col("c_address", "address", nat("address"), "address",
                lits("'(\"Main St, 1\",12345,\"{a,b}\",\"2024-01-01 00:00:00+00\")'", "'(,,,)'",
                        "'(\"quote \"\" and \\\\ backslash\",,{},)'", "'(\"\",0,\"{NULL}\",infinity)'")));
        c.add(new Col("c_hstore", "public.hstore", nat("hstore"), "hstore",
                lits("'\"a\"=>\"1\", \"b\"=>NULL, \"with space\"=>\"x\\\"y\"'", "''", "'\"k\"=>\"\"'",
                        "'\"ü\"=>\"日本\"'")));
        c.add(new Col("c_ltree", "public.ltree", nat("ltree"), "ltree",
                lits("'Top.Science.Astronomy'", "''", "'a'", "'A_b.c1'")));
        c.add(new Col("c_tsvector", "tsvector", nat("tsvector"), "tsvector",
                lits("'a fat cat:1A sat:2,3B'", "''", "$$'quote''s' x$$", "'ü:1'")));
        c.add(new Col("c_tsquery", "tsquery", nat("tsquery"), "tsquery",
                lits("'fat & (rat | cat)'", "'!a <-> b'", "'x:*'", "'a <2> b'")));
        c.add(new Col("c_regclass", "regclass", nat("regclass"), "regclass",
                lits("'pg_class'", "'pg_catalog.pg_type'", "'natives'", "'pg_namespace'")));
        c.add(new Col("c_regtype", "regtype", nat("regtype"), "regtype",
                lits("'integer'", "'timestamp with time zone'", "'\"char\"'", "'public.citext'")));
        c.add(new Col("c_regprocedure", "regprocedure", nat("regprocedure"), "regprocedure",
                lits("'sum(integer)'", "'now()'", "'lower(text)'", "'pg_catalog.length(bytea)'")));
        c.add(new Col("c_regoperator", "regoperator", nat("regoperator"), "regoperator",
                lits("'+(integer,integer)'", "'||(text,text)'", "'-(NONE,integer)'", "'=(bigint,bigint)'")));
        c.add(new Col("c_regnamespace", "regnamespace", nat("regnamespace"), "regnamespace",
                lits("'pg_catalog'", "'public'", "'information_schema'", "'pg_toast'")));
        c.add(new Col("c_regrole", "regrole", nat("regrole"), "regrole",
                lits("'postgres'", "'pg_monitor'", "'postgres'", "'pg_read_all_data'")));
        c.add(new Col("c_regconfig", "regconfig", nat("regconfig"), "regconfig",
                lits("'english'", "'simple'", "'german'", "'pg_catalog.french'")));
        c.add(new Col("c_regcollation", "regcollation", nat("regcollation"), "regcollation",
                lits("'\"C\"'", "'\"POSIX\"'", "'\"default\"'", "'pg_catalog.\"C\"'")));
        c.add(new Col("c_lsn", "pg_lsn", nat("pg_lsn"), "pg_lsn",
                lits("'16/B374D848'", "'0/0'", "'FFFFFFFF/FFFFFFFF'", "'1/1'")));
        c.add(new Col("c_char", "\"char\"", nat("char"), "\"char\"", lits("'a'", "'Z'", "' '", "'1'")));
        c.add(new Col("c_jsonpath", "jsonpath", nat("jsonpath"), "jsonpath",
                lits("'$.a[*] ? (@ > 1)'", "'$'", "'strict $.x'", "'$.\"a b\".c'")));
        c.add(new Col("c_snapshot", "txid_snapshot", nat("txid_snapshot"), "txid_snapshot",
                lits("'10:20:10,14,15'", "'1:1:'", "'100:200:'", "'5:9:5,6,7'")));
        c.add(new Col("c_tid", "tid", nat("tid"), "tid",
                lits("'(0,1)'", "'(4294967295,65535)'", "'(7,0)'", "'(1,1)'")));
        c.add(new Col("c_xid", "xid", nat("xid"), "xid", lits("'123'", "'0'", "'4294967295'", "'3'")));
        c.add(new Col("c_rating", "rating", integer(), "rating", lits("1", "5", "3", "2")));
        c.add(new Col("c_small", "small_rating", integer(), "small_rating", lits("1", "2", "3", "1")));
        c.add(new Col("c_email", "email", text(), "email",
                lits("'A@B.org'", "'x@y'", "'ÄÖ@ü.de'", "'a''b@c'")));
        c.add(new Col("c_code", "code", text(10), "code", lits("''", "'ten chars!'", "'a b'", "'NULL'")));
        c.add(new Col("c_span", "span", nat("interval"), "span",
                lits("'1 day'", "'00:00:00'", "'1 mon -1 days'", "'178000000 years'")));
        c.add(new Col("c_tags", "tags3", array(text()), "tags3",
                lits("'{a,b}'", "'{}'", "'{NULL}'", "'{\"x y\",\"\",\"NULL\"}'")));
        c.add(new Col("c_price", "price", decimal(5, 2), "price", lits("999.99", "-999.99", "'NaN'", "1.5")));
        c.add(new Col("c_amount", "amount", decimal(), "amount",
                lits("'Infinity'", "'-Infinity'", "'NaN'", "-0.5")));
        c.add(new Col("c_due", "due", date(), "due",
                lits("'infinity'", "'-infinity'", "'2024-02-29'", "'0044-03-15 BC'")));
        c.add(new Col("c_document", "document", json(), "document",
                lits("'null'", "'{\"b\": 1, \"a\": null}'", "'\"s\"'", "'[]'")));
        c.add(new Col("c_home", "home", nat("address"), "home",
                lits("'(\"x\",1,{},)'", "'(,,,)'", "ROW('a\"b', NULL, '{c}', 'infinity')::address", "'(\"\",,,)'")));
        c.add(new Col("c_stamp", "stamp", timestampTz(), "stamp",
                lits("'infinity'", "'-infinity'", "'2024-01-01 10:00:00.5+05:30'", "'0044-03-15 10:00:00+00 BC'")));
        c.add(new Col("c_citext", "public.citext", text(), "citext", lits("'MiXeD'", "''", "'ß'", "'a''b'")));
        c.add(new Col("c_date", "date", date(), "date",
                lits("'infinity'", "'-infinity'", "'2024-02-29'", "'5874897-12-31'")));
        c.add(new Col("c_ts", "timestamp", timestamp(), "timestamp without time zone",
                lits("'infinity'", "'-infinity'", "'2024-01-01 00:00:00'", "'294276-12-31 23:59:59.999999'")));
        c.add(new Col("c_tstz", "timestamptz", timestampTz(), "timestamp with time zone",
                lits("'-infinity'", "'infinity'", "'2024-01-01 10:00:00+05:30'", "'4713-01-01 00:00:00+00 BC'")));
        c.add(new Col("c_json", "json", json(), "json",
                lits("'  {\"b\":1,  \"a\" : [1.0, 1.50], \"a\": 1e400}  '", "'null'", "'\"\\u00e9\\ud83d\\ude00\"'",
                        "'[ ]'")));
        c.add(new Col("c_jsonb", "jsonb", json(), "jsonb",
                lits("'null'", "'{\"a\": null}'", "'1e400'", "'\"null\"'")));
        c.add(new Col("c_enum", "mood", text(), "mood", lits("'sad'", "'happy'", "'ok'", "'sad'")));
        c.add(new Col("c_name", "name", text(), "name", lits("'n'", "''", "'a b'", "'ü'")));
        c.add(new Col("c_varchar", "varchar(5)", text(5), "character varying(5)",
                lits("'abcde'", "''", "'ü'", "' '")));
        return new Table("natives", c);
    }

    static Table arrays() {
        List<Col> c = new ArrayList<>();
        c.add(new Col("a_int", "integer[]", array(integer()), "integer[]",
                lits("'[0:2]={10,20,30}'", "'{{1,2},{3,4}}'", "'[-5:-4][2:3]={{1,NULL},{3,4}}'", "'{{{1}}}'",
                        "'{}'", "'{NULL}'")));
        c.add(new Col("a_text", "text[]", array(text()), "text[]",
                lits("'{{\"a,b\",\"c\\\"d\"},{\"NULL\",NULL}}'", "'{}'", "'{NULL}'", "'[0:0]={\"\"}'",
                        "'{\" \",\"\\\\\\\\\"}'", "'{{\"{x}\"},{\"}\"}}'")));
        c.add(new Col("a_varchar", "varchar(3)[]", array(text(3)), "character varying(3)[]",
                lits("'{abc,NULL}'", "'[2:3]={a,b}'", "'{}'", "'{{a},{b}}'", "'{\"\"}'", "'{NULL}'")));
        c.add(new Col("a_jsonb", "jsonb[]", array(json()), "jsonb[]",
                lits("ARRAY['null'::jsonb, NULL, '{\"a\":[1,null]}']", "'{}'", "'{{\"null\",\"1\"},{\"[]\",\"{}\"}}'",
                        "'[0:0]={\"\\\"null\\\"\"}'", "'{NULL}'", "ARRAY['1e400'::jsonb]")));
        c.add(new Col("a_json", "json[]", array(json()), "json[]",
                lits("ARRAY['  {\"a\" : 1}  '::json, 'null'::json, NULL]", "'{}'", "'{{\"null\"},{\" [ ] \"}}'",
                        "'{NULL}'", "ARRAY['1e400'::json]", "'[5:5]={\"true\"}'")));
        c.add(new Col("a_interval", "interval[]", array(nat("interval")), "interval[]",
                lits("'{\"1 day\",\"-00:00:01\"}'", "'[2:2]={\"1 mon\"}'", "'{}'", "'{NULL,\"1 year\"}'",
                        "'{{\"1 day\"},{\"2 days\"}}'", "'{\"-178000000 years\"}'")));
        c.add(new Col("a_inet", "inet[]", array(nat("inet")), "inet[]",
                lits("'{10.0.0.1,::1/128}'", "'{}'", "'{NULL}'", "'[0:0]={192.168.0.1/24}'",
                        "'{{10.0.0.1},{10.0.0.2}}'", "'{2001:db8::1}'")));
        c.add(new Col("a_range", "int4range[]", array(nat("int4range")), "int4range[]",
                lits("'{\"[1,3)\",empty}'", "'{}'", "'{NULL,\"(,)\"}'", "'[0:0]={\"[5,)\"}'", "'{{\"[1,2)\"}}'",
                        "'{\"[1,1]\"}'")));
        c.add(new Col("a_box", "box[]", array(nat("box")), "box[]",
                lits("'{(1,1),(0,0);(2,2),(1,1)}'", "'{}'", "'{NULL;(0.1,0.2),(0.3,0.4)}'",
                        "'[0:0]={(3,3),(0,0)}'", "'{{(1,1),(0,0)};{(2,2),(0,0)}}'", "'{(0,0),(0,0)}'")));
        c.add(new Col("a_point", "point[]", array(nat("point")), "point[]",
                lits("'{\"(0.1,0.2)\",NULL}'", "'{}'", "'{\"(1e300,-1e-300)\"}'", "'[0:0]={\"(0,-0)\"}'",
                        "'{{\"(1,1)\"},{\"(2,2)\"}}'", "'{\"(NaN,Infinity)\"}'")));
        c.add(new Col("a_hstore", "public.hstore[]", array(nat("hstore")), "hstore[]",
                lits("ARRAY['\"a\"=>\"1\", \"b\"=>NULL'::public.hstore, NULL]", "'{}'", "ARRAY[''::public.hstore]",
                        "'{NULL}'", "ARRAY['\"x\\\"y\"=>\"{}\"'::public.hstore]", "'{}'")));
        c.add(new Col("a_ltree", "public.ltree[]", array(nat("ltree")), "ltree[]",
                lits("'{Top.Science,a}'", "'{}'", "'{\"\"}'", "'{NULL}'", "'[0:1]={a.b,c}'", "'{x}'")));
        c.add(new Col("a_tsvector", "tsvector[]", array(nat("tsvector")), "tsvector[]",
                lits("ARRAY['a fat cat:1A'::tsvector, NULL]", "'{}'", "ARRAY[''::tsvector]", "'{NULL}'",
                        "ARRAY[$$'q''s' x$$::tsvector]", "'{}'")));
        c.add(new Col("a_address", "address[]", array(nat("address")), "address[]",
                lits("ARRAY[ROW('Main St, 1', 1, '{a,\"b c\"}', NULL)::address, NULL]", "'{}'",
                        "ARRAY[ROW(NULL, NULL, NULL, NULL)::address]", "'{NULL}'",
                        "ARRAY[ROW('q\"\\', 2, '{}', 'infinity')::address]", "'{}'")));
        c.add(new Col("a_money", "money[]", array(decimal(19, 2)), "money[]",
                lits("ARRAY[CAST(1 AS money), CAST(-2.5 AS money)]", "'{}'", "'{NULL}'",
                        "ARRAY[CAST(92233720368547758.07 AS money)]", "'[0:0]={0}'", "'{{1},{2}}'")));
        c.add(new Col("a_tstz", "timestamptz[]", array(timestampTz()), "timestamp with time zone[]",
                lits("'{infinity,-infinity,\"2024-01-01 00:00:00+05:30\"}'", "'{}'", "'{NULL}'",
                        "'[0:0]={\"0044-03-15 10:00:00+00 BC\"}'", "'{{infinity},{\"2024-01-01 00:00:00.5+00\"}}'",
                        "'{\"1970-01-01 00:00:00+00\"}'")));
        c.add(new Col("a_date", "date[]", array(date()), "date[]",
                lits("'[0:1]={infinity,-infinity}'", "'{}'", "'{NULL,2024-02-29}'", "'{\"0044-03-15 BC\"}'",
                        "'{{2024-01-01,2024-01-02}}'", "'{5874897-12-31}'")));
        c.add(new Col("a_ts", "timestamp[]", array(timestamp()), "timestamp without time zone[]",
                lits("'{infinity,-infinity}'", "'{}'", "'{NULL}'", "'{\"2024-01-01 00:00:00.000001\"}'",
                        "'[0:0]={\"0044-03-15 10:00:00 BC\"}'", "'{\"294276-12-31 23:59:59.999999\"}'")));
        c.add(new Col("a_time", "time[]", array(time()), "time without time zone[]",
                lits("'{24:00:00,00:00:00}'", "'{}'", "'{NULL}'", "'[0:0]={12:34:56.789}'", "'{{01:00},{02:00}}'",
                        "'{23:59:59.999999}'")));
        c.add(new Col("a_bit3", "bit(3)[]", array(nat("bit")), "bit(3)[]",
                lits("'{101,010}'", "'{}'", "'{NULL}'", "'[0:0]={111}'", "'{{000},{001}}'", "'{100}'")));
        c.add(new Col("a_bit1", "bit(1)[]", array(bool()), "bit(1)[]",
                lits("'{1,0,NULL}'", "'{}'", "'{NULL}'", "'[0:0]={1}'", "'{{1},{0}}'", "'{0}'")));
        c.add(new Col("a_varbit", "varbit[]", array(nat("varbit")), "bit varying[]",
                lits("'{\"\",1}'", "'{}'", "'{NULL}'", "'{10101}'", "'{{1},{0}}'", "'{0000}'")));
        c.add(new Col("a_citext", "public.citext[]", array(text()), "citext[]",
                lits("'{MiXeD,NULL}'", "'{}'", "'{\"\"}'", "'[0:0]={a}'", "'{{A},{b}}'", "'{NULL}'")));
        c.add(new Col("a_rating", "rating[]", array(integer()), "rating[]",
                lits("'{1,5}'", "'{}'", "'{NULL}'", "'[0:0]={3}'", "'{{1},{2}}'", "'{4}'")));
        c.add(new Col("a_xml", "xml[]", array(nat("xml")), "xml[]",
                lits("ARRAY['<a b=\"1\"/>'::xml, NULL]", "'{}'", "ARRAY[''::xml]", "'{NULL}'",
                        "ARRAY['text, with comma'::xml]", "ARRAY['<?xml version=\"1.0\"?><d/>'::xml]")));
        c.add(new Col("a_uuid", "uuid[]", array(uuid()), "uuid[]",
                lits("'{{00000000-0000-0000-0000-000000000000},{ffffffff-ffff-ffff-ffff-ffffffffffff}}'", "'{}'",
                        "'{NULL}'", "'[0:0]={6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b}'", "'{}'", "'{NULL,NULL}'")));
        c.add(new Col("a_numeric", "numeric[]", array(decimal()), "numeric[]",
                lits("'[0:1]={1.50,-1e-20}'", "'{}'", "'{NULL}'", "'{{1},{2.0}}'", "'{123456789012345678901234567890}'",
                        "'{0.000,NaN,-Infinity}'")));
        c.add(new Col("a_bytea", "bytea[]", array(binary()), "bytea[]",
                lits("'{{\"\\\\x00\",\"\\\\x\"},{NULL,\"\\\\xff\"}}'", "'{}'", "'{NULL}'",
                        "'[0:0]={\"\\\\x5c22\"}'", "'{}'", "'{\"\\\\x\"}'")));
        c.add(new Col("a_float8", "float8[]", array(float64()), "double precision[]",
                lits("'{{NaN,-0},{Infinity,0.1}}'", "'{}'", "'{NULL}'", "'[0:0]={4.9e-324}'",
                        "'{1.7976931348623157e308}'", "'{-Infinity}'")));
        c.add(new Col("a_real", "real[]", array(float64()), "real[]",
                lits("'{{1.1},{NaN}}'", "'{}'", "'{NULL}'", "'[0:0]={3.4028235e38}'", "'{1.4e-45}'", "'{-0}'")));
        c.add(new Col("a_bool", "boolean[]", array(bool()), "boolean[]",
                lits("'{{t,f},{NULL,t}}'", "'{}'", "'{NULL}'", "'[0:0]={t}'", "'{f}'", "'{t}'")));
        c.add(new Col("a_oid", "oid[]", array(integer()), "oid[]",
                lits("'{1,4294967295}'", "'{}'", "'{NULL}'", "'[0:0]={0}'", "'{{1},{2}}'", "'{7}'")));
        c.add(new Col("a_enum", "mood[]", array(text()), "mood[]",
                lits("'{{sad,ok},{happy,NULL}}'", "'{}'", "'{NULL}'", "'[0:0]={ok}'", "'{sad}'", "'{}'")));
        c.add(new Col("a_macaddr", "macaddr[]", array(nat("macaddr")), "macaddr[]",
                lits("'{08:00:2b:01:02:03}'", "'{}'", "'{NULL}'", "'[0:0]={ff:ff:ff:ff:ff:ff}'", "'{}'", "'{}'")));
        c.add(new Col("a_timetz", "timetz[]", array(nat("timetz")), "time with time zone[]",
                lits("'{\"12:00:00+05:30\",\"24:00:00+00\"}'", "'{}'", "'{NULL}'", "'[0:0]={\"00:00:00-15:59\"}'",
                        "'{}'", "'{}'")));
        c.add(new Col("a_tags", "tags3", array(text()), "tags3",
                lits("'{a,b,c}'", "'{}'", "'{NULL}'", "'[0:1]={x,y}'", "'{{a},{b}}'", "'{\"\"}'")));
        return new Table("arrays", c);
    }

    static Table largeObjects() {
        List<Col> c = new ArrayList<>();
        c.add(new Col("name", "text", text(), "text", lits("'a.txt'", "'b.bin'", "'empty'", "'none'")));
        c.add(new Col("content", "oid", binary(), "oid",
                lits("lo_from_bytea(0, 'hello large object'::bytea)",
                        "lo_from_bytea(0, decode(repeat('00ff', 50000), 'hex'))", "lo_from_bytea(0, '')", "NULL")));
        c.add(new Col("lob", "public.lo", binary(), "lo",
                lits("lo_from_bytea(0, 'second'::bytea)", "NULL", "lo_from_bytea(0, '\\x00'::bytea)",
                        "lo_from_bytea(0, 'x'::bytea)")));
        return new Table("docs", c);
    }
}
