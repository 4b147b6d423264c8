package dev.portability.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The design promises that a store for something other than JDBC takes under 100 lines: the reference does. */
class InMemoryStoreSizeTest {

    @Test
    void theReferenceStoreIsUnderOneHundredLinesOfCode() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/main/java/dev/portability/testkit/InMemoryStore.java"));

        long code = 0;
        boolean inComment = false;
        for (String line : lines) {
            String trimmed = line.trim();
            if (inComment) {
                inComment = !trimmed.endsWith("*/");
            } else if (trimmed.startsWith("/*")) {
                inComment = !trimmed.endsWith("*/");
            } else if (!trimmed.isEmpty() && !trimmed.startsWith("//") && !trimmed.startsWith("import ")
                    && !trimmed.startsWith("package ")) {
                code++;
            }
        }

        assertThat(code).isLessThan(100);
    }
}
