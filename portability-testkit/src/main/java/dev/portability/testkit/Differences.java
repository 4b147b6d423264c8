package dev.portability.testkit;

import java.util.List;

/**
 * The differences found between an expected and an actual store: the first ones in detail, and how many there
 * are in all. Immutable.
 *
 * @param shown the first differences, at most {@link #SHOWN}, in table order
 * @param total how many differences there are, including those not shown
 */
public record Differences(List<Difference> shown, long total) {

    /** How many differences are kept and shown in detail. */
    public static final int SHOWN = 20;

    /** Creates the value; copies the list. */
    public Differences {
        shown = List.copyOf(shown);
        if (total < shown.size()) {
            throw new IllegalArgumentException("total " + total + " is below the " + shown.size() + " shown");
        }
    }

    /** @return whether the stores hold the same content */
    public boolean isEmpty() {
        return total == 0;
    }

    /**
     * A multi-line description: a headline, one line per difference shown, and the count of the others.
     *
     * @return the description, e.g. {@code 1 difference:\n  table customers, key 2, column name: expected ...}
     */
    public String describe() {
        if (total == 0) {
            return "no differences";
        }
        StringBuilder out = new StringBuilder().append(total).append(total == 1 ? " difference:" : " differences:");
        for (Difference difference : shown) {
            out.append("\n  ").append(difference);
        }
        if (total > shown.size()) {
            out.append("\n  ... and ").append(total - shown.size()).append(" more");
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
