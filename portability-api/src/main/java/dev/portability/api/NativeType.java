package dev.portability.api;

import java.util.Objects;

/**
 * What a column is in its own database, beside its {@link LogicalType}: the engine and the column's type as that
 * engine names it, and for a domain its base type. Written into the archive's manifest for every column whose
 * store says it, so that an import into the same engine can check it and a reader can see where values came
 * from. Informational for portable types; a {@link LogicalType.Kind#NATIVE} type carries the facts that decide
 * which columns accept its values.
 *
 * @param engine the engine, lower case, e.g. {@code postgresql}, {@code mariadb}, {@code h2}
 * @param typeName the column's type as the engine names it, e.g. {@code varchar(20)}, {@code rating} (a domain),
 *     {@code tinyint(1)}
 * @param baseTypeName for a domain, the type it is based on, e.g. {@code integer}; otherwise null
 */
public record NativeType(String engine, String typeName, String baseTypeName) {

    /**
     * Creates the description.
     *
     * @throws NullPointerException if engine or typeName is null
     * @throws IllegalArgumentException if the engine is blank or not lower case, or typeName is blank
     */
    public NativeType {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(typeName, "typeName");
        if (engine.isBlank() || !engine.equals(engine.toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("a native type's engine is a lower-case name, was '" + engine + "'");
        }
        if (typeName.isBlank()) {
            throw new IllegalArgumentException("a native type needs a type name");
        }
    }

    /**
     * A type that is not a domain.
     *
     * @param engine the engine
     * @param typeName the type's name
     * @return the description
     */
    public static NativeType of(String engine, String typeName) {
        return new NativeType(engine, typeName, null);
    }

    @Override
    public String toString() {
        return engine + " " + typeName + (baseTypeName == null ? "" : " (domain over " + baseTypeName + ")");
    }
}
