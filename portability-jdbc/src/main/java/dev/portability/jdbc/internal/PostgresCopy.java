package dev.portability.jdbc.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * PostgreSQL's {@code COPY ... FROM STDIN}, reached through pgjdbc's copy API by reflection: the driver is the
 * host's, not a compile-time dependency of this module. {@link #open} returns null where the connection does not
 * unwrap to a pgjdbc connection (another driver, a pool that hides it); the caller then inserts instead.
 */
final class PostgresCopy implements AutoCloseable {

    /** Bytes buffered before they are sent. */
    private static final int FLUSH_AT = 1 << 16;

    private final Object copyIn;
    private final Method write;
    private final Method end;
    private final Method cancel;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 1024);
    private final Bytes binary = new Bytes(FLUSH_AT + 1024);
    private boolean ended;

    private PostgresCopy(Object copyIn, Method write, Method end, Method cancel) {
        this.copyIn = copyIn;
        this.write = write;
        this.end = end;
        this.cancel = cancel;
    }

    /**
     * Starts a COPY.
     *
     * @param connection a pgjdbc connection, possibly wrapped by a pool
     * @param sql the {@code COPY ... FROM STDIN} statement
     * @return the open copy, or null if the connection is not a pgjdbc one
     * @throws SQLException if the server refuses the statement
     */
    static PostgresCopy open(Connection connection, String sql) throws SQLException {
        Class<?> pgConnection;
        Class<?> copyInType;
        try {
            ClassLoader loader = connection.getClass().getClassLoader();
            pgConnection = Class.forName("org.postgresql.PGConnection", false, loader);
            copyInType = Class.forName("org.postgresql.copy.CopyIn", false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        if (!connection.isWrapperFor(pgConnection)) {
            return null;
        }
        Object pg = connection.unwrap(pgConnection);
        try {
            Object api = pgConnection.getMethod("getCopyAPI").invoke(pg);
            Method copyIn = Class.forName("org.postgresql.copy.CopyManager", false, pgConnection.getClassLoader())
                    .getMethod("copyIn", String.class);
            return new PostgresCopy(copyIn.invoke(api, sql),
                    copyInType.getMethod("writeToCopy", byte[].class, int.class, int.class),
                    copyInType.getMethod("endCopy"), copyInType.getMethod("cancelCopy"));
        } catch (InvocationTargetException e) {
            throw sqlException(e);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** @return the buffer to append COPY text rows to; call {@link #flushIfFull()} after each row */
    StringBuilder buffer() {
        return buffer;
    }

    /** @return the buffer to append binary COPY data to; call {@link #flushIfFull()} after each row */
    Bytes binary() {
        return binary;
    }

    /**
     * A growable buffer of big-endian binary data (what {@code DataOutputStream} over a
     * {@code ByteArrayOutputStream} writes, without a call and a lock per byte).
     */
    static final class Bytes {
        private byte[] bytes;
        private int size;

        Bytes(int capacity) {
            bytes = new byte[capacity];
        }

        private void room(int more) {
            if (size + more > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        void writeByte(int value) {
            room(1);
            bytes[size++] = (byte) value;
        }

        void writeShort(int value) {
            room(2);
            bytes[size++] = (byte) (value >>> 8);
            bytes[size++] = (byte) value;
        }

        void writeInt(int value) {
            room(4);
            bytes[size++] = (byte) (value >>> 24);
            bytes[size++] = (byte) (value >>> 16);
            bytes[size++] = (byte) (value >>> 8);
            bytes[size++] = (byte) value;
        }

        void writeLong(long value) {
            writeInt((int) (value >>> 32));
            writeInt((int) value);
        }

        void write(byte[] data) {
            room(data.length);
            System.arraycopy(data, 0, bytes, size, data.length);
            size += data.length;
        }

        int size() {
            return size;
        }

        /** @return the buffer itself, of which the first {@link #size()} bytes are written */
        byte[] array() {
            return bytes;
        }
    }

    /**
     * Sends the buffer once it is large.
     *
     * @throws SQLException if the server fails
     */
    void flushIfFull() throws SQLException {
        if (buffer.length() >= FLUSH_AT || binary.size() >= FLUSH_AT) {
            flush();
        }
    }

    private void flush() throws SQLException {
        if (buffer.length() > 0) {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            buffer.setLength(0);
            invoke(write, bytes, 0, bytes.length);
        }
        if (binary.size > 0) {
            int size = binary.size;
            binary.size = 0;
            invoke(write, binary.bytes, 0, size);
        }
    }

    /**
     * Sends what is buffered, then a large field's bytes as they are, without copying them into the buffer.
     *
     * @param bytes the bytes
     * @throws SQLException if the server fails
     */
    void sendDirect(byte[] bytes) throws SQLException {
        flush();
        if (bytes.length > 0) {
            invoke(write, bytes, 0, bytes.length);
        }
    }

    /**
     * Sends what is buffered, then a large text in UTF-8, encoded piece by piece: never the whole text's bytes at
     * once.
     *
     * @param text the text, without unpaired surrogates
     * @throws SQLException if the server fails
     */
    void sendUtf8(String text) throws SQLException {
        flush();
        java.nio.charset.CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
        java.nio.CharBuffer in = java.nio.CharBuffer.wrap(text);
        java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(FLUSH_AT);
        while (true) {
            java.nio.charset.CoderResult result = encoder.encode(in, out, true);
            if (result.isError()) {
                throw new SQLException("the text cannot be encoded in UTF-8: " + result);
            }
            if (out.position() > 0) {
                invoke(write, out.array(), 0, out.position());
                out.clear();
            }
            if (result.isUnderflow()) {
                break;
            }
        }
        encoder.flush(out);
        if (out.position() > 0) {
            invoke(write, out.array(), 0, out.position());
        }
    }

    /**
     * Sends the rest and ends the copy.
     *
     * @throws SQLException if the server refuses any row
     */
    void finish() throws SQLException {
        flush();
        ended = true;
        invoke(end);
    }

    /** Cancels an unfinished copy, so the connection can be used (and rolled back) afterwards. */
    @Override
    public void close() {
        if (!ended) {
            ended = true;
            try {
                invoke(cancel);
            } catch (SQLException e) {
                // the copy failed already; the transaction is rolled back by the caller
            }
        }
    }

    private Object invoke(Method method, Object... args) throws SQLException {
        try {
            return method.invoke(copyIn, args);
        } catch (InvocationTargetException e) {
            throw sqlException(e);
        } catch (IllegalAccessException e) {
            throw new SQLException("cannot call pgjdbc's copy API: " + e.getMessage(), e);
        }
    }

    private static SQLException sqlException(InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof SQLException sql) {
            return sql;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        return new SQLException(String.valueOf(cause), cause);
    }
}
