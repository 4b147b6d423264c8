package dev.portability.core.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.Base64;

/**
 * Decodes a binary value's base64 string (RFC 4648, the basic alphabet, as {@link Base64#getDecoder()} reads it)
 * from the parser's text buffer: a long string is decoded from the buffer's segments straight into a byte array
 * of the exact size, without a {@link String} or {@code char[]} copy of the text. A value of N bytes then needs
 * the parser's buffer (2 bytes per base64 character, 8N/3 bytes) and the N bytes, instead of about 6N.
 */
final class Base64Text {

    /** Strings of at most this many characters are decoded from a String: quicker for the many small values. */
    private static final int SMALL = 1 << 14;

    private static final byte[] DECODE = new byte[128];

    static {
        Arrays.fill(DECODE, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            DECODE[alphabet.charAt(i)] = (byte) i;
        }
    }

    private Base64Text() {
    }

    /**
     * Decodes the parser's current string.
     *
     * @param parser a parser on a {@code VALUE_STRING}
     * @return the bytes
     * @throws ValueException if the string is not base64
     * @throws IOException if reading fails (a string past the parser's length limit included)
     */
    static byte[] decode(JsonParser parser) throws IOException, ValueException {
        int length = parser.getTextLength(); // reads the whole string into the parser's buffer, within its limits
        if (length <= SMALL) {
            String text = parser.getText();
            try {
                return Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new ValueException(ValueCodec.show(text) + " is not base64 (" + e.getMessage() + ")");
            }
        }
        // the last unit (up to 4 characters, padding included) is decoded by Java's decoder, for its rules on
        // padding; everything before it must be whole units of the alphabet
        int tailLength = length % 4 == 0 ? 4 : length % 4;
        Tail tail = new Tail(length - tailLength);
        parser.getText(tail);
        byte[] end;
        try {
            end = Base64.getDecoder().decode(new String(tail.chars, 0, tail.filled));
        } catch (IllegalArgumentException e) {
            throw new ValueException("a base64 string of " + length + " characters is not base64: its last unit "
                    + "is wrong (" + e.getMessage() + ")");
        }
        int prefix = length - tailLength;
        Body body = new Body(new byte[prefix / 4 * 3 + end.length], prefix);
        parser.getText(body);
        if (body.error != null) {
            throw new ValueException("a base64 string of " + length + " characters is not base64: " + body.error);
        }
        System.arraycopy(end, 0, body.out, prefix / 4 * 3, end.length);
        return body.out;
    }

    /** Keeps the characters from an offset on. */
    private static final class Tail extends Writer {
        private final int from;
        private final char[] chars = new char[4];
        private int filled;
        private long seen;

        Tail(int from) {
            this.from = from;
        }

        @Override
        public void write(char[] buffer, int offset, int length) {
            for (int i = 0; i < length; i++, seen++) {
                if (seen >= from) {
                    chars[filled++] = buffer[offset + i];
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /** Decodes whole units of the alphabet up to an offset, and notes the first character that is not one. */
    private static final class Body extends Writer {
        private final byte[] out;
        private final int end;
        private int seen;
        private int at;
        private int bits;
        private int count;
        private String error;

        Body(byte[] out, int end) {
            this.out = out;
            this.end = end;
        }

        @Override
        public void write(char[] buffer, int offset, int length) {
            int n = Math.min(length, end - seen);
            for (int i = 0; i < n && error == null; i++) {
                char c = buffer[offset + i];
                int sextet = c < 128 ? DECODE[c] : -1;
                if (sextet < 0) {
                    error = "character " + (seen + i) + " is " + (c == '=' ? "padding ('=') before the end"
                            : String.format("U+%04X, which is not in the base64 alphabet", (int) c));
                    break;
                }
                bits = bits << 6 | sextet;
                if (++count == 4) {
                    out[at++] = (byte) (bits >> 16);
                    out[at++] = (byte) (bits >> 8);
                    out[at++] = (byte) bits;
                    bits = 0;
                    count = 0;
                }
            }
            seen += Math.max(n, 0);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
