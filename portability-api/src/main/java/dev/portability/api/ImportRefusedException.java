package dev.portability.api;

import java.util.List;

/**
 * The import was refused before anything was written: a table without the primary key MERGE or a REPLACE in place
 * needs ({@link ErrorCode#NO_PRIMARY_KEY}), a foreign-key cycle the target cannot load in any order
 * ({@link ErrorCode#FOREIGN_KEY_CYCLE}), a trigger that cannot be switched off or undone
 * ({@link ErrorCode#TRIGGER_REFUSED}), a REPLACE that would change rows of tables outside the import
 * ({@link ErrorCode#CASCADES_OUTSIDE_IMPORT}), a table that cannot roll back
 * ({@link ErrorCode#NON_TRANSACTIONAL_TABLE}). {@link ImportPreview#refusals()} and
 * {@code Portability.validate(archive, options)} report the same problems without importing. The {@link #code()}
 * is the first refusal's.
 */
public class ImportRefusedException extends PortabilityException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> refusals;

    /**
     * Creates the exception.
     *
     * @param refusals every reason, each naming its table; at least one
     */
    public ImportRefusedException(List<Problem> refusals) {
        super(refusals.get(0).code(), message(refusals));
        this.refusals = List.copyOf(refusals);
    }

    private static String message(List<Problem> refusals) {
        StringBuilder out = new StringBuilder("Import refused before writing anything: ");
        if (refusals.size() == 1) {
            return out.append(refusals.get(0).message()).toString();
        }
        out.append(refusals.size()).append(" reasons.");
        refusals.forEach(p -> out.append("\n  ").append(p.code()).append(": ").append(p.message()));
        return out.toString();
    }

    /** @return every reason, in the order found */
    public List<Problem> refusals() {
        return refusals;
    }
}
