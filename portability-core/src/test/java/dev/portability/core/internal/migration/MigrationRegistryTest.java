package dev.portability.core.internal.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portability.api.ConfigurationException;
import dev.portability.api.TableSchema;
import dev.portability.api.migration.Migration;
import dev.portability.api.migration.TableMigration;
import dev.portability.core.internal.validation.Validator.NoPathException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationRegistryTest {

    private static Migration step(int from, int to) {
        return Migration.from(from).to(to).build();
    }

    @Test
    void stepsRegisteredInAnyOrderFormOneChain() throws Exception {
        MigrationRegistry registry = MigrationRegistry.of(List.of(step(3, 5), step(1, 2), step(2, 3)), 5);

        assertThat(registry.steps()).extracting(Migration::fromVersion).containsExactly(1, 2, 3);
        assertThat(registry.plan(2, 5, null).steps()).containsExactly("2 -> 3: no change to the data",
                "3 -> 5: no change to the data");
    }

    @Test
    void overlappingStepsAreRefused() {
        assertThatThrownBy(() -> MigrationRegistry.of(List.of(step(1, 3), step(2, 3)), 3))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("migrations: migration step 1 -> 3 and migration step 2 -> 3 overlap: both migrate "
                        + "version 2. There must be exactly one chain of steps between two versions; remove or "
                        + "merge one of them");
        assertThatThrownBy(() -> MigrationRegistry.of(List.of(step(1, 2), step(1, 2)), 2))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("overlap");
    }

    @Test
    void aGapBetweenStepsIsRefused() {
        assertThatThrownBy(() -> MigrationRegistry.of(List.of(step(1, 2), step(3, 4)), 4))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("migrations: no step leads from version 2 to version 3, between migration step 1 -> 2 "
                        + "and migration step 3 -> 4; register a step from 2 to 3");
    }

    @Test
    void aStepPastTheCurrentVersionIsRefused() {
        assertThatThrownBy(() -> MigrationRegistry.of(List.of(step(1, 2), step(2, 3)), 2))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("migrations: migration step 2 -> 3 (no change to the data) leads past the application's "
                        + "schemaVersion 2; raise schemaVersion to 3 or remove the step");
    }

    @Test
    void stepsThatStopShortOfTheCurrentVersionAreRefused() {
        assertThatThrownBy(() -> MigrationRegistry.of(List.of(step(1, 2)), 3))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("migrations: the steps end at version 2 but the application's schemaVersion "
                        + "is 3; register a step from 2 to 3");
    }

    @Test
    void aStepThatDoesNotLeadUpwardsIsRefused() {
        Migration backwards = new Migration() {
            @Override
            public int fromVersion() {
                return 3;
            }

            @Override
            public int toVersion() {
                return 2;
            }

            @Override
            public TableMigration table(TableSchema table) {
                return null;
            }
        };

        assertThatThrownBy(() -> MigrationRegistry.of(List.of(backwards), 3))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("migration step 3 -> 2")
                .hasMessageContaining("must lead from a version of 0 or more to a higher one");
    }

    @Test
    void noRegisteredStepsMeansOnlyTheCurrentVersionIsAccepted() {
        MigrationRegistry registry = MigrationRegistry.of(List.of(), 3);

        assertThatThrownBy(() -> registry.plan(1, 3, null)).isInstanceOf(NoPathException.class)
                .hasMessage("no migration steps are registered (a chain of steps from version 1 to version 3 is "
                        + "needed)");
    }

    @Test
    void anArchiveOlderThanTheFirstStepNamesTheStepThatIsMissing() {
        MigrationRegistry registry = MigrationRegistry.of(List.of(step(2, 3)), 3);

        assertThatThrownBy(() -> registry.plan(1, 3, null)).isInstanceOf(NoPathException.class)
                .hasMessage("no migration step leads from version 1 to version 2 (the registered steps start at "
                        + "version 2)");
    }

    @Test
    void anArchiveAtAVersionInsideAStepCannotBeMigrated() {
        MigrationRegistry registry = MigrationRegistry.of(List.of(step(1, 3)), 3);

        assertThatThrownBy(() -> registry.plan(2, 3, null)).isInstanceOf(NoPathException.class)
                .hasMessage("version 2 lies inside migration step 1 -> 3, so no chain of steps starts there (steps "
                        + "from version 1 to 2 and from 2 to 3 would connect it)");
    }
}
