package dev.portability.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portability.api.ImportOptions;
import dev.portability.jdbc.TestDatabase.Kind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ENUM and SET labels with a backslash, a quote, a newline or a carriage return move between MariaDB databases
 * exactly: the labels are read from COLUMN_TYPE with its escapes undone, so no value of them is refused.
 */
class MariaDbEnumLabelsTest {

    @TempDir
    Path dir;

    private static final String DDL = "CREATE TABLE labelled (id INTEGER PRIMARY KEY, "
            + "e ENUM('a\\\\b', 'q''x', 'nl\\nz', 'cr\\rz', 'plain'), s SET('x\\\\y', 'z'))";

    private static List<String> rows(TestDatabase db) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, HEX(e), HEX(s) FROM labelled ORDER BY id")) {
            while (rs.next()) {
                rows.add(rs.getInt(1) + ":" + rs.getString(2) + ":" + rs.getString(3));
            }
        }
        return rows;
    }

    @Test
    void labelsWithEscapedCharactersRoundTrip() throws Exception {
        Path archive = dir.resolve("labels.zip");
        List<String> expected;
        try (TestDatabase source = TestDatabase.create(Kind.MARIADB)) {
            source.execute(DDL, "INSERT INTO labelled VALUES (1, 'a\\\\b', 'x\\\\y'), (2, 'q''x', 'x\\\\y,z'), "
                    + "(3, 'nl\\nz', ''), (4, 'cr\\rz', NULL), (5, 'plain', 'z')");
            expected = rows(source);
            Stores.portability(JdbcStore.discover(source.dataSource())).export(archive);
        }
        assertThat(expected).containsExactly("1:615C62:785C79", "2:712778:785C792C7A", "3:6E6C0A7A:",
                "4:63720D7A:null", "5:706C61696E:7A");
        try (TestDatabase target = TestDatabase.create(Kind.MARIADB)) {
            target.execute(DDL, "CREATE TABLE outside (id INTEGER PRIMARY KEY)", "INSERT INTO outside VALUES (7)");

            Stores.portability(JdbcStore.configure(target.dataSource()).include("labelled").discover())
                    .importArchive(archive, ImportOptions.replace());

            assertThat(rows(target)).isEqualTo(expected);
            try (Connection c = target.dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*), MIN(id) FROM outside")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
                assertThat(rs.getInt(2)).isEqualTo(7);
            }
        }
    }
}
