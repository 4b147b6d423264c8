package dev.portability.testkit;

import dev.portability.api.ErrorCode;
import dev.portability.api.ImportOptions;
import dev.portability.api.InvalidArchiveException;
import dev.portability.api.Problem;
import dev.portability.api.ValidationReport;
import dev.portability.core.Portability;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.opentest4j.AssertionFailedError;

/**
 * Assertions on how a host's {@link Portability} treats an archive: refused with the expected problem, or
 * accepted.
 *
 * <pre>{@code
 * Path broken = BrokenArchive.WRONG_CHECKSUM.applyTo(valid, dir.resolve("broken.zip"));
 * ArchiveAssertions.assertRefused(portability, broken, ErrorCode.CHECKSUM_MISMATCH);
 * }</pre>
 */
public final class ArchiveAssertions {

    private ArchiveAssertions() {
    }

    /**
     * Asserts that validation refuses an archive with a problem of the expected kind, and that an import
     * ({@link ImportOptions#replace()}) refuses it with an {@link InvalidArchiveException} before writing.
     *
     * @param portability the host's instance
     * @param archive the archive
     * @param expected the kind of problem validation must report (among others, if any)
     * @return the validation report
     * @throws AssertionFailedError if validation accepts the archive or reports other problems only, or the
     *     import does not refuse it
     */
    public static ValidationReport assertRefused(Portability portability, Path archive, ErrorCode expected) {
        Objects.requireNonNull(portability, "portability");
        Objects.requireNonNull(expected, "expected");
        ValidationReport report = validate(portability, archive);
        if (report.valid()) {
            throw new AssertionFailedError("Validation accepted " + archive + " but should have refused it with "
                    + expected);
        }
        if (!codes(report).contains(expected)) {
            throw new AssertionFailedError("Validation refused " + archive + " with " + codes(report) + " but not "
                    + "with " + expected + ":\n" + report.summary());
        }
        try {
            portability.importArchive(archive, ImportOptions.replace());
        } catch (InvalidArchiveException e) {
            if (!codes(e.report()).contains(expected)) {
                throw new AssertionFailedError("The import refused " + archive + " with " + codes(e.report())
                        + " but not with " + expected, e);
            }
            return report;
        }
        throw new AssertionFailedError("Validation refused " + archive + " but an import accepted it");
    }

    /**
     * Asserts that validation finds no problem in an archive.
     *
     * @param portability the host's instance
     * @param archive the archive
     * @return the validation report
     * @throws AssertionFailedError listing the problems, if there are any
     */
    public static ValidationReport assertValid(Portability portability, Path archive) {
        ValidationReport report = validate(portability, archive);
        if (!report.valid()) {
            throw new AssertionFailedError("Validation refused " + archive + ":\n" + report.summary());
        }
        return report;
    }

    private static ValidationReport validate(Portability portability, Path archive) {
        try {
            return portability.validate(archive);
        } catch (InvalidArchiveException e) {
            return e.report(); // a file that is not an archive at all is refused by an exception
        }
    }

    private static Set<ErrorCode> codes(ValidationReport report) {
        Set<ErrorCode> codes = new LinkedHashSet<>();
        for (Problem problem : report.problems()) {
            codes.add(problem.code());
        }
        return codes;
    }
}
