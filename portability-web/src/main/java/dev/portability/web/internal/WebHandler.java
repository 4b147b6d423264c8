package dev.portability.web.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portability.api.PortabilityException;
import dev.portability.web.CsrfToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's request handling, free of any server API: routes a {@link WebRequest} to its endpoint, applies
 * the cross-site request checks and the access policy's decision, and answers a {@link WebResponse} with the
 * security headers every response carries. docs/web.md describes every endpoint.
 */
public final class WebHandler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("dev.portability.web");

    /** The header every state-changing request must carry; browsers send it cross-site only after a preflight. */
    public static final String REQUEST_HEADER = "X-Portability-Request";
    /** The optional header naming an upload's file, percent-encoded UTF-8; shown, never used as a path. */
    public static final String FILENAME_HEADER = "X-Portability-Filename";
    /** The Content-Security-Policy of every response. */
    public static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static final Set<String> ARCHIVE_TYPES = Set.of("application/zip", "application/octet-stream",
            "application/x-zip-compressed");
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_TABLES = 10_000;

    private final WebSettings settings;
    private final CoreApi core;
    private final Spool spool;
    private final Operations operations;
    private final StaticAssets assets = new StaticAssets();
    private final ScheduledExecutorService sweeper;

    /** @param settings the configuration */
    public WebHandler(WebSettings settings) {
        this.settings = settings;
        this.core = settings.core();
        this.spool = new Spool(settings.spoolRoot(), settings.retention(), settings.clock(), settings.usableSpace());
        this.operations = new Operations(settings.clock(), settings.retention());
        this.sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "portability-web-cleanup");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(1000, Math.min(60_000, settings.retention().toMillis() / 4));
        sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    /** Deletes expired uploads, operations and export files. */
    void sweep() {
        try {
            spool.sweep();
            operations.sweep();
        } catch (RuntimeException e) {
            LOG.warn("cleaning up the spool failed: {}", e.toString(), e);
        }
    }

    /** @return the spool directory, or null before the first upload or export */
    public Path spoolDirectory() {
        return spool.existingDirectory();
    }

    /**
     * Answers a request. Never throws: every failure becomes problem details.
     *
     * @param request the request
     * @return the response, with the security headers
     */
    public WebResponse handle(WebRequest request) {
        WebResponse response;
        try {
            response = route(request);
        } catch (HttpProblem problem) {
            response = WebResponse.problem(problem);
        } catch (PortabilityException e) {
            response = WebResponse.problem(CoreApi.problem(e, null));
        } catch (RuntimeException e) {
            LOG.error("{} {} failed: {}", request.method(), request.path(), e.toString(), e);
            response = WebResponse.problem(CoreApi.problem(e, null));
        }
        return secure(response);
    }

    private static WebResponse secure(WebResponse response) {
        response.header("Content-Security-Policy", CSP);
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        response.header("Referrer-Policy", "no-referrer");
        response.header("Cross-Origin-Opener-Policy", "same-origin");
        response.header("Cross-Origin-Resource-Policy", "same-origin");
        if (!response.headers().containsKey("Cache-Control")) {
            response.header("Cache-Control", "no-store");
        }
        return response;
    }

    private WebResponse route(WebRequest request) {
        String path = request.path();
        String method = request.method();
        if (path == null) {
            allow(method, "GET");
            require(request, Need.VIEW);
            return WebResponse.empty(302).header("Location", request.mountName() + "/");
        }
        if (!path.startsWith("api/")) {
            if (!StaticAssets.isAsset(path)) {
                throw notFound(path);
            }
            allow(method, "GET");
            require(request, Need.VIEW);
            return asset(request, path);
        }
        String[] parts = path.split("/", -1);
        String id = parts.length == 4 ? parts[3] : null;
        switch (path) {
            case "api/info" -> {
                allow(method, "GET");
                require(request, Need.VIEW);
                return WebResponse.json(200, info(request));
            }
            case "api/export/stats" -> {
                allow(method, "GET");
                require(request, Need.VIEW);
                return WebResponse.json(200, core.stats());
            }
            case "api/export/generate" -> {
                allow(method, "POST");
                checkCrossSite(request);
                require(request, Need.EXPORT);
                return generate(request);
            }
            case "api/import/uploads" -> {
                allow(method, "POST");
                checkCrossSite(request);
                require(request, Need.IMPORT);
                return upload(request);
            }
            case "api/import/validate", "api/import/preview", "api/import/execute" -> {
                allow(method, "POST");
                checkCrossSite(request);
                require(request, Need.IMPORT);
                return startImport(request, parts[2]);
            }
            default -> {
                // paths with an id
            }
        }
        if (id != null && path.startsWith("api/export/files/")) {
            allow(method, "GET");
            require(request, Need.EXPORT);
            return download(id);
        }
        if (id != null && path.startsWith("api/import/uploads/")) {
            allow(method, "GET", "DELETE");
            if (!method.equals("GET")) {
                checkCrossSite(request);
            }
            require(request, Need.IMPORT);
            return method.equals("GET") ? describeUpload(id) : deleteUpload(id);
        }
        if (parts.length == 3 && path.startsWith("api/operations/")) {
            allow(method, "GET", "DELETE");
            if (!method.equals("GET")) {
                checkCrossSite(request);
            }
            return operation(request, parts[2]);
        }
        throw notFound(path);
    }

    private static HttpProblem notFound(String path) {
        return new HttpProblem(WebError.NOT_FOUND, "Nothing is at '" + printable(path) + "' below the console's "
                + "path.");
    }

    private static void allow(String method, String... allowed) {
        for (String ok : allowed) {
            if (ok.equals(method)) {
                return;
            }
        }
        throw new HttpProblem(WebError.METHOD_NOT_ALLOWED, printable(method) + " is not allowed here; use "
                + String.join(" or ", allowed) + ".").header("Allow", String.join(", ", allowed));
    }

    /** What a request needs from the access policy. */
    private enum Need {
        VIEW("view"), EXPORT("export"), IMPORT("import");

        final String word;

        Need(String word) {
            this.word = word;
        }
    }

    private static void require(WebRequest request, Need need) {
        Permissions granted = request.permissions();
        boolean ok = switch (need) {
            case VIEW -> granted.view();
            case EXPORT -> granted.export();
            case IMPORT -> granted.importing();
        };
        if (!ok) {
            throw forbidden(granted, need);
        }
    }

    private static HttpProblem forbidden(Permissions granted, Need need) {
        return new HttpProblem(WebError.FORBIDDEN, "This needs the permission to " + need.word + ", which the "
                + "console's access policy (" + granted.policy() + ") does not grant to "
                + (granted.user() == null ? "a request that is not signed in" : "user '" + granted.user() + "'")
                + ".");
    }

    /**
     * The cross-site request checks of every state-changing request: the custom header (which a cross-site page
     * can send only after a CORS preflight the console never approves), then {@code Sec-Fetch-Site} when the
     * browser sends it, else {@code Origin} when sent.
     */
    private void checkCrossSite(WebRequest request) {
        String marker = request.header(REQUEST_HEADER);
        if (marker == null || marker.isBlank()) {
            throw new HttpProblem(WebError.CSRF_REJECTED, "A request that changes something needs the header "
                    + REQUEST_HEADER + " (any value, e.g. 1).");
        }
        String site = request.header("Sec-Fetch-Site");
        if (site != null && !site.equalsIgnoreCase("same-origin")) {
            throw new HttpProblem(WebError.CSRF_REJECTED, "The browser says the request comes from another site "
                    + "(Sec-Fetch-Site: " + printable(site) + ").");
        }
        String origin = request.header("Origin");
        if (origin != null) {
            String normal = origin(origin);
            if (normal == null || !(normal.equals(origin(request.origin()))
                    || settings.allowedOrigins().contains(normal))) {
                throw new HttpProblem(WebError.CSRF_REJECTED, "The request comes from origin '" + printable(origin)
                        + "', not from the console's own origin '" + request.origin() + "'. Behind a proxy, let "
                        + "the server see the original host and scheme (forwarded headers), or list the origin "
                        + "with PortabilityWeb.Builder.allowedOrigins.");
            }
        }
    }

    /**
     * @param text an origin, e.g. {@code HTTPS://Example.com:443}
     * @return it normalised ({@code https://example.com}), or null when it is not an http(s) origin
     */
    public static String origin(String text) {
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost();
            if (scheme == null || host == null || !(scheme.equals("http") || scheme.equals("https"))
                    || uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
                return null;
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || scheme.equals("http") && port == 80
                    || scheme.equals("https") && port == 443;
            return scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private WebResponse asset(WebRequest request, String path) {
        StaticAssets.Loaded file = assets.get(path).orElseThrow(() -> notFound(path));
        if (file.asset().html()) {
            CsrfToken token = request.csrfToken();
            byte[] page = StaticAssets.render(file, token == null ? null : token.headerName(),
                    token == null ? null : token.token());
            return WebResponse.bytes(200, file.asset().contentType(), page);
        }
        if (file.etag().equals(request.header("If-None-Match"))) {
            return WebResponse.empty(304).header("ETag", file.etag()).header("Cache-Control", "no-cache");
        }
        return WebResponse.bytes(200, file.asset().contentType(), file.bytes()).header("ETag", file.etag())
                .header("Cache-Control", "no-cache");
    }

    private ObjectNode info(WebRequest request) {
        Permissions granted = request.permissions();
        ObjectNode node = Json.object();
        node.put("application", core.application());
        node.put("schemaVersion", core.schemaVersion());
        node.put("libraryVersion", CoreApi.libraryVersion());
        node.put("maxUploadBytes", settings.maxUploadBytes());
        node.put("retentionSeconds", settings.retention().toSeconds());
        ObjectNode permissions = node.putObject("permissions");
        permissions.put("view", granted.view());
        permissions.put("export", granted.export());
        permissions.put("import", granted.importing());
        node.put("requestHeader", REQUEST_HEADER);
        CsrfToken token = request.csrfToken();
        if (token == null) {
            node.putNull("csrf");
        } else {
            node.putObject("csrf").put("headerName", token.headerName()).put("token", token.token());
        }
        return node;
    }

    // ---------------------------------------------------------------------------------------------- export

    private WebResponse generate(WebRequest request) {
        JsonNode body = jsonBody(request, true);
        if (body != null) {
            if (!body.isObject()) {
                throw new HttpProblem(WebError.BAD_REQUEST, "The body must be a JSON object (or empty).");
            }
            Iterator<String> fields = body.fieldNames();
            if (fields.hasNext()) {
                throw new HttpProblem(WebError.BAD_REQUEST, "Unknown field '" + printable(fields.next()) + "': an "
                        + "export takes no options; it holds every table.");
            }
        }
        Operations.Operation operation = operations.start(Operations.Kind.EXPORT, null, op -> {
            Path file = spool.exportFile(op.id);
            op.fileName = fileName(core.application(), op.startedAt);
            ObjectNode result = core.export(file, op);
            op.file = file;
            result.putObject("file").put("href", "api/export/files/" + op.id).put("fileName", op.fileName)
                    .put("bytes", Files.size(file));
            return result;
        }, (op, ok) -> {
            if (!ok) {
                Path file = op.file;
                if (file != null) {
                    Spool.delete(file);
                }
            }
        });
        return accepted(operation);
    }

    private WebResponse download(String id) {
        Operations.Operation operation = operations.get(id).filter(o -> o.kind == Operations.Kind.EXPORT)
                .orElseThrow(() -> new HttpProblem(WebError.NOT_FOUND, "There is no export " + printable(id)
                        + " (it expired, was deleted, or never existed); export again."));
        if (!operation.finished()) {
            throw new HttpProblem(WebError.BUSY, "Export " + id + " is still running; download it once "
                    + "GET api/operations/" + id + " says SUCCEEDED.").header("Retry-After", "2");
        }
        Path file = operation.file;
        if (operation.state() != Operations.State.SUCCEEDED || file == null || !Files.isRegularFile(file)) {
            throw new HttpProblem(WebError.NOT_FOUND, "Export " + id + " has no file: it "
                    + operation.state().name().toLowerCase(Locale.ROOT) + ".");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return WebResponse.stream(200, "application/zip", size, out -> Files.copy(file, out))
                .header("Content-Disposition", contentDisposition(operation.fileName));
    }

    /**
     * @param application the application id
     * @param time when the export started
     * @return {@code <application>-<UTC timestamp>.zip}, the application id made safe for a file name
     */
    static String fileName(String application, Instant time) {
        StringBuilder safe = new StringBuilder();
        application.codePoints().forEach(c -> {
            boolean bad = Character.isISOControl(c) || Character.isWhitespace(c) || "\\/:*?\"<>|%".indexOf(c) >= 0
                    || Character.getType(c) == Character.FORMAT;
            safe.appendCodePoint(bad ? '_' : c);
        });
        String name = safe.toString().replaceAll("^[._]+", "");
        if (name.codePointCount(0, name.length()) > 100) {
            name = name.substring(0, name.offsetByCodePoints(0, 100));
        }
        return (name.isEmpty() ? "export" : name) + "-" + FILE_TIME.format(time) + ".zip";
    }

    /**
     * @param fileName a file name
     * @return an RFC 6266 attachment disposition: an ASCII {@code filename} and the exact {@code filename*}
     */
    static String contentDisposition(String fileName) {
        StringBuilder ascii = new StringBuilder();
        StringBuilder encoded = new StringBuilder();
        for (char c : fileName.toCharArray()) {
            ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '_');
        }
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    // ---------------------------------------------------------------------------------------------- import

    private WebResponse upload(WebRequest request) {
        String type = baseType(request.header("Content-Type"));
        if (type == null || !ARCHIVE_TYPES.contains(type)) {
            throw new HttpProblem(WebError.UNSUPPORTED_MEDIA_TYPE, "An upload is the archive itself as the request "
                    + "body, with Content-Type application/zip or application/octet-stream; this request has "
                    + (type == null ? "none" : "'" + printable(type) + "'") + ".");
        }
        long length = request.contentLength();
        if (length > settings.maxUploadBytes()) {
            throw new HttpProblem(WebError.UPLOAD_TOO_LARGE, "The upload of " + length + " bytes is larger than "
                    + "the limit of " + settings.maxUploadBytes() + " bytes (maxUploadBytes); nothing was read.")
                    .header("Connection", "close");
        }
        Spool.Upload upload;
        try (InputStream body = request.body()) {
            upload = spool.receive(body, length, displayName(request.header(FILENAME_HEADER)),
                    settings.maxUploadBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("writing the upload to the spool directory failed", e);
        }
        return WebResponse.json(201, uploadJson(upload)).header("Location", "uploads/" + upload.id);
    }

    private WebResponse describeUpload(String id) {
        Spool.Upload upload = (Ids.valid(id) ? spool.upload(id) : java.util.Optional.<Spool.Upload>empty())
                .orElseThrow(() -> noUpload(id));
        return WebResponse.json(200, uploadJson(upload));
    }

    private WebResponse deleteUpload(String id) {
        if (!Ids.valid(id) || !spool.delete(id)) {
            throw noUpload(id);
        }
        return WebResponse.empty(204);
    }

    private static HttpProblem noUpload(String id) {
        return new HttpProblem(WebError.NOT_FOUND, "There is no upload " + printable(id) + " (it expired, was "
                + "deleted or imported, or never existed).");
    }

    private ObjectNode uploadJson(Spool.Upload upload) {
        ObjectNode node = Json.object();
        node.put("id", upload.id);
        node.put("href", "api/import/uploads/" + upload.id);
        node.put("fileName", upload.fileName);
        node.put("size", upload.size);
        node.set("createdAt", Json.tree(upload.createdAt));
        node.set("expiresAt", Json.tree(spool.expiresAt(upload)));
        return node;
    }

    /**
     * @param header the file name header: percent-encoded UTF-8, or plain
     * @return the last path segment without control characters, at most 255 characters, or null
     */
    static String displayName(String header) {
        if (header == null) {
            return null;
        }
        String name = header;
        if (name.indexOf('%') >= 0) {
            try {
                name = URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                // not percent-encoded after all: shown as sent
            }
        }
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder();
        name.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .forEach(clean::appendCodePoint);
        name = clean.toString().strip();
        if (name.length() > 255) {
            name = name.substring(0, 255);
        }
        return name.isEmpty() ? null : name;
    }

    /** A request's choices about an import. */
    private record ImportRequest(String upload, ImportChoice choice, boolean confirmReplace) {
    }

    private WebResponse startImport(WebRequest request, String verb) {
        Operations.Kind kind = switch (verb) {
            case "validate" -> Operations.Kind.VALIDATE;
            case "preview" -> Operations.Kind.PREVIEW;
            default -> Operations.Kind.IMPORT;
        };
        ImportRequest parsed = parseImport(jsonBody(request, false), kind);
        if (kind == Operations.Kind.IMPORT && parsed.choice().mode() == ImportChoice.Mode.REPLACE
                && !parsed.confirmReplace()) {
            throw new HttpProblem(WebError.REPLACE_NOT_CONFIRMED, "REPLACE deletes the rows of the imported "
                    + "tables that the archive lacks; the request must say \"confirmReplace\": true.");
        }
        Spool.Upload upload = spool.use(parsed.upload());
        Operations.Operation operation;
        try {
            ImportChoice choice = parsed.choice();
            operation = operations.start(kind, upload, op -> switch (kind) {
                case VALIDATE -> core.validate(upload.path, op);
                case PREVIEW -> core.preview(upload.path, choice, op);
                default -> core.importArchive(upload.path, choice, op);
            }, (op, ok) -> spool.release(upload, ok && kind == Operations.Kind.IMPORT));
        } catch (RuntimeException e) {
            spool.release(upload, false);
            throw e;
        }
        return accepted(operation);
    }

    private static ImportRequest parseImport(JsonNode body, Operations.Kind kind) {
        if (body == null || !body.isObject()) {
            throw new HttpProblem(WebError.BAD_REQUEST, "The body must be a JSON object naming the upload, e.g. "
                    + "{\"upload\": \"…\"}.");
        }
        List<String> allowed = kind == Operations.Kind.VALIDATE ? List.of("upload")
                : List.of("upload", "mode", "conflictPolicy", "tables", "confirmReplace");
        body.fieldNames().forEachRemaining(field -> {
            if (!allowed.contains(field)) {
                throw new HttpProblem(WebError.BAD_REQUEST, "Unknown field '" + printable(field) + "'. This request "
                        + "may set " + String.join(", ", allowed) + "; every other import option is the host's "
                        + "configuration, never a request's.");
            }
        });
        JsonNode upload = body.get("upload");
        if (upload == null || !upload.isTextual()) {
            throw new HttpProblem(WebError.BAD_REQUEST, "The field 'upload' must be the id of an upload (from POST "
                    + "api/import/uploads).");
        }
        ImportChoice.Mode mode = enumField(body, "mode", ImportChoice.Mode.class, ImportChoice.Mode.MERGE);
        ImportChoice.ConflictPolicy policy = enumField(body, "conflictPolicy", ImportChoice.ConflictPolicy.class,
                null);
        if (mode == ImportChoice.Mode.REPLACE && policy != null) {
            throw new HttpProblem(WebError.BAD_REQUEST, "'conflictPolicy' applies to MERGE only: REPLACE makes the "
                    + "imported tables hold exactly the archive's rows.");
        }
        List<String> tables = new ArrayList<>();
        JsonNode list = body.get("tables");
        if (list != null && !list.isNull()) {
            if (!list.isArray() || list.size() > MAX_TABLES) {
                throw new HttpProblem(WebError.BAD_REQUEST, "The field 'tables' must be an array of table names.");
            }
            for (JsonNode table : list) {
                if (!table.isTextual() || table.asText().isBlank()) {
                    throw new HttpProblem(WebError.BAD_REQUEST, "The field 'tables' must hold table names only.");
                }
                tables.add(table.asText());
            }
        }
        JsonNode confirm = body.get("confirmReplace");
        if (confirm != null && !confirm.isNull() && !confirm.isBoolean()) {
            throw new HttpProblem(WebError.BAD_REQUEST, "The field 'confirmReplace' must be true or false.");
        }
        return new ImportRequest(upload.asText(), new ImportChoice(mode, mode == ImportChoice.Mode.MERGE
                && policy == null ? ImportChoice.ConflictPolicy.FAIL : policy, tables),
                confirm != null && confirm.asBoolean(false));
    }

    private static <E extends Enum<E>> E enumField(JsonNode body, String field, Class<E> type, E fallback) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name());
            if (value.isTextual() && constant.name().equalsIgnoreCase(value.asText())) {
                return constant;
            }
        }
        throw new HttpProblem(WebError.BAD_REQUEST, "The field '" + field + "' must be one of " + names + ", was "
                + printable(value.toString()) + ".");
    }

    // ---------------------------------------------------------------------------------------------- operations

    private WebResponse accepted(Operations.Operation operation) {
        return WebResponse.json(202, operationJson(operation)).header("Location", "../operations/" + operation.id);
    }

    private WebResponse operation(WebRequest request, String id) {
        Operations.Operation operation = operations.get(id).orElseThrow(() -> new HttpProblem(WebError.NOT_FOUND,
                "There is no operation " + printable(id) + " (finished operations are kept for "
                        + settings.retention().toSeconds() + " s)."));
        Need need = operation.kind == Operations.Kind.EXPORT ? Need.EXPORT : Need.IMPORT;
        Permissions granted = request.permissions();
        if (request.method().equals("GET")) {
            if (!granted.view() && !(need == Need.EXPORT ? granted.export() : granted.importing())) {
                throw forbidden(granted, Need.VIEW);
            }
            return WebResponse.json(200, operationJson(operation));
        }
        require(request, need);
        if (!operation.finished()) {
            operation.cancel();
            LOG.info("[{}] cancellation requested", operation.id);
            return WebResponse.json(202, operationJson(operation));
        }
        operations.forget(operation);
        return WebResponse.empty(204);
    }

    private ObjectNode operationJson(Operations.Operation operation) {
        Operations.State state = operation.state();
        Progress progress = operation.latestProgress();
        ObjectNode node = Json.object();
        node.put("id", operation.id);
        node.put("href", "api/operations/" + operation.id);
        node.put("kind", operation.kind.name());
        node.put("state", state.name());
        node.put("upload", operation.upload == null ? null : operation.upload.id);
        node.put("phase", progress.phase());
        node.put("table", progress.table());
        node.put("rowsDone", progress.rowsDone());
        if (progress.rowsTotal() < 0) {
            node.putNull("rowsTotal");
        } else {
            node.put("rowsTotal", progress.rowsTotal());
        }
        node.put("bytesDone", progress.bytesDone());
        Integer percent = state == Operations.State.SUCCEEDED ? Integer.valueOf(100) : progress.percent();
        node.put("percent", percent);
        node.put("cancelRequested", operation.cancelRequested());
        node.set("startedAt", Json.tree(operation.startedAt));
        node.set("finishedAt", Json.tree(operation.finishedAt()));
        node.set("expiresAt", Json.tree(operations.expiresAt(operation)));
        node.set("result", operation.result());
        HttpProblem problem = operation.problem();
        node.set("problem", problem == null ? null : problem.toJson());
        return node;
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /**
     * @param request the request
     * @param optional whether an empty body is allowed
     * @return the JSON body, or null when empty and optional
     */
    private static JsonNode jsonBody(WebRequest request, boolean optional) {
        long length = request.contentLength();
        if (length > Json.MAX_REQUEST_BYTES) {
            throw new HttpProblem(WebError.BAD_REQUEST, "The JSON body is larger than " + Json.MAX_REQUEST_BYTES
                    + " bytes.");
        }
        byte[] bytes;
        try (InputStream in = request.body()) {
            bytes = in.readNBytes(Json.MAX_REQUEST_BYTES + 1);
        } catch (IOException e) {
            throw new HttpProblem(WebError.BAD_REQUEST, "Reading the request body failed: " + e + ".");
        }
        if (bytes.length > Json.MAX_REQUEST_BYTES) {
            throw new HttpProblem(WebError.BAD_REQUEST, "The JSON body is larger than " + Json.MAX_REQUEST_BYTES
                    + " bytes.");
        }
        if (bytes.length == 0) {
            if (optional) {
                return null;
            }
            throw new HttpProblem(WebError.BAD_REQUEST, "The request needs a JSON body.");
        }
        String type = baseType(request.header("Content-Type"));
        if (!"application/json".equals(type)) {
            throw new HttpProblem(WebError.UNSUPPORTED_MEDIA_TYPE, "The body must be JSON with Content-Type "
                    + "application/json; this request has " + (type == null ? "none" : "'" + printable(type) + "'")
                    + ".");
        }
        return Json.parse(bytes);
    }

    private static String baseType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        String base = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim()
                .toLowerCase(Locale.ROOT);
        return base.isEmpty() ? null : base;
    }

    /** @return text from a request, cut to 100 characters with control characters replaced, for a message */
    private static String printable(String text) {
        if (text == null) {
            return "null";
        }
        String cut = text.length() > 100 ? text.substring(0, 100) + "…" : text;
        StringBuilder out = new StringBuilder();
        cut.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }

    /** Cancels running operations, waits for them, and deletes every spooled file. */
    @Override
    public void close() {
        sweeper.shutdownNow();
        operations.close();
        spool.close();
    }

    /** @return the retention of uploads and finished operations */
    Duration retention() {
        return settings.retention();
    }
}
