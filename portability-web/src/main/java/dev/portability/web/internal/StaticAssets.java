package dev.portability.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The page's files, from a fixed allow-list of classpath resources in a folder no container serves on its own
 * ({@code dev/portability/web/static/}): nothing from the URL becomes a resource path. A name on the list whose
 * resource the jar lacks is a 404, like any name off the list.
 */
final class StaticAssets {

    /** The folder of the resources. */
    static final String FOLDER = "/dev/portability/web/static/";

    /** Request path → resource name and content type. */
    private static final Map<String, Asset> ALLOWED = Map.of(
            "", new Asset("index.html", "text/html; charset=utf-8"),
            "index.html", new Asset("index.html", "text/html; charset=utf-8"),
            "app.js", new Asset("app.js", "text/javascript; charset=utf-8"),
            "app.css", new Asset("app.css", "text/css; charset=utf-8"));

    /** One file. */
    record Asset(String resource, String contentType) {
        boolean html() {
            return resource.endsWith(".html");
        }
    }

    /** A loaded file. */
    record Loaded(Asset asset, byte[] bytes, String etag) {
    }

    private final Map<String, Optional<Loaded>> cache = new ConcurrentHashMap<>();

    /**
     * @param path the request path below the mount
     * @return whether the path names a file of the page (loaded or not)
     */
    static boolean isAsset(String path) {
        return ALLOWED.containsKey(path);
    }

    /**
     * @param path the request path below the mount
     * @return the file, if on the list and in the jar
     */
    Optional<Loaded> get(String path) {
        Asset asset = ALLOWED.get(path);
        if (asset == null) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(asset.resource(), name -> load(asset));
    }

    private static Optional<Loaded> load(Asset asset) {
        try (InputStream in = StaticAssets.class.getResourceAsStream(FOLDER + asset.resource())) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Optional.of(new Loaded(asset, bytes, "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Fills the page's placeholders: the host's CSRF header name and token (HTML-escaped).
     *
     * @param page the page
     * @param csrfHeader the header name, or null
     * @param csrfToken the token, or null
     * @return the page's bytes
     */
    static byte[] render(Loaded page, String csrfHeader, String csrfToken) {
        String html = new String(page.bytes(), StandardCharsets.UTF_8)
                .replace("{{csrfHeader}}", escape(csrfHeader))
                .replace("{{csrfToken}}", escape(csrfToken));
        return html.getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
