package dev.portability.core.internal.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PrefetchingInputStreamTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** Many more chunks than the queue holds, so that chunks are filled again while the reader is still reading. */
    private static byte[] bytes(int length) {
        byte[] data = new byte[length];
        new Random(17).nextBytes(data);
        return data;
    }

    @Test
    void readsEveryByteInOrderWhateverTheReadSizes() throws IOException {
        byte[] data = bytes(PrefetchingInputStream.CHUNK * 20 + 12_345);
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        int[] sizes = {1, 7, 8192, PrefetchingInputStream.CHUNK + 3, 100_000};
        try (InputStream in = new PrefetchingInputStream(executor, new ByteArrayInputStream(data))) {
            byte[] buffer = new byte[PrefetchingInputStream.CHUNK * 2];
            for (int i = 0; ; i++) {
                int size = sizes[i % sizes.length];
                if (size == 1) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    read.write(b);
                    continue;
                }
                int n = in.read(buffer, 0, size);
                if (n < 0) {
                    break;
                }
                read.write(buffer, 0, n);
            }
        }
        assertThat(read.toByteArray()).isEqualTo(data);
    }

    @Test
    void aFailureOfTheSourceReachesTheReaderAfterTheBytesBeforeIt() throws IOException {
        byte[] data = bytes(PrefetchingInputStream.CHUNK * 6);
        InputStream failing = new InputStream() {
            private final InputStream delegate = new ByteArrayInputStream(data);

            @Override
            public int read() throws IOException {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = delegate.read(b, off, len);
                if (n < 0) {
                    throw new IOException("disk gone");
                }
                return n;
            }
        };
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        try (InputStream in = new PrefetchingInputStream(executor, failing)) {
            byte[] buffer = new byte[10_000];
            assertThatThrownBy(() -> {
                int n;
                while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
                    read.write(buffer, 0, n);
                }
            }).isInstanceOf(IOException.class).hasMessage("disk gone");
        }
        assertThat(read.toByteArray()).isEqualTo(data);
    }
}
