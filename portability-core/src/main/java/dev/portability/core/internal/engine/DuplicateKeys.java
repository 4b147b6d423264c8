package dev.portability.core.internal.engine;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Finds repeated primary keys in one streaming pass. It remembers a 64-bit hash per key up to a cap, and watches
 * whether keys arrive in strictly ascending order (an export reads in key order). Ascending keys are unique by
 * construction, so past the cap an ascending table is still fully checked; only a table that is both larger
 * than the cap and out of order goes partly unchecked, and then the store's own primary key constraint is the
 * last line of defence.
 */
final class DuplicateKeys {

    private final int capacity;
    private Object[] previous;
    private boolean ascending = true;
    private LongSet seen = new LongSet();
    private boolean gaveUp;

    /** @param capacity the most key hashes remembered */
    DuplicateKeys(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Records a key.
     *
     * @param key the key values
     * @return true if the key was seen before (certain for ascending keys; otherwise with a one in 2^64 chance of
     *     a false alarm per pair of keys)
     */
    boolean add(Object[] key) {
        if (gaveUp) {
            return false;
        }
        if (ascending && previous != null) {
            int order = compare(previous, key);
            if (order == 0) {
                return true;
            }
            if (order > 0) {
                ascending = false;
                if (seen == null) {
                    gaveUp = true;
                    return false;
                }
            }
        }
        if (ascending) {
            previous = key.clone();
        }
        if (seen == null) {
            return false;
        }
        boolean added = seen.add(hash(key));
        if (seen.size() >= capacity) {
            seen = null;
            if (!ascending) {
                gaveUp = true;
            }
        }
        return !added;
    }

    /** @return whether some keys could not be checked (more than the cap, and out of order) */
    boolean gaveUp() {
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

    static long hash(Object[] key) {
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
}
