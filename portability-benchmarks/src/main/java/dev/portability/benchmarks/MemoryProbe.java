package dev.portability.benchmarks;

import dev.portability.api.ExportOptions;
import dev.portability.api.ImportOptions;
import dev.portability.core.Portability;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * Runs one export or import in a JVM of its own and prints its peak heap and peak resident set size, so the
 * figures belong to that operation alone: {@code export|import <jdbc-url> <schema> <archive> <level>}.
 */
public final class MemoryProbe {

    private MemoryProbe() {
    }

    /**
     * @param args operation, JDBC URL, schema, archive path, compression level
     * @throws Exception if the operation fails
     */
    public static void main(String[] args) throws Exception {
        String operation = args[0];
        DataSource dataSource = Benchmark.dataSource(args[1]);
        Portability portability = Benchmark.portability(dataSource, args[2]);
        Path archive = Path.of(args[3]);
        long start = System.nanoTime();
        long rows;
        if (operation.equals("export")) {
            rows = portability.export(archive, ExportOptions.defaults().withCompressionLevel(Integer.parseInt(args[4])))
                    .totalRows();
        } else {
            rows = portability.importArchive(archive, ImportOptions.replace()).inserted();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        long rssKb = 0;
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                rssKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        System.out.printf("rows=%d seconds=%.2f peakHeapMiB=%.1f peakRssMiB=%.1f maxHeapMiB=%.0f%n", rows, seconds,
                heap / 1048576.0, rssKb / 1024.0, Runtime.getRuntime().maxMemory() / 1048576.0);
    }
}
