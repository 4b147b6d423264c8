package dev.portability.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portability.api.ArchiveLimits;
import org.junit.jupiter.api.Test;

/** A built instance tells what it was built with: what a host shows on an info page or checks its limits against. */
class ConfigurationAccessorsTest {

    @Test
    void anInstanceReturnsItsApplicationSchemaVersionAndLimits() {
        ArchiveLimits limits = ArchiveLimits.defaults().withMaxArchiveBytes(1234567);
        Portability portability = Portability.builder().application("shop").schemaVersion(7)
                .store(Fixtures.shop(1)).limits(limits).build();

        assertThat(portability.application()).isEqualTo("shop");
        assertThat(portability.schemaVersion()).isEqualTo(7);
        assertThat(portability.limits().maxArchiveBytes()).isEqualTo(1234567);
    }

    @Test
    void withoutLimitsAnInstanceHasTheDefaults() {
        Portability portability = Fixtures.portability(Fixtures.shop(1));

        assertThat(portability.limits().maxArchiveBytes()).isEqualTo(ArchiveLimits.defaults().maxArchiveBytes());
        assertThat(portability.schemaVersion()).isEqualTo(1);
    }
}
