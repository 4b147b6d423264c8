package dev.portability.core.internal.engine;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/**
 * Finds repeated primary keys in one streaming pass. It remembers a 64-bit hash per key, with the row it came
 * from, up to a cap, and watches whether keys arrive in strictly ascending order (an export reads in key order).
 * Ascending keys are unique by construction, so past the cap an ascending table is still fully checked; only a
 * table that is both larger than the cap and out of order goes partly unchecked, and then the store's own primary
 * key constraint is the last line of defence. While keys ascend, their hashes are only appended to a list (nothing
 * can repeat yet); the first key out of order builds the hash table from that list and every later key is looked up
 * in it.
 */
public final class DuplicateKeys {

    /** {@link #add} found no earlier row with the key. */
    public static final long NEW = 0;
    /** {@link #add} found the key before, in a row it cannot name (beyond row 2^31 - 1). */
    public static final long SEEN_IN_UNKNOWN_ROW = -1;

    private final int capacity;
    private Object[] previous;
    private long previousRow;
    private boolean ascending = true;
    /** The hashes and rows of the keys so far, while they ascend; null once they did not, or past the cap. */
    private HashList appended = new HashList();
    /** The hashes of the keys so far, once a key came out of order; null before, or past the cap. */
    private HashRows seen;
    private boolean gaveUp;

    /** @param capacity the most key hashes remembered */
    public DuplicateKeys(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Records a key.
     *
     * @param key the key values
     * @param row the 1-based row the key comes from
     * @return the earlier row with the same key, {@link #SEEN_IN_UNKNOWN_ROW}, or {@link #NEW} (certain for
     *     ascending keys; otherwise with a one in 2^64 chance of a false alarm per pair of keys)
     */
    public long add(Object[] key, long row) {
        if (gaveUp) {
            return NEW;
        }
        if (ascending && previous != null) {
            int order = compare(previous, key);
            if (order == 0) {
                return previousRow;
            }
            if (order > 0) {
                ascending = false;
            }
        }
        if (ascending) {
            previous = key.clone();
            previousRow = row;
            if (appended != null) {
                appended.add(hash(key), row);
                if (appended.size() >= capacity) {
                    appended = null; // ascending keys need no memory; if they stop ascending, the rest goes unchecked
                }
            }
            return NEW;
        }
        if (seen == null) {
            if (appended == null) {
                gaveUp = true;
                return NEW;
            }
            seen = appended.toHashRows();
            appended = null;
        }
        long earlier = seen.add(hash(key), row);
        if (seen.size() >= capacity) {
            seen = null;
            gaveUp = true;
        }
        return earlier;
    }

    /** @return whether some keys could not be checked (more than the cap, and out of order) */
    public boolean gaveUp() {
        return gaveUp;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object[] a, Object[] b) {
        for (int i = 0; i < a.length; i++) {
            Object x = a[i];
            Object y = b[i];
            if (x == null || y == null || x.getClass() != y.getClass() || !(x instanceof Comparable)) {
                return 1; // not comparable: treat as out of order
            }
            int c = ((Comparable) x).compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    public static long hash(Object[] key) {
        long h = 0x9E3779B97F4A7C15L;
        for (Object value : key) {
            h = mix(h ^ valueHash(value));
        }
        return h;
    }

    private static long valueHash(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Long l) {
            return mix(l);
        }
        if (value instanceof UUID u) {
            return mix(u.getMostSignificantBits() ^ mix(u.getLeastSignificantBits()));
        }
        if (value instanceof byte[] bytes) {
            return fnv(bytes);
        }
        if (value instanceof BigDecimal d) {
            return fnv((d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString())
                    .getBytes(StandardCharsets.UTF_8));
        }
        return fnv(value.toString().getBytes(StandardCharsets.UTF_8)) ^ value.getClass().getName().hashCode();
    }

    private static long fnv(byte[] bytes) {
        long h = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            h ^= b;
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Hashes and row numbers in arrival order: 12 bytes per key, written in sequence. */
    private static final class HashList {
        private long[] hashes = new long[1024];
        private int[] rows = new int[1024];
        private int size;

        void add(long hash, long row) {
            if (size == hashes.length) {
                hashes = Arrays.copyOf(hashes, size * 2);
                rows = Arrays.copyOf(rows, size * 2);
            }
            hashes[size] = hash;
            rows[size] = row > Integer.MAX_VALUE ? -1 : (int) row;
            size++;
        }

        int size() {
            return size;
        }

        /** @return the same keys in a hash table (distinct: they ascended) */
        HashRows toHashRows() {
            HashRows table = new HashRows();
            for (int i = 0; i < size; i++) {
                table.add(hashes[i], rows[i] < 0 ? Long.MAX_VALUE : rows[i]);
            }
            return table;
        }
    }

    /** An open-addressing map of long hashes to row numbers: 12 to 24 bytes per key. */
    private static final class HashRows {
        private long[] slots = new long[1024];
        private int[] rows = new int[1024];
        private boolean hasZero;
        private int zeroRow;
        private int size;

        /** @return the row recorded for the value before, or {@link #NEW} after recording {@code row} for it */
        public long add(long value, long row) {
            int rowNumber = row > Integer.MAX_VALUE ? -1 : (int) row;
            if (value == 0) {
                if (hasZero) {
                    return zeroRow;
                }
                hasZero = true;
                zeroRow = rowNumber;
                size++;
                return NEW;
            }
            if ((size + 1) * 2 > slots.length) {
                grow();
            }
            int mask = slots.length - 1;
            int i = (int) (value ^ (value >>> 32)) & mask;
            while (slots[i] != 0) {
                if (slots[i] == value) {
                    return rows[i];
                }
                i = (i + 1) & mask;
            }
            slots[i] = value;
            rows[i] = rowNumber;
            size++;
            return NEW;
        }

        public int size() {
            return size;
        }

        private void grow() {
            long[] old = slots;
            int[] oldRows = rows;
            slots = new long[old.length * 2];
            rows = new int[old.length * 2];
            int mask = slots.length - 1;
            for (int o = 0; o < old.length; o++) {
                long value = old[o];
                if (value != 0) {
                    int i = (int) (value ^ (value >>> 32)) & mask;
                    while (slots[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    slots[i] = value;
                    rows[i] = oldRows[o];
                }
            }
        }
    }
}
