package dev.portability.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickStartRunsTest {

    @TempDir
    Path dir;

    @Test
    void theReadmeQuickStartExportsAndImportsEveryRow() throws Exception {
        Path archive = dir.resolve("shop.zip");
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            QuickStart.main(new String[] {archive.toString()});
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        // 20,000 customers, 40,000 orders, 40,000 order lines, 100 products
        assertThat(output).contains("100100 rows in 4 tables").contains("imported 100100 rows");
        assertThat(Files.size(archive)).isPositive();
    }
}
