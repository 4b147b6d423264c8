package dev.portability.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link NativeValue#fits} is the table of docs/archive-format.md, "Native values": each engine's text of a value
 * the type cannot hold, and nothing else (not a value of the type itself, not another engine's or kind's).
 */
class NativeValueFitsTest {

    @ParameterizedTest(name = "{0} {1} ''{2}'' fits: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            mariadb    | DATE          | 0000-00-00                 | true
            mariadb    | DATE          | 2024-00-15                 | true
            mariadb    | DATE          | 2024-05-00                 | true
            mariadb    | DATE          | 2024-02-30                 | true
            mariadb    | DATE          | 2023-02-29                 | true
            mariadb    | DATE          | 2024-02-29                 | false
            mariadb    | DATE          | 2024-01-15                 | false
            mariadb    | DATE          | 0000-01-01                 | false
            mariadb    | DATE          | 2024-13-01                 | false
            mariadb    | DATE          | 2024-01-32                 | false
            mariadb    | DATE          | 24-00-15                   | false
            mariadb    | DATE          | 0000-00-00 00:00:00        | false
            mariadb    | TIME          | 838:59:59                  | true
            mariadb    | TIME          | 838:59:59.999999           | true
            mariadb    | TIME          | -838:59:59.999999          | true
            mariadb    | TIME          | 24:00:00                   | true
            mariadb    | TIME          | 100:00:00.000000           | true
            mariadb    | TIME          | -00:00:01.500000           | true
            mariadb    | TIME          | -00:00:00.000001           | true
            mariadb    | TIME          | -01:00:00                  | true
            mariadb    | TIME          | 839:00:00                  | false
            mariadb    | TIME          | 23:59:59.999999            | false
            mariadb    | TIME          | 12:00:00                   | false
            mariadb    | TIME          | -00:00:00                  | false
            mariadb    | TIME          | -00:00:00.000000           | false
            mariadb    | TIME          | 024:00:00                  | false
            mariadb    | TIME          | 24:60:00                   | false
            mariadb    | TIME          | 24:00:00.1234567           | false
            mariadb    | TIME          | 24:00                      | false
            mariadb    | TIMESTAMP     | 0000-00-00 00:00:00        | true
            mariadb    | TIMESTAMP     | 2020-05-00 10:00:00.500000 | true
            mariadb    | TIMESTAMP     | 2024-02-30 23:59:59        | true
            mariadb    | TIMESTAMP     | 2024-01-15 10:00:00        | false
            mariadb    | TIMESTAMP     | 0000-00-00T00:00:00        | false
            mariadb    | TIMESTAMP     | 0000-00-00 24:00:00        | false
            mariadb    | TIMESTAMP     | 0000-00-00                 | false
            mariadb    | TIMESTAMP_TZ  | 0000-00-00 00:00:00        | true
            mariadb    | DECIMAL       | NaN                        | false
            postgresql | DECIMAL       | NaN                        | true
            postgresql | DECIMAL       | Infinity                   | true
            postgresql | DECIMAL       | -Infinity                  | true
            postgresql | DECIMAL(10,2) | NaN                        | true
            postgresql | DECIMAL(10,2) | Infinity                   | false
            postgresql | DECIMAL(10,2) | -Infinity                  | false
            postgresql | DECIMAL       | nan                        | false
            postgresql | DECIMAL       | +Infinity                  | false
            postgresql | DECIMAL       | inf                        | false
            postgresql | DECIMAL       | 1.5                        | false
            postgresql | DOUBLE        | NaN                        | false
            postgresql | DATE          | infinity                   | false
            postgresql | DATE          | 0000-00-00                 | false
            h2         | DECIMAL       | NaN                        | true
            h2         | DECIMAL       | Infinity                   | true
            h2         | DECIMAL       | -Infinity                  | true
            h2         | DECIMAL(10,2) | NaN                        | false
            h2         | DATE          | 0000-00-00                 | false
            mysql      | DATE          | 0000-00-00                 | false
            """)
    void fitsExactlyTheDocumentedShapes(String engine, String type, String text, boolean fits) {
        assertThat(new NativeValue(engine, text).fits(type(type))).isEqualTo(fits);
    }

    private static LogicalType type(String name) {
        return name.equals("DECIMAL(10,2)") ? LogicalType.decimal(10, 2)
                : LogicalType.of(LogicalType.Kind.valueOf(name));
    }
}
