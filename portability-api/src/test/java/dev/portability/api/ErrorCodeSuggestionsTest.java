package dev.portability.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every {@link ErrorCode} says what to do in its own words: one sentence or two, none shared with another code, and
 * none that blames the archive where the archive is not at fault.
 */
class ErrorCodeSuggestionsTest {

    @Test
    void everyCodeHasItsOwnSuggestion() {
        Map<String, ErrorCode> seen = new HashMap<>();
        for (ErrorCode code : ErrorCode.values()) {
            String suggestion = code.suggestion();
            assertThat(suggestion).as(code.name()).isNotBlank().endsWith(".").hasSizeLessThan(300);
            assertThat(Character.isUpperCase(suggestion.charAt(0))).as(code + " starts a sentence").isTrue();
            ErrorCode before = seen.put(suggestion, code);
            assertThat(before).as(code + " shares its suggestion with " + before).isNull();
        }
        assertThat(seen).hasSize(ErrorCode.values().length);
    }

    @Test
    void problemsOfTheApplicationDoNotSendTheUserBackToTheArchive() {
        for (ErrorCode code : EnumSet.of(ErrorCode.MIGRATION_MISSING, ErrorCode.MIGRATION_FAILED,
                ErrorCode.ARCHIVE_TOO_NEW, ErrorCode.LISTENER_FAILED, ErrorCode.CONFLICTS)) {
            assertThat(code.suggestion()).as(code.name()).doesNotContainIgnoringCase("re-create")
                    .doesNotContainIgnoringCase("export again");
        }
        assertThat(ErrorCode.MIGRATION_MISSING.suggestion()).contains("Register a migration step");
        assertThat(ErrorCode.CONFLICTS.suggestion()).contains("SKIP").contains("OVERWRITE").contains("REPLACE");
    }

    @Test
    void aReportSaysWhatToDoForEachKindOfProblemAndNeverThatNothingWasImported() {
        ValidationReport report = new ValidationReport(null, List.of(
                new Problem(ErrorCode.MIGRATION_MISSING, "no step from version 1 to 2", null, null, null, null),
                new Problem(ErrorCode.UNKNOWN_TABLE, "table fax", null, null, "fax", null),
                new Problem(ErrorCode.UNKNOWN_TABLE, "table telex", null, null, "telex", null)), 3, List.of());

        String summary = report.summary();

        assertThat(summary).startsWith("The archive is invalid: 3 problems found.")
                .contains("MIGRATION_MISSING: " + ErrorCode.MIGRATION_MISSING.suggestion())
                .contains("UNKNOWN_TABLE: " + ErrorCode.UNKNOWN_TABLE.suggestion())
                .doesNotContain("Nothing was imported").doesNotContainIgnoringCase("re-create");
        assertThat(summary.indexOf(ErrorCode.UNKNOWN_TABLE.suggestion()))
                .isEqualTo(summary.lastIndexOf(ErrorCode.UNKNOWN_TABLE.suggestion()));
    }

    @Test
    void aRefusedImportSaysNothingWasImportedThenWhatToDo() {
        ValidationReport report = new ValidationReport(null, List.of(new Problem(ErrorCode.CHECKSUM_MISMATCH,
                "the entry's SHA-256 differs", "tables/0001.jsonl", null, "customers", null)), 1, List.of());

        String message = new InvalidArchiveException(report).getMessage();

        assertThat(message).contains("CHECKSUM_MISMATCH at table customers")
                .contains("Nothing was imported.\nWhat to do: " + ErrorCode.CHECKSUM_MISMATCH.suggestion());
    }

    @Test
    void aValidReportNeedsNoSuggestion() {
        assertThat(new ValidationReport(null, List.of(), 0, List.of()).summary()).isEqualTo("The archive is valid.");
    }
}
