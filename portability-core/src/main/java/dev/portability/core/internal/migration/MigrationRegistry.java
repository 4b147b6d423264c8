package dev.portability.core.internal.migration;

import dev.portability.api.ConfigurationException;
import dev.portability.api.Manifest;
import dev.portability.api.migration.Migration;
import dev.portability.core.internal.validation.Validator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The host's migration steps, checked when the {@code Portability} instance is built: they form one unbroken
 * chain of versions that ends at the current schema version, with no overlap and no gap. Plans the migration of an
 * archive from its schema version to the current one. Immutable.
 */
public final class MigrationRegistry implements Validator.Migrations {

    private final List<Migration> chain;
    private final int current;

    private MigrationRegistry(List<Migration> chain, int current) {
        this.chain = chain;
        this.current = current;
    }

    /**
     * Checks and registers the steps.
     *
     * @param steps the host's steps, in any order
     * @param currentVersion the application's current schema version
     * @return the registry
     * @throws ConfigurationException if a step is null or goes backwards, steps overlap, leave a gap, point past
     *     the current version, or end before it
     */
    public static MigrationRegistry of(Collection<? extends Migration> steps, int currentVersion) {
        List<Migration> sorted = new ArrayList<>(steps.size());
        int index = 0;
        for (Migration step : steps) {
            if (step == null) {
                throw new ConfigurationException("migrations: step " + index + " is null");
            }
            int from = step.fromVersion();
            int to = step.toVersion();
            if (from < 0 || to <= from) {
                throw new ConfigurationException("migrations: " + name(step) + " (" + describe(step) + ") must "
                        + "lead from a version of 0 or more to a higher one");
            }
            if (to > currentVersion) {
                throw new ConfigurationException("migrations: " + name(step) + " (" + describe(step) + ") leads "
                        + "past the application's schemaVersion " + currentVersion + "; raise schemaVersion to "
                        + to + " or remove the step");
            }
            sorted.add(step);
            index++;
        }
        sorted.sort(Comparator.comparingInt(Migration::fromVersion).thenComparingInt(Migration::toVersion));
        for (int i = 1; i < sorted.size(); i++) {
            Migration before = sorted.get(i - 1);
            Migration after = sorted.get(i);
            if (after.fromVersion() < before.toVersion()) {
                throw new ConfigurationException("migrations: " + name(before) + " and " + name(after)
                        + " overlap: both migrate version " + after.fromVersion() + ". There must be exactly one "
                        + "chain of steps between two versions; remove or merge one of them");
            }
            if (after.fromVersion() > before.toVersion()) {
                throw new ConfigurationException("migrations: no step leads from version " + before.toVersion()
                        + " to version " + after.fromVersion() + ", between " + name(before) + " and "
                        + name(after) + "; register a step from " + before.toVersion() + " to "
                        + after.fromVersion());
            }
        }
        if (!sorted.isEmpty()) {
            Migration last = sorted.get(sorted.size() - 1);
            if (last.toVersion() < currentVersion) {
                throw new ConfigurationException("migrations: the steps end at version " + last.toVersion()
                        + " but the application's schemaVersion is " + currentVersion + "; register a step from "
                        + last.toVersion() + " to " + currentVersion + " (one with no changes if the data did not "
                        + "change)");
            }
        }
        return new MigrationRegistry(List.copyOf(sorted), currentVersion);
    }

    /** @return the registered steps, oldest first */
    public List<Migration> steps() {
        return chain;
    }

    @Override
    public ArchiveMigration plan(int from, int to, Manifest info) throws Validator.NoPathException {
        if (chain.isEmpty()) {
            throw new Validator.NoPathException("no migration steps are registered (a chain of steps from version "
                    + from + " to version " + to + " is needed)");
        }
        int first = chain.get(0).fromVersion();
        if (from < first) {
            throw new Validator.NoPathException("no migration step leads from version " + from + " to version "
                    + first + " (the registered steps start at version " + first + ")");
        }
        List<Migration> path = new ArrayList<>();
        int at = from;
        for (Migration step : chain) {
            if (at >= to) {
                break;
            }
            if (step.fromVersion() < at && step.toVersion() > at) {
                throw new Validator.NoPathException("version " + at + " lies inside " + name(step)
                        + ", so no chain of steps starts there (steps from version " + step.fromVersion()
                        + " to " + at + " and from " + at + " to " + step.toVersion() + " would connect it)");
            }
            if (step.fromVersion() == at) {
                path.add(step);
                at = step.toVersion();
            }
        }
        if (at != to) {
            throw new Validator.NoPathException("no migration step leads from version " + at + " to version " + to);
        }
        return new MigrationChain(path);
    }

    /**
     * @param step a step
     * @return how messages name it, e.g. {@code migration step 1 -> 2}
     */
    public static String name(Migration step) {
        return "migration step " + step.fromVersion() + " -> " + step.toVersion();
    }

    public static String describe(Migration step) {
        try {
            String description = step.description();
            return description == null || description.isBlank() ? step.getClass().getName() : description;
        } catch (RuntimeException e) {
            return step.getClass().getName();
        }
    }

    @Override
    public String toString() {
        return "MigrationRegistry" + chain + " to version " + current;
    }
}
