package dev.portability.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Runs a measured step after a warm-up and keeps the median wall time. */
final class Timing {

    /** A step to measure; {@code prepare} runs before each run, untimed. */
    interface Step {
        void run() throws Exception;
    }

    private Timing() {
    }

    /**
     * @param runs measured runs (after one warm-up)
     * @param prepare untimed work before every run (reset the target), may be null
     * @param step the timed work
     * @return the median seconds
     */
    static double median(int runs, Step prepare, Step step) throws Exception {
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i <= runs; i++) {
            if (prepare != null) {
                prepare.run();
            }
            System.gc();
            long start = System.nanoTime();
            step.run();
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (i > 0) {
                seconds.add(elapsed);
            }
            System.err.printf("    run %d%s: %.2f s%n", i, i == 0 ? " (warm-up)" : "", elapsed);
        }
        Collections.sort(seconds);
        return seconds.get(seconds.size() / 2);
    }
}
