package dev.portability.cli;

import dev.portability.api.Statistics;
import dev.portability.core.Portability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What {@code portability serve --demo} serves: the demo's online shop in an in-memory H2 database, and an earlier
 * backup of it to import. The backup was exported before the shop "moved on" ({@link DemoShop#change}), so that
 * importing it meets every case: new rows (reviews deleted since), conflicts (rows changed since) and rows that
 * REPLACE would delete (customers and orders added since). Both go away on {@link #close()}.
 */
final class ServeDemo implements AutoCloseable {

    /** The backup's file name. */
    static final String BACKUP = "demo-shop-backup.zip";

    private final DataSource dataSource;
    private final Portability portability;
    private final Path directory;
    private final Path backup;
    private final String changes;
    private final Statistics statistics;

    private ServeDemo(DataSource dataSource, Portability portability, Path directory, Path backup, String changes,
            Statistics statistics) {
        this.dataSource = dataSource;
        this.portability = portability;
        this.directory = directory;
        this.backup = backup;
        this.changes = changes;
        this.statistics = statistics;
    }

    /**
     * Creates the shop, exports the backup, then changes the shop.
     *
     * @param rows about how many rows the shop holds, at least {@link DemoShop.Size#MIN_ROWS}
     * @return the demo
     * @throws SQLException if H2 fails
     * @throws IOException if the backup cannot be written
     */
    static ServeDemo create(int rows) throws SQLException, IOException {
        DataSource dataSource = DemoCommand.h2("serve_demo_" + UUID.randomUUID().toString().substring(0, 8));
        Path directory = null;
        try {
            DemoShop shop = new DemoShop(DemoShop.Size.of(rows));
            DemoShop.createTables(dataSource);
            shop.fill(dataSource);
            Portability portability = DemoCommand.engine(dataSource);
            directory = Files.createTempDirectory("portability-serve-demo-");
            Path backup = directory.resolve(BACKUP);
            portability.export(backup);
            String changes = shop.change(dataSource);
            return new ServeDemo(dataSource, portability, directory, backup, changes, portability.stats());
        } catch (SQLException | IOException | RuntimeException e) {
            DemoCommand.shutdown(dataSource);
            if (directory != null) {
                try {
                    delete(directory);
                } catch (IOException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
    }

    /** @return the library over the shop */
    Portability portability() {
        return portability;
    }

    /** @return the earlier backup, to import */
    Path backup() {
        return backup;
    }

    /** @return what changed in the shop since the backup, in words */
    String changes() {
        return changes;
    }

    /** @return the shop's row counts as served */
    Statistics statistics() {
        return statistics;
    }

    /** Shuts the database down and deletes the backup. */
    @Override
    public void close() throws IOException {
        DemoCommand.shutdown(dataSource);
        delete(directory);
    }

    private static void delete(Path directory) throws IOException {
        Files.deleteIfExists(directory.resolve(BACKUP));
        Files.deleteIfExists(directory);
    }
}
