package dev.portability.api;

import java.util.List;
import java.util.Objects;

/**
 * An {@link LogicalType.Kind#ARRAY} value whose dimensions do not all start at 1: PostgreSQL lets each dimension
 * of an array value have its own lower bound ({@code '[0:2]={10,20,30}'} has elements 0, 1 and 2; PostgreSQL
 * documentation, "Arrays", section "Array Value Input"). An array whose dimensions all start at 1 is a plain
 * {@link List} (nested lists for several dimensions), never a {@code BoundedArray}.
 *
 * @param lowerBounds the lower bound of each dimension, outermost first; as many as the array has dimensions
 * @param elements the elements: a list for one dimension, lists of lists of equal length for more
 */
public record BoundedArray(List<Integer> lowerBounds, List<?> elements) {

    /**
     * Creates an array value; copies the bounds.
     *
     * @throws NullPointerException if either is null
     * @throws IllegalArgumentException if there are no bounds
     */
    public BoundedArray {
        lowerBounds = List.copyOf(lowerBounds);
        Objects.requireNonNull(elements, "elements");
        if (lowerBounds.isEmpty()) {
            throw new IllegalArgumentException("an array has at least one dimension");
        }
    }
}
