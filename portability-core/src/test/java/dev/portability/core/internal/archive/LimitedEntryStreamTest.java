package dev.portability.core.internal.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portability.api.ArchiveLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * An entry's lines are counted, and the longest line held to {@code maxLineBytes}, exactly, wherever the line
 * breaks fall in the words the stream scans eight bytes at a time and in the buffers it is read with.
 */
class LimitedEntryStreamTest {

    @Test
    void linesAreCountedExactlyWhereverTheBreaksFallAndWhateverTheReadSizes() throws IOException {
        SplittableRandom random = new SplittableRandom(17);
        for (int round = 0; round < 300; round++) {
            byte[] bytes = new byte[random.nextInt(1, 5_000)];
            int breaks = 0;
            int longest = 0;
            int current = 0;
            for (int i = 0; i < bytes.length; i++) {
                boolean newline = random.nextInt(round % 3 == 0 ? 3 : 60) == 0;
                // bytes next to '\n' (0x0A) in value, and high bytes, as UTF-8 text holds them
                bytes[i] = newline ? (byte) '\n' : (byte) new int[] {0x09, 0x0B, 0x8A, 0x0A ^ 0x80, 'a', 0xFF}
                        [random.nextInt(6)];
                if (newline) {
                    breaks++;
                    current = 0;
                } else {
                    longest = Math.max(longest, ++current);
                }
            }
            assertThat(readAll(bytes, longest, random)).as("round " + round).isEqualTo(breaks);
            if (longest > 1) {
                int max = longest - 1;
                assertThatThrownBy(() -> readAll(bytes, max, random)).as("round " + round)
                        .isInstanceOf(LimitExceededException.class)
                        .hasMessageContaining("has a line longer than " + max + " bytes");
            }
        }
    }

    /** Reads the bytes through the stream in random buffer sizes at random offsets; returns the lines counted. */
    private static long readAll(byte[] bytes, long maxLineBytes, SplittableRandom random) throws IOException {
        ArchiveLimits limits = ArchiveLimits.defaults().withMaxLineBytes(Math.max(1, maxLineBytes));
        try (LimitedEntryStream in = new LimitedEntryStream(new ByteArrayInputStream(bytes), "tables/0001.jsonl", 0,
                limits, new AtomicLong())) {
            byte[] buffer = new byte[64];
            while (true) {
                int off = random.nextInt(0, 16);
                int n = in.read(buffer, off, random.nextInt(1, buffer.length - off + 1));
                if (n < 0) {
                    return in.lines();
                }
            }
        }
    }
}
