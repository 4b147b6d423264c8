package dev.portability.api;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything validation found in an archive, in one immutable value a host can show its users or turn into JSON.
 *
 * @param archive what the manifest says, or null when the manifest could not be read
 * @param problems the problems found, in the order found, at most the configured maximum
 * @param problemCount the number of problems found, including those beyond the maximum kept in the list
 * @param migrationSteps the migration steps an import would run, in order (empty when the archive is current)
 */
public record ValidationReport(Manifest archive, List<Problem> problems, long problemCount,
        List<String> migrationSteps) {

    /** Number of problems {@link #summary()} lists before it says "and N more". */
    private static final int SUMMARY_PROBLEMS = 10;

    /** Creates a report; copies the lists. */
    public ValidationReport {
        problems = List.copyOf(problems);
        migrationSteps = List.copyOf(migrationSteps);
        if (problemCount < problems.size()) {
            throw new IllegalArgumentException("problemCount " + problemCount + " is below the "
                    + problems.size() + " problems listed");
        }
    }

    /** @return true when no problem was found: the archive can be imported */
    public boolean valid() {
        return problemCount == 0;
    }

    /** @return the archive's manifest information, if the manifest was readable */
    public Optional<Manifest> archiveInfo() {
        return Optional.ofNullable(archive);
    }

    /**
     * @return a multi-line description: a headline, then one line per problem (the first ten), then what to do:
     *     the {@link ErrorCode#suggestion() suggestion} of each kind of problem listed
     */
    public String summary() {
        return summary(null);
    }

    /**
     * The summary, with a sentence on the outcome between the problems and what to do.
     *
     * @param outcome e.g. "Nothing was imported.", or null
     */
    String summary(String outcome) {
        if (valid()) {
            return "The archive is valid" + (archive == null ? "." : ": " + archive.tables().size()
                    + " tables, " + archive.totalRows() + " rows.");
        }
        StringBuilder out = new StringBuilder("The archive is invalid: ").append(problemCount)
                .append(problemCount == 1 ? " problem found." : " problems found.");
        int shown = Math.min(SUMMARY_PROBLEMS, problems.size());
        Set<ErrorCode> kinds = EnumSet.noneOf(ErrorCode.class);
        for (int i = 0; i < shown; i++) {
            out.append("\n  ").append(problems.get(i));
            kinds.add(problems.get(i).code());
        }
        if (problemCount > shown) {
            out.append("\n  ... and ").append(problemCount - shown).append(" more.");
        }
        if (outcome != null) {
            out.append('\n').append(outcome);
        }
        if (kinds.size() == 1) {
            out.append("\nWhat to do: ").append(kinds.iterator().next().suggestion());
        } else if (!kinds.isEmpty()) {
            out.append("\nWhat to do:");
            kinds.forEach(code -> out.append("\n  ").append(code).append(": ").append(code.suggestion()));
        }
        return out.toString();
    }
}
