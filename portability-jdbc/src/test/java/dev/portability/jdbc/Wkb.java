package dev.portability.jdbc;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;

/**
 * Builds the expected binary forms of geometries from coordinates, independently of any database: MariaDB's
 * internal form (4-byte little-endian SRID, then little-endian WKB) and H2's EWKB (big-endian WKB whose type carries
 * the SRID flag {@code 0x20000000} followed by the SRID). WKB layout: OGC Simple Features, "Well-known Binary".
 */
final class Wkb {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteOrder order;
    private final Integer ewkbSrid;

    private Wkb(ByteOrder order, Integer ewkbSrid) {
        this.order = order;
        this.ewkbSrid = ewkbSrid;
    }

    /** @return a builder of MariaDB's internal form with the given SRID */
    static Wkb le(int srid) {
        Wkb wkb = new Wkb(ByteOrder.LITTLE_ENDIAN, null);
        wkb.out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(srid).array());
        return wkb;
    }

    /** @return a builder of H2's EWKB, with the SRID if it is not 0 */
    static Wkb ewkb(int srid) {
        return new Wkb(ByteOrder.BIG_ENDIAN, srid);
    }

    private void header(int type, boolean outer) {
        out.write(order == ByteOrder.LITTLE_ENDIAN ? 1 : 0);
        boolean srid = outer && ewkbSrid != null && ewkbSrid != 0;
        integer(srid ? type | 0x20000000 : type);
        if (srid) {
            integer(ewkbSrid);
        }
    }

    private void integer(int value) {
        out.writeBytes(ByteBuffer.allocate(4).order(order).putInt(value).array());
    }

    private void coordinates(double... xy) {
        for (double d : xy) {
            out.writeBytes(ByteBuffer.allocate(8).order(order).putDouble(d).array());
        }
    }

    Wkb point(double x, double y) {
        header(1, true);
        coordinates(x, y);
        return this;
    }

    Wkb lineString(double... xy) {
        header(2, true);
        integer(xy.length / 2);
        coordinates(xy);
        return this;
    }

    /** A polygon of one ring. */
    Wkb polygon(double... xy) {
        header(3, true);
        integer(1);
        integer(xy.length / 2);
        coordinates(xy);
        return this;
    }

    Wkb multiPoint(double... xy) {
        header(4, true);
        integer(xy.length / 2);
        for (int i = 0; i < xy.length; i += 2) {
            header(1, false);
            coordinates(xy[i], xy[i + 1]);
        }
        return this;
    }

    Wkb collectionOfPoint(double x, double y) {
        header(7, true);
        integer(1);
        header(1, false);
        coordinates(x, y);
        return this;
    }

    /** @return the bytes as upper-case hex */
    String hex() {
        return HexFormat.of().withUpperCase().formatHex(out.toByteArray());
    }
}
