package dev.portability.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portability.api.ErrorCode;
import dev.portability.api.ImportRefusedException;
import dev.portability.api.OperationCancelledException;
import dev.portability.api.PortabilityException;
import dev.portability.api.Problem;
import dev.portability.api.StoreException;
import dev.portability.core.Portability;
import dev.portability.jdbc.JdbcStore;
import dev.portability.jdbc.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bridge to the library: problem details for each kind of failure, progress, cancellation, host options. */
class CoreApiTest {

    @TempDir
    Path dir;

    /** A control that records progress and may be cancelled from the start. */
    private static final class Control implements OperationControl {
        final List<Progress> events = new ArrayList<>();
        final boolean cancelled;

        Control(boolean cancelled) {
            this.cancelled = cancelled;
        }

        @Override
        public void progress(Progress progress) {
            events.add(progress);
        }

        @Override
        public boolean cancelRequested() {
            return cancelled;
        }

        @Override
        public void onCancel(Runnable action) {
            if (cancelled) {
                action.run();
            }
        }
    }

    @Test
    void anImportRefusedBeforeWritingListsEveryReasonWithItsTableAndSuggestion() {
        Problem trigger = new Problem(ErrorCode.TRIGGER_REFUSED, "trigger AUDIT on table orders: refused.", null, null,
                "orders", null);
        Problem cascade = new Problem(ErrorCode.CASCADES_OUTSIDE_IMPORT, "2 rows of table reviews would be deleted.",
                null, null, "customers", null);

        HttpProblem problem = CoreApi.problem(new ImportRefusedException(List.of(trigger, cascade)), "op");

        JsonNode json = problem.toJson();
        assertThat(problem.status()).isEqualTo(422);
        assertThat(json.get("code").asText()).isEqualTo("TRIGGER_REFUSED");
        assertThat(json.get("retryable").asBoolean()).isFalse();
        assertThat(json.get("problemCount").asInt()).isEqualTo(2);
        assertThat(json.get("problems")).extracting(p -> p.get("code").asText() + " " + p.get("table").asText())
                .containsExactly("TRIGGER_REFUSED orders", "CASCADES_OUTSIDE_IMPORT customers");
        assertThat(json.get("suggestions").get("CASCADES_OUTSIDE_IMPORT").asText())
                .isEqualTo(ErrorCode.CASCADES_OUTSIDE_IMPORT.suggestion());
    }

    @Test
    void everyErrorCodeHasAProblemWithItsSuggestionAndAStatusOfItsKind() {
        for (ErrorCode code : ErrorCode.values()) {
            HttpProblem problem = CoreApi.problem(new PortabilityException(code, "what happened"), "op");

            assertThat(problem.code()).isEqualTo(code.name());
            assertThat(problem.status()).as(code.name()).isIn(400, 409, 422, 500, 503);
            assertThat(problem.toJson().get("suggestion").asText()).isEqualTo(code.suggestion());
            assertThat(problem.toJson().get("detail").asText()).isEqualTo("what happened");
        }
        assertThat(CoreApi.problem(new PortabilityException(ErrorCode.MIGRATION_MISSING, "x"), null).status())
                .isEqualTo(422);
        assertThat(CoreApi.problem(new PortabilityException(ErrorCode.INVALID_CONFIGURATION, "x"), null).status())
                .isEqualTo(400);
    }

    @Test
    void aStoreFailureSaysWhetherARetryCanHelp() {
        HttpProblem deadlock = CoreApi.problem(new StoreException("deadlock", true, null), "op");
        HttpProblem constraint = CoreApi.problem(new StoreException("constraint", false, null), "op");

        assertThat(deadlock.status()).isEqualTo(503);
        assertThat(deadlock.toJson().get("retryable").asBoolean()).isTrue();
        assertThat(constraint.toJson().get("retryable").asBoolean()).isFalse();
    }

    @Test
    void anUnexpectedFailureNamesOnlyItsClassAndTheOperation() {
        HttpProblem problem = CoreApi.problem(new IllegalStateException("password=secret"), "abc");

        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.code()).isEqualTo("INTERNAL");
        assertThat(problem.getMessage()).contains("IllegalStateException").contains("abc")
                .doesNotContain("secret");
    }

    @Test
    void aValidationCancelledBeforeItStartsStopsAtItsFirstCheck() {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2)) {
            db.execute("CREATE TABLE readings (id BIGINT PRIMARY KEY, reading INT)",
                    "INSERT INTO readings SELECT X, X FROM SYSTEM_RANGE(1, 3000)");
            Portability portability = Portability.builder().application("meter")
                    .store(JdbcStore.discover(db.dataSource())).build();
            CoreApi core = new CoreApi(portability, UnaryOperator.identity(), UnaryOperator.identity());
            Path archive = dir.resolve("readings.zip");
            Control exporting = new Control(false);
            core.export(archive, exporting);
            assertThat(exporting.events).extracting(Progress::phase).contains("COUNTING", "EXPORTING");

            Control cancelled = new Control(true);

            assertThatThrownBy(() -> core.validate(archive, cancelled))
                    .isInstanceOf(OperationCancelledException.class);
            assertThat(core.validate(archive, new Control(false)).get("valid").asBoolean()).isTrue();
        }
    }

    @Test
    void hostOptionsMayNotChangeWhatTheRequestChose() {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2)) {
            db.execute("CREATE TABLE t (id BIGINT PRIMARY KEY)");
            Portability portability = Portability.builder().application("app")
                    .store(JdbcStore.discover(db.dataSource())).build();
            Path archive = dir.resolve("t.zip");
            portability.export(archive);
            CoreApi widening = new CoreApi(portability, options -> options.withTables(List.of()),
                    UnaryOperator.identity());
            CoreApi filtering = new CoreApi(portability, UnaryOperator.identity(),
                    options -> options.withTables("t"));
            ImportChoice choice = new ImportChoice(ImportChoice.Mode.MERGE, ImportChoice.ConflictPolicy.SKIP,
                    List.of("t"));

            assertThatThrownBy(() -> widening.preview(archive, choice, new Control(false)))
                    .isInstanceOfSatisfying(HttpProblem.class, p -> assertThat(p.status()).isEqualTo(500))
                    .hasMessageContaining("importOptions");
            assertThatThrownBy(() -> filtering.export(dir.resolve("again.zip"), new Control(false)))
                    .isInstanceOf(HttpProblem.class).hasMessageContaining("exportOptions");
        }
    }
}
