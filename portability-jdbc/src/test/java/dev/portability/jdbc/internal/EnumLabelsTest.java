package dev.portability.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Enumeration labels are read from a column type as the database wrote them, escapes undone. */
class EnumLabelsTest {

    @Test
    void mariaDbColumnTypesEscapeBackslashesNewlinesReturnsAndNul() {
        // as information_schema.COLUMNS.COLUMN_TYPE shows ENUM('a\b', 'q''x', 'nl<LF>z', 'cr<CR>z', 'tab<TAB>z')
        String columnType = "enum('a\\\\b','q''x','nl\\nz','cr\\rz','tab\tz','nul\\0','ctrl\u001az')";
        assertThat(Limit.labels(columnType, true))
                .containsExactly("a\\b", "q'x", "nl\nz", "cr\rz", "tab\tz", "nul\0", "ctrl\u001az");
        assertThat(Limit.labels("set('x\\\\y','z')", true)).containsExactly("x\\y", "z");
    }

    @Test
    void h2TypeNamesQuoteOnly() {
        assertThat(Limit.labels("ENUM('a\\b', 'q''x')", false)).containsExactly("a\\b", "q'x");
    }
}
