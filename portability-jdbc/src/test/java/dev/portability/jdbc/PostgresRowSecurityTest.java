package dev.portability.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portability.api.ErrorCode;
import dev.portability.api.ExportResult;
import dev.portability.api.ImportOptions;
import dev.portability.api.PortabilityException;
import dev.portability.core.Portability;
import dev.portability.jdbc.TestDatabase.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Row-level security never hides rows silently: units of work run with {@code row_security = off}, as pg_dump
 * does, so an export by a user whom a policy would show only some rows fails with {@link ErrorCode#ROWS_HIDDEN}
 * instead of writing an archive that lacks them, and so does an import; the table's owner exports every row.
 */
class PostgresRowSecurityTest {

    @TempDir
    Path dir;

    private static Portability portability(DataSource dataSource) {
        return Portability.builder().application("notes").store(JdbcStore.discover(dataSource)).build();
    }

    @Test
    void aUserWhomPoliciesHideRowsFromGetsAnErrorNotAPartialArchive() throws Exception {
        try (TestDatabase db = TestDatabase.create(Kind.POSTGRESQL)) {
            String role = "r_" + db.name();
            db.execute("CREATE TABLE note (id INT PRIMARY KEY, author TEXT, body TEXT)",
                    "INSERT INTO note VALUES (1, '" + role + "', 'mine'), (2, 'someone', 'theirs'), (3, 'x', 'y')",
                    "ALTER TABLE note ENABLE ROW LEVEL SECURITY",
                    "CREATE POLICY own_notes ON note USING (author = current_user)",
                    "CREATE ROLE " + role + " NOLOGIN", "GRANT USAGE ON SCHEMA " + db.name() + " TO " + role,
                    "GRANT ALL ON note TO " + role);
            try {
                DataSource asRole = new AsRole(db.dataSource(), role);
                Map<String, List<List<Object>>> before = Databases.contents(db.dataSource(), "note", "id");
                Path archive = dir.resolve("notes.zip");

                assertThatThrownBy(() -> portability(asRole).export(archive))
                        .isInstanceOfSatisfying(PortabilityException.class, e -> {
                            assertThat(e.code()).isEqualTo(ErrorCode.ROWS_HIDDEN);
                            assertThat(e.getMessage()).contains("Table note", "row-level security", "BYPASSRLS");
                        });
                assertThat(archive).doesNotExist();

                // the owner (here the superuser) sees and exports every row
                ExportResult result = portability(db.dataSource()).export(archive);
                assertThat(result.tables().get(0).rows()).isEqualTo(3);
                assertThat(Files.exists(archive)).isTrue();

                // an import by that user could not see every row either: refused, nothing changed
                assertThatThrownBy(() -> portability(asRole).importArchive(archive, ImportOptions.replace()))
                        .isInstanceOfSatisfying(PortabilityException.class,
                                e -> assertThat(e.code()).isEqualTo(ErrorCode.ROWS_HIDDEN));
                assertThat(Databases.contents(db.dataSource(), "note", "id")).isEqualTo(before);
            } finally {
                db.execute("DROP OWNED BY " + role, "DROP ROLE " + role);
            }
        }
    }
}
