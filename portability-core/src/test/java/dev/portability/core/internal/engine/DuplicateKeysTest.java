package dev.portability.core.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Repeated keys are found, with the row that had the key first, in and out of key order, up to the cap. */
class DuplicateKeysTest {

    private static Object[] key(long id) {
        return new Object[] {id};
    }

    @Test
    void ascendingKeysAreNewAndARepeatNamesTheRowBefore() {
        DuplicateKeys keys = new DuplicateKeys(1_000);
        for (long row = 1; row <= 100; row++) {
            assertThat(keys.add(key(row * 10), row)).isEqualTo(DuplicateKeys.NEW);
        }
        assertThat(keys.add(key(1000), 101)).isEqualTo(100);
        assertThat(keys.gaveUp()).isFalse();
    }

    @Test
    void aKeyOutOfOrderIsLookedUpAmongEveryKeyBeforeIt() {
        DuplicateKeys keys = new DuplicateKeys(1_000);
        for (long row = 1; row <= 500; row++) {
            keys.add(key(row), row);
        }
        assertThat(keys.add(key(250), 501)).isEqualTo(250); // the first key out of order
        assertThat(keys.add(key(7), 502)).isEqualTo(7);
        assertThat(keys.add(key(9_999), 503)).isEqualTo(DuplicateKeys.NEW);
        assertThat(keys.add(key(9_999), 504)).isEqualTo(503);
        assertThat(keys.add(key(1), 505)).isEqualTo(1);
        assertThat(keys.add(key(-1), 506)).isEqualTo(DuplicateKeys.NEW);
        assertThat(keys.gaveUp()).isFalse();
    }

    @Test
    void compositeAndTextKeysToo() {
        DuplicateKeys keys = new DuplicateKeys(100);
        assertThat(keys.add(new Object[] {"b", 1L}, 1)).isEqualTo(DuplicateKeys.NEW);
        assertThat(keys.add(new Object[] {"b", 2L}, 2)).isEqualTo(DuplicateKeys.NEW);
        assertThat(keys.add(new Object[] {"a", 9L}, 3)).isEqualTo(DuplicateKeys.NEW);
        assertThat(keys.add(new Object[] {"b", 1L}, 4)).isEqualTo(1);
    }

    @Test
    void pastTheCapAscendingKeysAreStillCheckedAndDisorderGivesUp() {
        DuplicateKeys keys = new DuplicateKeys(10);
        for (long row = 1; row <= 50; row++) {
            assertThat(keys.add(key(row), row)).isEqualTo(DuplicateKeys.NEW);
        }
        assertThat(keys.add(key(50), 51)).isEqualTo(50);
        assertThat(keys.gaveUp()).isFalse();
        assertThat(keys.add(key(3), 52)).isEqualTo(DuplicateKeys.NEW);
        assertThat(keys.gaveUp()).isTrue();
    }

    @Test
    void outOfOrderKeysUpToTheCapAreCheckedThenItGivesUp() {
        DuplicateKeys keys = new DuplicateKeys(10);
        keys.add(key(5), 1);
        keys.add(key(1), 2);
        for (long row = 3; row <= 9; row++) {
            assertThat(keys.add(key(100 - row), row)).isEqualTo(DuplicateKeys.NEW);
        }
        assertThat(keys.add(key(5), 10)).isEqualTo(1);
        assertThat(keys.gaveUp()).isFalse();
        keys.add(key(1_000), 11);
        assertThat(keys.gaveUp()).isTrue();
    }

    @Test
    void aRowBeyondTwoToThe31IsNamedUnknown() {
        DuplicateKeys keys = new DuplicateKeys(100);
        keys.add(key(10), 3_000_000_000L);
        keys.add(key(20), 3_000_000_001L);
        assertThat(keys.add(key(10), 3_000_000_002L)).isEqualTo(DuplicateKeys.SEEN_IN_UNKNOWN_ROW);
    }
}
