package dev.portability.api.spi;

import java.util.Objects;

/**
 * A value of a row that a table cannot store exactly as it is, as {@link TableAdapter#refusals} reports it: the
 * store would refuse it when written, or would store something else (text cut or with characters replaced, a
 * number or time rounded, a negative zero turned into zero, bytes padded).
 *
 * @param column the column whose value is refused, as the table's schema names it; null when the row as a whole is
 *     refused (e.g. larger than the store accepts in one statement)
 * @param reason why: the value's kind and size, never the whole value, and the store's limit, e.g. "the text has
 *     10 UTF-16 code units, more than the 5 that H2's CHARACTER VARYING(5) holds"
 */
public record ValueRefusal(String column, String reason) {

    /**
     * Creates a refusal.
     *
     * @throws NullPointerException if reason is null
     */
    public ValueRefusal {
        Objects.requireNonNull(reason, "reason");
    }
}
