package dev.portability.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The binary COPY form of numeric computed with a long gives the same bytes as the form computed from the decimal
 * text (which PostgresValuesTest checks against the server) for every value, small or large, scale 0 to 40.
 */
class PostgresBinaryNumericTest {

    private static byte[] fast(BigDecimal value) {
        PostgresCopy.Bytes out = new PostgresCopy.Bytes(16);
        PostgresBinaryCopy.numeric(out, value);
        return Arrays.copyOf(out.array(), out.size());
    }

    private static byte[] fromText(BigDecimal value) {
        PostgresCopy.Bytes out = new PostgresCopy.Bytes(16);
        PostgresBinaryCopy.numericFromText(out, value);
        return Arrays.copyOf(out.array(), out.size());
    }

    @Test
    void bothWaysGiveTheSameBytes() {
        List<BigDecimal> values = new ArrayList<>();
        for (String text : List.of("0", "0.00", "-0.00", "1", "-1", "0.01", "-0.01", "10000", "9999.9999", "0.0001",
                "0.00001", "12345678.90", "-12345678.90", "100000000", "0.10000", "1E+5", "1E-9", "-1E-30",
                "999999999999999999", "-999999999999999999", "9223372036854775807", "-9223372036854775808",
                "9223372036854775.807", "0.9223372036854775807", "92233720368547758.07", "123456789012345678901234567890",
                "1E+40", "0.000000000000000000000000000001")) {
            values.add(new BigDecimal(text));
        }
        Random random = new Random(17);
        for (int i = 0; i < 50_000; i++) {
            BigInteger unscaled = new BigInteger(1 + random.nextInt(70), random);
            values.add(new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(), random.nextInt(41)));
        }
        for (BigDecimal value : values) {
            assertThat(fast(value)).as(value.toPlainString()).isEqualTo(fromText(value));
        }
    }

    @Test
    void twelveThousandThreeHundredFortyFiveAndSixCents() {
        // 12345.06 = 1 * 10000^1 + 2345 * 10000^0 + 600 * 10000^-1: ndigits 3, weight 1, positive, dscale 2
        assertThat(fast(new BigDecimal("12345.06"))).containsExactly(0, 0, 0, 14, 0, 3, 0, 1, 0, 0, 0, 2, 0, 1,
                0x09, 0x29, 0x02, 0x58);
    }
}
