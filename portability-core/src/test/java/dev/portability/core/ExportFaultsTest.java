package dev.portability.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portability.api.ErrorCode;
import dev.portability.api.ExportOptions;
import dev.portability.api.LogicalType;
import dev.portability.api.PortabilityException;
import dev.portability.api.Row;
import dev.portability.api.StoreException;
import dev.portability.api.TableSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class ExportFaultsTest {

    @TempDir
    Path dir;

    /** A stream that accepts {@code limit} bytes, then fails like a full disk. */
    private static final class FullDisk extends OutputStream {
        private final long limit;
        private long written;

        FullDisk(long limit) {
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (written + len > limit) {
                throw new IOException("No space left on device");
            }
            written += len;
        }
    }

    private long files() throws IOException {
        try (Stream<Path> all = Files.list(dir)) {
            return all.count();
        }
    }

    @Test
    void aStreamThatFailsPartWayGivesAClearErrorAndLeavesNoTemporaryFile() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long spooledBefore;
        try (Stream<Path> all = Files.list(tmp)) {
            spooledBefore = all.filter(p -> p.getFileName().toString().startsWith("portability-export-")).count();
        }

        assertThatThrownBy(() -> Fixtures.portability(Fixtures.shop(2000)).export(new FullDisk(10_000),
                ExportOptions.defaults()))
                .isInstanceOfSatisfying(PortabilityException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.IO_FAILURE);
                    assertThat(e.getMessage()).contains("No space left on device").contains("discard it");
                });

        try (Stream<Path> all = Files.list(tmp)) {
            assertThat(all.filter(p -> p.getFileName().toString().startsWith("portability-export-")).count())
                    .isEqualTo(spooledBefore);
        }
    }

    @Test
    void aFailureMidExportLeavesNoPartialArchiveAndKeepsTheOldOne() throws IOException {
        Path target = Files.writeString(dir.resolve("backup.zip"), "yesterday's archive");
        MemoryStore store = Fixtures.shop(3000);
        MemoryStore.Table orders = store.table("orders");
        dev.portability.api.spi.DataStore<MemoryStore.Work> failing = new dev.portability.api.spi.DataStore<>() {
            @Override
            public java.util.List<? extends dev.portability.api.spi.TableAdapter<MemoryStore.Work>> tables() {
                return java.util.List.of(store.table("customers"), new FailingTable(orders));
            }

            @Override
            public MemoryStore.Work begin(dev.portability.api.spi.Access access) {
                return store.begin(access);
            }
        };

        assertThatThrownBy(() -> Portability.builder().application("shop").store(failing).build().export(target))
                .isInstanceOf(StoreException.class).hasMessageContaining("Reading table orders failed after 1500 rows")
                .hasMessageContaining("connection reset");

        assertThat(Files.readString(target)).isEqualTo("yesterday's archive");
        assertThat(files()).isEqualTo(1);
    }

    /** Small tables are encoded on the reading thread, larger ones on another: the same error either way. */
    @ParameterizedTest
    @ValueSource(ints = {10, 1000})
    void aValueTheAdapterShouldNotHaveReturnedStopsTheExportNamingRowKeyAndColumn(int rows) throws IOException {
        MemoryStore store = Fixtures.shop(rows);
        store.put("customers", new Object[] {2000L, null, null, null}); // NULL in the NOT NULL name
        Path target = dir.resolve("backup.zip");

        assertThatThrownBy(() -> Fixtures.portability(store).export(target))
                .isInstanceOfSatisfying(PortabilityException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NULL_NOT_ALLOWED);
                    assertThat(e.getMessage()).contains("table customers, row " + (rows + 1) + " (key 2000), column "
                            + "name: NULL in a column declared NOT NULL").contains("Nothing was exported");
                });

        assertThat(Files.exists(target)).isFalse();
        assertThat(files()).isZero();
    }

    private static final TableSchema SETTINGS = TableSchema.builder("settings")
            .column("id", LogicalType.integer(), false)
            .column("val", LogicalType.json(), false)
            .primaryKey("id")
            .build();

    @Test
    void aNotNullJsonColumnHoldingTheJsonLiteralNullExportsAnArchiveThatValidatesAndImports() throws IOException {
        MemoryStore store = new MemoryStore(SETTINGS).put("settings", new Object[] {1L, "null"},
                new Object[] {2L, "{\"a\": null}"});
        Path archive = dir.resolve("settings.zip");
        Portability.builder().application("settings").store(store).build().export(archive);
        MemoryStore target = new MemoryStore(SETTINGS);
        Portability importer = Portability.builder().application("settings").store(target).build();

        assertThat(importer.validate(archive).problems()).isEmpty();
        importer.importArchive(archive, dev.portability.api.ImportOptions.replace());

        assertThat(target.rows("settings").values()).extracting(row -> row.get("val"))
                .containsExactlyInAnyOrder("null", "{\"a\": null}");
    }

    @Test
    void rowsThatRepeatAPrimaryKeyStopTheExportAsValidationWouldRefuseThem() throws IOException {
        TableSchema keyed = TableSchema.builder("keyed").column("id", LogicalType.integer(), false)
                .column("name", LogicalType.text(), true).primaryKey("id").build();
        // a store whose primary key is a declaration only (a view, a file): it hands out two rows with key 2
        MemoryStore store = new MemoryStore(keyed);
        MemoryStore.Table table = store.table("keyed");
        dev.portability.api.spi.DataStore<MemoryStore.Work> repeating = new dev.portability.api.spi.DataStore<>() {
            @Override
            public java.util.List<? extends dev.portability.api.spi.TableAdapter<MemoryStore.Work>> tables() {
                return java.util.List.of(new RepeatingTable(table));
            }

            @Override
            public MemoryStore.Work begin(dev.portability.api.spi.Access access) {
                return store.begin(access);
            }
        };
        store.put("keyed", new Object[] {1L, "a"}, new Object[] {2L, "b"}, new Object[] {3L, "c"});
        Path target = dir.resolve("keyed.zip");

        assertThatThrownBy(() -> Portability.builder().application("keyed").store(repeating).build().export(target))
                .isInstanceOfSatisfying(PortabilityException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_KEY);
                    assertThat(e.getMessage()).contains("table keyed, row 3 (key 2): primary key 2 appears in row 2 "
                            + "too").contains("Nothing was exported");
                });
        assertThat(files()).isZero();
    }

    @Test
    void aSchemaTheManifestCannotHoldIsRefusedBeforeAnyRowIsRead() throws IOException {
        TableSchema longName = TableSchema.builder("t").column("id", LogicalType.integer(), false)
                .column("c".repeat(300), LogicalType.text(), true).primaryKey("id").build();
        MemoryStore store = new MemoryStore(longName).put("t", new Object[] {1L, "x"});

        assertThatThrownBy(() -> Portability.builder().application("t").store(store).build()
                .export(dir.resolve("t.zip")))
                .isInstanceOfSatisfying(PortabilityException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
                    assertThat(e.getMessage()).contains("manifest schema").contains("/tables/0/columns/1/name")
                            .contains("Nothing was exported");
                });
        assertThat(files()).isZero();
    }

    /** Hands out the rows of a table with the second one twice. */
    private static final class RepeatingTable extends dev.portability.api.spi.AbstractTableAdapter<MemoryStore.Work> {
        private final MemoryStore.Table table;

        RepeatingTable(MemoryStore.Table table) {
            super(table.schema());
            this.table = table;
        }

        @Override
        public long count(MemoryStore.Work work) {
            return table.count(work) + 1;
        }

        @Override
        public void read(MemoryStore.Work work, Consumer<Row> sink) {
            int[] n = {0};
            table.read(work, row -> {
                sink.accept(row);
                if (++n[0] == 2) {
                    sink.accept(row);
                }
            });
        }

        @Override
        public void insert(MemoryStore.Work work, java.util.List<Row> rows) {
            table.insert(work, rows);
        }

        @Override
        public void update(MemoryStore.Work work, java.util.List<Row> rows) {
            table.update(work, rows);
        }

        @Override
        public long deleteAll(MemoryStore.Work work) {
            return table.deleteAll(work);
        }

        @Override
        public java.util.Set<dev.portability.api.Key> existingKeys(MemoryStore.Work work,
                java.util.List<dev.portability.api.Key> keys) {
            return table.existingKeys(work, keys);
        }
    }

    /** Delegates to a table and fails half way through reading it. */
    private static final class FailingTable extends dev.portability.api.spi.AbstractTableAdapter<MemoryStore.Work> {
        private final MemoryStore.Table table;

        FailingTable(MemoryStore.Table table) {
            super(table.schema());
            this.table = table;
        }

        @Override
        public long count(MemoryStore.Work work) {
            return table.count(work);
        }

        @Override
        public void read(MemoryStore.Work work, Consumer<Row> sink) {
            int[] n = {0};
            table.read(work, row -> {
                if (++n[0] > 1500) {
                    throw new IllegalStateException("connection reset");
                }
                sink.accept(row);
            });
        }

        @Override
        public void insert(MemoryStore.Work work, java.util.List<Row> rows) {
            table.insert(work, rows);
        }

        @Override
        public void update(MemoryStore.Work work, java.util.List<Row> rows) {
            table.update(work, rows);
        }

        @Override
        public long deleteAll(MemoryStore.Work work) {
            return table.deleteAll(work);
        }

        @Override
        public java.util.Set<dev.portability.api.Key> existingKeys(MemoryStore.Work work,
                java.util.List<dev.portability.api.Key> keys) {
            return table.existingKeys(work, keys);
        }
    }
}
