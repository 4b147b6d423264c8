package dev.portability.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portability.api.ErrorCode;
import dev.portability.api.Problem;
import dev.portability.api.ValidationReport;
import dev.portability.core.Portability;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentest4j.AssertionFailedError;

class BrokenArchiveTest {

    @TempDir
    Path dir;

    private Path valid;
    private InMemoryStore target;
    private Portability portability;

    @BeforeEach
    void writeAValidArchive() {
        valid = ArchiveBuilder.forApplication("shop").schemaVersion(1)
                .rows(Shop.rows())
                .writeTo(dir.resolve("valid.zip"));
        target = Shop.emptyStore();
        Stores.insert(target, Shop.rows().get(0));
        portability = Portability.builder().application("shop").store(target).build();
    }

    @Test
    void theArchiveTheVariantsStartFromIsValid() {
        ArchiveAssertions.assertValid(portability, valid);
    }

    @ParameterizedTest
    @EnumSource(BrokenArchive.class)
    void eachVariantIsRefusedByValidationWithItsProblemKind(BrokenArchive damage) {
        Path broken = damage.applyTo(valid, dir.resolve(damage.name() + ".zip"));

        ValidationReport report = ArchiveAssertions.assertRefused(portability, broken, damage.expectedCode());

        assertThat(report.problems()).extracting(Problem::code).contains(damage.expectedCode());
        assertThat(Stores.counts(target)).containsEntry("customers", 1L).containsEntry("orders", 0L);
    }

    @ParameterizedTest
    @EnumSource(value = BrokenArchive.class, names = {"WRONG_CHECKSUM", "WRONG_VALUE_TYPE", "ROW_COUNT_MISMATCH",
        "UNKNOWN_TABLE", "MANIFEST_INVALID"})
    void eachVariantHoldsOnlyItsOwnDamage(BrokenArchive damage) {
        Path broken = damage.applyTo(valid, dir.resolve(damage.name() + ".zip"));

        ValidationReport report = portability.validate(broken);

        assertThat(report.problems()).extracting(Problem::code).containsOnly(damage.expectedCode());
    }

    @Test
    void aWrongValueTypeIsReportedAtItsTableRowAndColumn() {
        Path broken = BrokenArchive.WRONG_VALUE_TYPE.applyTo(valid, dir.resolve("broken.zip"));

        Problem problem = portability.validate(broken).problems().get(0);

        assertThat(problem.table()).isEqualTo("customers");
        assertThat(problem.line()).isEqualTo(1L);
        assertThat(problem.column()).isEqualTo("id");
    }

    @Test
    void aVariantRefusesToStartFromAnArchiveThatIsDamagedAlready() {
        Path broken = BrokenArchive.WRONG_CHECKSUM.applyTo(valid, dir.resolve("broken.zip"));

        assertThatThrownBy(() -> BrokenArchive.ROW_COUNT_MISMATCH.applyTo(broken, dir.resolve("twice.zip")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("start from a valid archive")
                .hasMessageContaining("CHECKSUM_MISMATCH");
        assertThat(dir.resolve("twice.zip")).doesNotExist();
    }

    @Test
    void assertRefusedFailsForAnArchiveThatIsValid() {
        assertThatThrownBy(() -> ArchiveAssertions.assertRefused(portability, valid, ErrorCode.CHECKSUM_MISMATCH))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("Validation accepted");
    }

    @Test
    void assertRefusedFailsWhenTheProblemIsOfAnotherKind() {
        Path broken = BrokenArchive.ROW_COUNT_MISMATCH.applyTo(valid, dir.resolve("broken.zip"));

        assertThatThrownBy(() -> ArchiveAssertions.assertRefused(portability, broken, ErrorCode.CHECKSUM_MISMATCH))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("with [ROW_COUNT_MISMATCH] but not with CHECKSUM_MISMATCH");
    }

    @Test
    void aVariantCannotOverwriteItsSource() {
        assertThatThrownBy(() -> BrokenArchive.TRUNCATED.applyTo(valid, valid))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
