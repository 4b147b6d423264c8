package dev.portability.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's quick start is the code {@link QuickStart} compiles and {@link QuickStartRunsTest} runs. */
class ReadmeQuickStartTest {

    @Test
    void theReadmeQuickStartIsTheCompiledExample() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("```java\n", readme.indexOf("## Quick start")) + "```java\n".length();
        String block = readme.substring(start, readme.indexOf("```\n", start));

        String source = Files.readString(Path.of("src/main/java/dev/portability/examples/QuickStart.java"));
        String region = source.substring(source.indexOf("// README quick start begins\n")
                + "// README quick start begins\n".length(), source.indexOf("        // README quick start ends"));
        String unindented = Arrays.stream(region.split("\n", -1))
                .map(line -> line.startsWith("        ") ? line.substring(8) : line)
                .collect(Collectors.joining("\n"));

        assertThat(block.strip()).isEqualTo(unindented.strip());
        assertThat(block.lines().count()).as("a quick start of at most 25 lines").isLessThanOrEqualTo(25);
    }
}
