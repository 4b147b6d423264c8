package dev.portability.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The one-pass UUID parser reads exactly what {@link UUID#fromString} reads of the canonical form, and nothing else. */
class UuidTextTest {

    private static UUID parse(String text) {
        return ValueCodec.uuid(text.toCharArray(), 0, text.length());
    }

    @Test
    void readsTheCanonicalFormAsTheJdkDoes() {
        Random random = new Random(17);
        for (int i = 0; i < 10_000; i++) {
            UUID uuid = new UUID(random.nextLong(), random.nextLong());
            assertThat(parse(uuid.toString())).isEqualTo(uuid);
            assertThat(parse(uuid.toString().toUpperCase(java.util.Locale.ROOT))).isEqualTo(uuid);
        }
        for (String text : List.of("00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
                "FFFFFFFF-ffff-FfFf-0000-0123456789aB", "80000000-0000-0000-8000-000000000000")) {
            assertThat(parse(text)).as(text).isEqualTo(UUID.fromString(text));
        }
    }

    @Test
    void anyOtherFormIsNotAUuid() {
        for (String text : List.of("", "0", "00000000-0000-0000-0000-00000000000", "00000000-0000-0000-0000-0000000000000",
                "000000000000-0000-0000-0000-00000000", "0-0-0-0-0", "00000000_0000_0000_0000_000000000000",
                "0000000g-0000-0000-0000-000000000000", "{0000000-0000-0000-0000-000000000000",
                "00000000-0000-0000-0000-00000000000\u0660", "00000000-0000-0000-0000-00000000000\uff10",
                "00000000000000000000000000000000----", "+0000000-0000-0000-0000-000000000000")) {
            assertThat(parse(text)).as(text).isNull();
        }
        char[] inside = "xx12345678-1234-1234-1234-123456789abcxx".toCharArray();
        assertThat(ValueCodec.uuid(inside, 2, 36)).isEqualTo(UUID.fromString("12345678-1234-1234-1234-123456789abc"));
    }
}
