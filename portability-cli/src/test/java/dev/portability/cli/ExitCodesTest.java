package dev.portability.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portability.api.ErrorCode;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ExitCodesTest {

    @Test
    void everyErrorCodeHasADocumentedExitCodeAndOnlyAListenerBugIsInternal() {
        for (ErrorCode code : EnumSet.complementOf(EnumSet.of(ErrorCode.LISTENER_FAILED))) {
            assertThat(ExitCodes.of(code)).as(code.name()).isNotEqualTo(ExitCodes.INTERNAL);
        }
        assertThat(ExitCodes.of(ErrorCode.CHECKSUM_MISMATCH)).isEqualTo(3);
        assertThat(ExitCodes.of(ErrorCode.WRONG_APPLICATION)).isEqualTo(3);
        assertThat(ExitCodes.of(ErrorCode.CONFLICTS)).isEqualTo(4);
        assertThat(ExitCodes.of(ErrorCode.STORE_FAILURE)).isEqualTo(5);
        assertThat(ExitCodes.of(ErrorCode.IO_FAILURE)).isEqualTo(6);
        assertThat(ExitCodes.of(ErrorCode.INVALID_CONFIGURATION)).isEqualTo(2);
        assertThat(ExitCodes.of(ErrorCode.UNSUPPORTED_COLUMN)).isEqualTo(7);
    }

    @Test
    void docsCliListsTheExitCodeOfEveryErrorCode() throws Exception {
        String docs = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "cli.md"));
        String table = docs.substring(docs.indexOf("| code | exit code |"));
        java.util.Map<String, Integer> documented = new java.util.HashMap<>();
        for (String line : table.split("\n")) {
            if (!line.startsWith("| `")) {
                if (!documented.isEmpty()) {
                    break;
                }
                continue;
            }
            String[] cells = line.split("\\|");
            int exit = Integer.parseInt(cells[2].trim());
            for (String code : cells[1].split(",")) {
                documented.put(code.trim().replace("`", ""), exit);
            }
        }
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(documented).as("docs/cli.md's exit code of %s", code).containsEntry(code.name(),
                    ExitCodes.of(code));
        }
        assertThat(documented).containsEntry("USAGE", ExitCodes.USAGE).containsEntry("INTERNAL", ExitCodes.INTERNAL);
    }
}
