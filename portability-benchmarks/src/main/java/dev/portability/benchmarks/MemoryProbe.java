package dev.portability.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * Runs one export or import (REPLACE) in a JVM of its own and prints its peak heap and peak resident set size, so
 * the figures belong to that operation alone: {@code export|replace <jdbc-url> <schema> <archive> <level>}.
 */
public final class MemoryProbe {

    private MemoryProbe() {
    }

    /**
     * @param args operation, JDBC URL, schema, archive path, compression level
     * @throws Exception if the operation fails
     */
    public static void main(String[] args) throws Exception {
        DataSource dataSource = Benchmark.dataSource(args[1]);
        long start = System.nanoTime();
        long rows = LibraryRunner.run(LibraryRunner.portability(dataSource, args[2], "item"), args[0],
                Path.of(args[3]), Integer.parseInt(args[4]));
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
