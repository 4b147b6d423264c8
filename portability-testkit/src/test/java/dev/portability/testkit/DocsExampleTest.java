package dev.portability.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/testing.md shows the example host tests exactly as the build compiles and runs them. */
class DocsExampleTest {

    private static final Path EXAMPLES = Path.of("src/test/java/com/example/shop");

    @ParameterizedTest
    @ValueSource(strings = {"ShopPortabilityTest.java", "ShopStoreContractTest.java"})
    void theGuideQuotesTheExampleVerbatim(String file) throws IOException {
        String guide = Files.readString(Path.of("../docs/testing.md"));
        String example = Files.readString(EXAMPLES.resolve(file));

        assertThat(guide).contains("```java\n" + example + "```");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ShopPortabilityTest.java", "ShopStoreContractTest.java"})
    void theExampleUsesOnlyPublicApi(String file) throws IOException {
        String example = Files.readString(EXAMPLES.resolve(file));

        assertThat(example).doesNotContain(".internal").doesNotContain("package dev.portability");
    }
}
