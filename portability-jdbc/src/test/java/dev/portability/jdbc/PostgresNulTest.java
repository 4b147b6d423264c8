package dev.portability.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portability.api.ErrorCode;
import dev.portability.api.InvalidArchiveException;
import dev.portability.api.ImportOptions;
import dev.portability.api.TableSchema;
import dev.portability.core.Portability;
import dev.portability.jdbc.TestDatabase.Kind;
import dev.portability.testkit.ArchiveBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PostgreSQL cannot store U+0000 in text (nor the JSON escape <code>&#92;u0000</code> in jsonb). An archive
 * that carries one is refused while it is written, before the driver sees the value, with an error that names
 * table, row key and column and says why; the database is left as it was. H2 and MariaDB store U+0000 and are
 * not affected.
 */
class PostgresNulTest {

    private static final String DDL = "CREATE TABLE notes (id BIGINT PRIMARY KEY, body TEXT, title VARCHAR(50),"
            + " doc JSONB, plain JSON, tags TEXT[])";

    @TempDir
    Path dir;

    /** 30 notes, written 10 per batch: note 17 is in the second batch, after the first reached the database. */
    private Path archive(TableSchema notes, int badId, String column, Object badValue) {
        ArchiveBuilder builder = ArchiveBuilder.forApplication("jdbc-test").schemaVersion(1).table(notes);
        for (long id = 1; id <= 30; id++) {
            Object[] values = {id, "body " + id, "title " + id, "{\"n\": " + id + "}", "{\"n\": " + id + "}",
                new ArrayList<>(List.of("tag " + id))};
            if (id == badId) {
                values[notes.indexOf(column)] = badValue;
            }
            builder.row(values);
        }
        return builder.writeTo(dir.resolve("notes.zip"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "body  | text    | the text contains the character U+0000 (NUL) at position 2",
        "title | varchar | the text contains the character U+0000 (NUL) at position 2",
        "tags  | array   | the text (array element 2) contains the character U+0000 (NUL) at position 2",
        "doc   | jsonb   | the JSON contains the escape \\u0000 at position "})
    void textPostgresqlCannotStoreIsRefusedNamingTableRowAndColumn(String column, String kind, String reason)
            throws Exception {
        Object bad = switch (kind) {
            case "array" -> new ArrayList<>(List.of("fine", "a\u0000b"));
            case "jsonb" -> "{\"k\": \"a\\u0000b\"}";
            default -> "a\u0000b";
        };
        try (TestDatabase db = TestDatabase.create(Kind.POSTGRESQL)) {
            db.execute(DDL, "INSERT INTO notes (id, body) VALUES (1, 'old 1'), (2, 'old 2'), (40, 'old 40')");
            JdbcStore store = JdbcStore.discover(db.dataSource());
            Path archive = archive(Stores.table(store, "notes").schema(), 17, column, bad);
            Map<String, List<List<Object>>> before = Databases.contents(db.dataSource(), "notes", "id");

            assertThatThrownBy(() -> Stores.portability(store).importArchive(archive,
                    ImportOptions.replace().withBatchSize(10)))
                    .isInstanceOfSatisfying(InvalidArchiveException.class, e -> {
                        // refused by validation, before anything is written; validate says so too
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE);
                        assertThat(e.report().problems()).singleElement().satisfies(problem -> {
                            assertThat(problem.table()).isEqualTo("notes");
                            assertThat(problem.column()).isEqualTo(column);
                            assertThat(problem.line()).isEqualTo(17L);
                            assertThat(problem.message()).startsWith("key 17: ");
                            assertThat(Stores.portability(store).validate(archive).problems()).containsExactly(problem);
                        });
                        assertThat(e.getMessage()).contains(reason).contains("Nothing was imported");
                        assertThat(e.getMessage()).contains(kind.equals("jsonb")
                                ? "which PostgreSQL cannot store in jsonb" : "which PostgreSQL cannot store in text");
                    });

            assertThat(Databases.contents(db.dataSource(), "notes", "id")).isEqualTo(before);
        }
    }

    @Test
    void textThatOnlyLooksLikeNulIsStored() throws Exception {
        try (TestDatabase db = TestDatabase.create(Kind.POSTGRESQL)) {
            db.execute(DDL);
            JdbcStore store = JdbcStore.discover(db.dataSource());
            TableSchema notes = Stores.table(store, "notes").schema();
            // an escaped backslash before u0000 in jsonb, the escape in json (which keeps its text), the six
            // characters backslash-u0000 in text
            Path archive = ArchiveBuilder.forApplication("jdbc-test").schemaVersion(1).table(notes)
                    .row(1L, "\\u0000", null, "{\"k\": \"a\\\\u0000\"}", "{\"k\": \"a\\u0000b\"}", null)
                    .writeTo(dir.resolve("lookalikes.zip"));
            Portability portability = Stores.portability(store);

            portability.importArchive(archive, ImportOptions.replace());

            assertThat(Stores.rows(store, "notes")).singleElement().satisfies(row -> assertThat(
                    Stores.differences(notes, List.of(row), List.<Object[]>of(new Object[] {1L, "\\u0000", null,
                        "{\"k\": \"a\\\\u0000\"}", "{\"k\": \"a\\u0000b\"}", null}))).isEmpty());
        }
    }
}
