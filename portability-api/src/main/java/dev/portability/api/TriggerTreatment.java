package dev.portability.api;

import java.util.Objects;
import java.util.Set;

/**
 * What an import does about one trigger (or PostgreSQL rule) of an imported table, as
 * {@link ImportPreview} reports it and as the import acts on it. By default the target's triggers do not change
 * what an import writes: see {@link ImportOptions#withTriggersFiring(boolean)}.
 *
 * @param table the imported table the trigger belongs to
 * @param trigger the trigger's name (a rule's name, for a PostgreSQL rule)
 * @param treatment what the import does about it
 * @param detail one sentence: what the trigger does and, for {@link Treatment#REFUSED}, why it cannot be undone
 *     and what the user can do
 * @param feeds the other imported tables the trigger adds rows to: the import writes them after {@code table} and
 *     removes those rows first (empty unless {@link Treatment#RECONCILED})
 */
public record TriggerTreatment(String table, String trigger, Treatment treatment, String detail,
        Set<String> feeds) {

    /** What an import does about a trigger. */
    public enum Treatment {
        /** Switched off for the import's own transaction and on again before it commits (PostgreSQL). */
        SWITCHED_OFF,
        /**
         * It fires, and what it does is undone inside the import (MariaDB/MySQL): rows it adds to other imported
         * tables are removed, columns it rewrites on insert are set back to the archive's values.
         */
        RECONCILED,
        /**
         * It fires and changes nothing the import writes (it only checks values), or the host let triggers fire
         * ({@link ImportOptions#withTriggersFiring(boolean)}).
         */
        FIRES,
        /** Its effect can be neither switched off nor undone: the import is refused before writing. */
        REFUSED
    }

    /** Creates a treatment; copies the set. */
    public TriggerTreatment {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(treatment, "treatment");
        Objects.requireNonNull(detail, "detail");
        feeds = Set.copyOf(feeds);
    }

    /** @return e.g. {@code trigger orders_audit on orders: RECONCILED (adds rows to order_audit ...)} */
    @Override
    public String toString() {
        return "trigger " + trigger + " on " + table + ": " + treatment + " (" + detail + ")";
    }
}
