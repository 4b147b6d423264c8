package dev.portability.web.internal;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Random 128-bit ids of uploads and operations: unguessable, and safe in a file name. */
final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

    private Ids() {
    }

    /** @return a new id, 32 lowercase hex digits */
    static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * @param text a path segment
     * @return whether it has the form of an id (never a path)
     */
    static boolean valid(String text) {
        return text != null && ID.matcher(text).matches();
    }
}
