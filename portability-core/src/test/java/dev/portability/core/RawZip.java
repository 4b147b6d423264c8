package dev.portability.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes ZIP files byte by byte, so that tests can build what {@code ZipOutputStream} refuses to write: duplicate
 * names, unsafe names, encrypted flags, unknown compression methods.
 */
final class RawZip {

    private final List<Entry> entries = new ArrayList<>();

    private record Entry(String name, byte[] data, int method, int flags, int declaredMethod) {
    }

    /** Adds a stored entry. */
    RawZip stored(String name, byte[] data) {
        entries.add(new Entry(name, data, 0, 0, 0));
        return this;
    }

    RawZip stored(String name, String text) {
        return stored(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds a deflated entry. */
    RawZip deflated(String name, byte[] data) {
        entries.add(new Entry(name, data, 8, 0, 8));
        return this;
    }

    /** Adds a stored entry whose headers claim the given flags and method. */
    RawZip odd(String name, byte[] data, int flags, int declaredMethod) {
        entries.add(new Entry(name, data, 0, flags, declaredMethod));
        return this;
    }

    /** Copies every entry of an existing archive. */
    RawZip copy(Path archive) throws IOException {
        Archives.entries(archive).forEach(this::deflated);
        return this;
    }

    Path write(Path path) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        for (Entry entry : entries) {
            byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
            byte[] body = entry.method() == 8 ? deflate(entry.data()) : entry.data();
            CRC32 crc = new CRC32();
            crc.update(entry.data());
            int offset = out.size();
            header(out, 0x04034b50, false, entry, name, body.length, (int) crc.getValue(), 0);
            out.write(name);
            out.write(body);
            header(central, 0x02014b50, true, entry, name, body.length, (int) crc.getValue(), offset);
            central.write(name);
        }
        int centralOffset = out.size();
        out.write(central.toByteArray());
        int32(out, 0x06054b50);
        int16(out, 0);
        int16(out, 0);
        int16(out, entries.size() & 0xffff);
        int16(out, entries.size() & 0xffff);
        int32(out, central.size());
        int32(out, centralOffset);
        int16(out, 0);
        return Files.write(path, out.toByteArray());
    }

    private static void header(ByteArrayOutputStream out, int signature, boolean central, Entry entry, byte[] name,
            int compressed, int crc, int offset) {
        int32(out, signature);
        if (central) {
            int16(out, 20);
        }
        int16(out, 20);
        int16(out, entry.flags() | 0x0800); // UTF-8 names
        int16(out, entry.declaredMethod());
        int16(out, 0);
        int16(out, 0x21);
        int32(out, crc);
        int32(out, compressed);
        int32(out, entry.data().length);
        int16(out, name.length);
        int16(out, 0);
        if (central) {
            int16(out, 0);
            int16(out, 0);
            int16(out, 0);
            int32(out, 0);
            int32(out, offset);
        }
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static void int16(ByteArrayOutputStream out, int value) {
        out.write(value & 0xff);
        out.write((value >>> 8) & 0xff);
    }

    private static void int32(ByteArrayOutputStream out, int value) {
        int16(out, value & 0xffff);
        int16(out, (value >>> 16) & 0xffff);
    }
}
