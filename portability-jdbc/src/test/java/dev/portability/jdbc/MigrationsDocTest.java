package dev.portability.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/migrations.md shows code that the build compiles and runs: each {@code <!-- include: path#tag -->} in it is
 * followed by a code block that must equal the region between {@code // tag::tag[]} and {@code // end::tag[]} of
 * that file (indentation removed).
 */
class MigrationsDocTest {

    private static final Pattern INCLUDE = Pattern.compile(
            "<!-- include: (\\S+)#(\\S+) -->\\n```java\\n(.*?)\\n```", Pattern.DOTALL);

    @Test
    void theDocsExamplesAreTheCompiledSourceVerbatim() throws IOException {
        Path root = root();
        String doc = Files.readString(root.resolve("docs/migrations.md"));
        Matcher matcher = INCLUDE.matcher(doc);
        List<String> tags = new ArrayList<>();
        while (matcher.find()) {
            String tag = matcher.group(2);
            tags.add(tag);
            assertThat(matcher.group(3)).as("docs/migrations.md, the block included from %s#%s", matcher.group(1),
                    tag).isEqualTo(region(root.resolve(matcher.group(1)), tag));
        }
        assertThat(tags).containsExactly("schemas", "steps", "portability", "unit-test", "round-trip");
    }

    private static String region(Path file, String tag) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int start = lines.indexOf(lines.stream().filter(l -> l.strip().equals("// tag::" + tag + "[]"))
                .findFirst().orElseThrow(() -> new AssertionError(file + " has no tag " + tag)));
        int end = lines.indexOf(lines.stream().filter(l -> l.strip().equals("// end::" + tag + "[]"))
                .findFirst().orElseThrow(() -> new AssertionError(file + " does not end tag " + tag)));
        List<String> region = lines.subList(start + 1, end);
        int indent = region.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        List<String> out = new ArrayList<>();
        for (String line : region) {
            out.add(line.isBlank() ? "" : line.substring(indent));
        }
        return String.join("\n", out);
    }

    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docs/migrations.md"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new AssertionError("docs/migrations.md not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
