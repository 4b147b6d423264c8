package dev.portability.core.internal.engine;

import dev.portability.api.Problem;
import java.util.ArrayList;
import java.util.List;

/** Collects problems up to a maximum, and counts all of them. */
final class Problems {

    private final int max;
    private final List<Problem> kept = new ArrayList<>();
    private long count;

    Problems(int max) {
        this.max = max;
    }

    void add(Problem problem) {
        count++;
        if (kept.size() < max) {
            kept.add(problem);
        }
    }

    void addAll(List<Problem> problems) {
        problems.forEach(this::add);
    }

    boolean any() {
        return count > 0;
    }

    long count() {
        return count;
    }

    List<Problem> list() {
        return kept;
    }
}
