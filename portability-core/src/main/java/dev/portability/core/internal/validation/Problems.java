package dev.portability.core.internal.validation;

import dev.portability.api.Problem;
import java.util.ArrayList;
import java.util.List;

/** Collects problems up to a maximum, and counts all of them. */
public final class Problems {

    private final int max;
    private final List<Problem> kept = new ArrayList<>();
    private long count;

    public Problems(int max) {
        this.max = max;
    }

    public void add(Problem problem) {
        count++;
        if (kept.size() < max) {
            kept.add(problem);
        }
    }

    public void addAll(List<Problem> problems) {
        problems.forEach(this::add);
    }

    public boolean any() {
        return count > 0;
    }

    public long count() {
        return count;
    }

    public List<Problem> list() {
        return kept;
    }
}
