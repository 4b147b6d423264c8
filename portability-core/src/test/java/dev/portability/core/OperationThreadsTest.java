package dev.portability.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portability.api.ExportOptions;
import dev.portability.api.ImportOptions;
import dev.portability.api.ProgressEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each operation works with threads of its own executor, named after the operation's id (as in its log lines and
 * progress events), and none of them outlives the operation.
 */
class OperationThreadsTest {

    @TempDir
    Path dir;

    private static Set<String> threadsOf(String operationId) {
        Set<String> names = new TreeSet<>();
        Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("portability-" + operationId + "-")).forEach(names::add);
        return names;
    }

    @Test
    void anExportAndAnImportWorkInThreadsNamedAfterThemAndLeaveNoneBehind() {
        Path archive = dir.resolve("a.zip");
        List<ProgressEvent> events = new CopyOnWriteArrayList<>();
        Set<String> seenDuringExport = new TreeSet<>();
        // 10,000 rows: entries larger than what an import reads on its caller's thread
        Fixtures.portability(Fixtures.shop(10_000)).export(archive, ExportOptions.defaults().withListener(event -> {
            events.add(event);
            seenDuringExport.addAll(threadsOf(event.operationId()));
        }));
        String export = events.get(0).operationId();

        assertThat(seenDuringExport).isNotEmpty().allMatch(name -> name.startsWith("portability-export-"));
        assertThat(threadsOf(export)).isEmpty();

        events.clear();
        Set<String> seenDuringImport = new TreeSet<>();
        Fixtures.portability(Fixtures.shop(0)).importArchive(archive, ImportOptions.replace().withListener(event -> {
            events.add(event);
            seenDuringImport.addAll(threadsOf(event.operationId()));
        }));
        String imported = events.get(0).operationId();

        assertThat(seenDuringImport).isNotEmpty().allMatch(name -> name.startsWith("portability-import-"));
        assertThat(threadsOf(imported)).isEmpty();
    }
}
