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
    }
}
