package dev.portability.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portability.api.ExportResult;
import dev.portability.api.ImportOptions;
import dev.portability.api.ImportResult;
import dev.portability.api.Key;
import dev.portability.api.LogicalType;
import dev.portability.api.Row;
import dev.portability.api.StoreException;
import dev.portability.api.TableSchema;
import dev.portability.api.spi.AbstractTableAdapter;
import dev.portability.api.spi.Access;
import dev.portability.api.spi.DataStore;
import dev.portability.api.spi.UnitOfWork;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Runs in its own JVM with {@code -Xmx128m} and its own temporary directory (see the {@code low-memory} surefire
 * execution in this module's pom): a 100 MB archive streams from an {@code InputStream} through validation and
 * import without being held in memory, and the spooled copy is deleted, on success and on failure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LowMemoryImportTest {

    /** 1 KiB of random bytes per row: about 1 KiB per row in the archive, whatever the compression. */
    private static final int ROWS = 100_000;

    private static final TableSchema BLOBS = TableSchema.builder("blobs")
            .column("id", LogicalType.integer(), false)
            .column("payload", LogicalType.binary(), false)
            .column("note", LogicalType.text(), true)
            .primaryKey("id")
            .build();

    private Path archive;
    private Path tmp;

    @BeforeAll
    void exportA100MegabyteArchive() throws IOException {
        assertThat(Runtime.getRuntime().maxMemory())
                .as("this test must run in the low-memory surefire execution (-Xmx128m)")
                .isLessThanOrEqualTo(140L * 1024 * 1024);
        tmp = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        archive = Files.createTempFile(Path.of("target"), "low-memory-", ".zip");
        ExportResult result = portability(new CountingStore(ROWS, -1)).export(archive);
        assertThat(result.totalRows()).isEqualTo(ROWS);
        assertThat(Files.size(archive)).isGreaterThan(100L * 1000 * 1000);
    }

    @org.junit.jupiter.api.AfterAll
    void deleteTheArchive() throws IOException {
        if (archive != null) {
            Files.deleteIfExists(archive);
        }
    }

    private static Portability portability(CountingStore store) {
        return Portability.builder().application("blobs").store(store).build();
    }

    private List<Path> spooled() throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.filter(p -> p.getFileName().toString().startsWith("portability-")).toList();
        }
    }

    @Test
    void aHundredMegabyteUploadImportsWithA128MegabyteHeap() throws IOException {
        CountingStore target = new CountingStore(0, -1);

        ImportResult result;
        try (InputStream upload = Files.newInputStream(archive)) {
            result = portability(target).importArchive(upload, ImportOptions.replace());
        }

        assertThat(result.inserted()).isEqualTo(ROWS);
        assertThat(target.inserted).isEqualTo(ROWS);
        assertThat(target.checksum).isEqualTo(new CountingStore(ROWS, -1).expectedChecksum());
        assertThat(spooled()).isEmpty();
    }

    @Test
    void theSpooledCopyIsDeletedWhenTheImportFails() throws IOException {
        CountingStore target = new CountingStore(0, 5); // the 5th of 10 batches of 10,000 rows

        try (InputStream upload = Files.newInputStream(archive)) {
            assertThatThrownBy(() -> portability(target).importArchive(upload, ImportOptions.replace()))
                    .isInstanceOf(StoreException.class).hasMessageContaining("disk full");
        }

        assertThat(spooled()).isEmpty();
    }

    /**
     * Generates rows on read and, on insert, keeps only a count and a checksum of the payloads: nothing a
     * 128 MB heap could not hold.
     */
    static final class CountingStore implements DataStore<CountingStore.Work> {
        private final int rows;
        private final int failAtBatch;
        long inserted;
        long checksum;
        private int batches;

        CountingStore(int rows, int failAtBatch) {
            this.rows = rows;
            this.failAtBatch = failAtBatch;
        }

        static byte[] payload(long id) {
            byte[] bytes = new byte[1024];
            new Random(id).nextBytes(bytes);
            return bytes;
        }

        long expectedChecksum() {
            long sum = 0;
            for (long id = 1; id <= rows; id++) {
                sum += java.util.Arrays.hashCode(payload(id));
            }
            return sum;
        }

        @Override
        public List<Table> tables() {
            return List.of(new Table());
        }

        @Override
        public Work begin(Access access) {
            return new Work();
        }

        final class Work implements UnitOfWork {
            @Override
            public void commit() {
            }

            @Override
            public void rollback() {
            }

            @Override
            public void close() {
            }
        }

        final class Table extends AbstractTableAdapter<Work> {
            Table() {
                super(BLOBS);
            }

            @Override
            public long count(Work work) {
                return rows > 0 ? rows : inserted;
            }

            @Override
            public void read(Work work, Consumer<Row> sink) {
                for (long id = 1; id <= rows; id++) {
                    sink.accept(Row.of(BLOBS, id, payload(id), id % 3 == 0 ? null : "row " + id));
                }
            }

            @Override
            public void insert(Work work, List<Row> batch) {
                if (++batches == failAtBatch) {
                    throw new IllegalStateException("disk full");
                }
                for (Row row : batch) {
                    inserted++;
                    checksum += java.util.Arrays.hashCode((byte[]) row.get("payload"));
                }
            }

            @Override
            public void update(Work work, List<Row> batch) {
                throw new UnsupportedOperationException("REPLACE never updates");
            }

            @Override
            public long deleteAll(Work work) {
                return 0;
            }

            @Override
            public Set<Key> existingKeys(Work work, List<Key> keys) {
                return Set.of();
            }
        }
    }
}
