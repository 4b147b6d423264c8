package dev.portability.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a measured step after a warm-up and keeps the median wall time and the median CPU time of the process that
 * did the work: this JVM's ({@code OperatingSystemMXBean.getProcessCpuTime}, all its threads, JIT and GC included)
 * for a step run here, the child's user + system time (from {@code /usr/bin/time}) for a command.
 */
final class Timing {

    /** A step to measure; {@code prepare} runs before each run, untimed. */
    interface Step {
        void run() throws Exception;
    }

    /**
     * Median wall time and median CPU time, in seconds; {@code cpuSeconds} is NaN when it could not be measured.
     *
     * @param seconds median wall time
     * @param cpuSeconds median CPU time of the process that did the work
     */
    record Measure(double seconds, double cpuSeconds) {
        Measure {
            if (!(seconds > 0)) {
                throw new IllegalArgumentException("no time measured: " + seconds);
            }
        }
    }

    private static final Path TIME = Path.of("/usr/bin/time");

    private Timing() {
    }

    /**
     * @param runs measured runs (after one warm-up)
     * @param prepare untimed work before every run (reset the target), may be null
     * @param step the timed work, run in this JVM
     * @return the medians
     */
    static Measure median(int runs, Step prepare, Step step) throws Exception {
        com.sun.management.OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(
                com.sun.management.OperatingSystemMXBean.class);
        keepHeapCommitted();
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        for (int i = 0; i <= runs; i++) {
            if (prepare != null) {
                prepare.run();
            }
            System.gc();
            long cpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            step.run();
            double elapsed = (System.nanoTime() - start) / 1e9;
            double used = (os.getProcessCpuTime() - cpuStart) / 1e9;
            if (i > 0) {
                wall[i - 1] = elapsed;
                cpu[i - 1] = used;
            }
            System.err.printf("    run %d%s: %.2f s, CPU %.2f s%n", i, i == 0 ? " (warm-up)" : "", elapsed, used);
        }
        return new Measure(median(wall), median(cpu));
    }

    /**
     * Keeps the heap this JVM has grown committed across the full collections between runs: by default
     * ({@code MaxHeapFreeRatio} 70) each {@code System.gc()} shrinks G1's heap back to a few tens of MB, and every
     * run then grows it again, touching each page anew. On a virtual machine a first touch is a page fault the
     * hypervisor may have to back (one JVM measured here: 700,000 faults and a quarter of its CPU time in the
     * kernel over four imports of 1,000,000 rows). A long-running host keeps its heap; so do the
     * benchmark's JVMs after the warm-up, the library's and the one running the hand-written pipelines alike.
     * {@code MaxHeapFreeRatio} is a manageable flag (HotSpot), set here at run time.
     */
    private static void keepHeapCommitted() {
        try {
            ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .setVMOption("MaxHeapFreeRatio", "100");
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            System.err.println("    (the heap may shrink between runs: " + e.getMessage() + ")");
        }
    }

    /**
     * Runs a command (warm-up and measured runs) as a child process, under {@code /usr/bin/time} when it exists so
     * that the child's CPU time is known.
     *
     * @param runs measured runs (after one warm-up)
     * @param prepare untimed work before every run, may be null
     * @param beforeCommand timed work in this JVM before the command (e.g. a TRUNCATE), may be null; its CPU here is
     *     not counted
     * @param stdin a file to feed the command, may be null
     * @param command the command
     * @return the medians
     */
    static Measure medianOfCommand(int runs, Step prepare, Step beforeCommand, Path stdin, String... command)
            throws Exception {
        boolean timed = Files.isExecutable(TIME);
        Path report = Files.createTempFile("portability-bench-time-", ".txt");
        try {
            List<String> full = new ArrayList<>();
            if (timed) {
                full.addAll(List.of(TIME.toString(), "-f", "cpu=%U+%S", "-o", report.toString()));
            }
            full.addAll(Arrays.asList(command));
            double[] wall = new double[runs];
            double[] cpu = new double[runs];
            for (int i = 0; i <= runs; i++) {
                if (prepare != null) {
                    prepare.run();
                }
                long start = System.nanoTime();
                if (beforeCommand != null) {
                    beforeCommand.run();
                }
                Processes.run(stdin, full.toArray(String[]::new));
                double elapsed = (System.nanoTime() - start) / 1e9;
                double used = timed ? childCpu(report) : Double.NaN;
                if (i > 0) {
                    wall[i - 1] = elapsed;
                    cpu[i - 1] = used;
                }
                System.err.printf("    run %d%s: %.2f s, child CPU %.2f s%n", i, i == 0 ? " (warm-up)" : "", elapsed,
                        used);
            }
            return new Measure(median(wall), median(cpu));
        } finally {
            Files.deleteIfExists(report);
        }
    }

    private static double childCpu(Path report) throws IOException {
        String text = Files.readString(report, StandardCharsets.UTF_8).strip();
        String line = text.substring(text.lastIndexOf("cpu=") + 4).strip();
        String[] parts = line.split("\\+");
        return Double.parseDouble(parts[0]) + Double.parseDouble(parts[1]);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
