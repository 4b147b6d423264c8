package dev.portability.web;

import dev.portability.api.ConfigurationException;
import dev.portability.api.ExportOptions;
import dev.portability.api.ImportOptions;
import dev.portability.core.Portability;
import dev.portability.web.internal.CoreApi;
import dev.portability.web.internal.WebHandler;
import dev.portability.web.internal.WebSettings;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

/**
 * Export and import over HTTP: builds the {@link PortabilityWebServlet} a host mounts under a path of its choosing.
 * Nothing is mounted unless the host mounts it, and an access policy is required.
 *
 * <pre>{@code
 * PortabilityWebServlet servlet = PortabilityWeb.builder(portability)
 *         .access(PortabilityWebAccess.requireRole("PORTABILITY_ADMIN"))
 *         .build();
 * servletContext.addServlet("portability", servlet).addMapping("/portability/*");
 * }</pre>
 *
 * <p>docs/web.md describes the endpoints, the security rules and the limits of proxies in front.
 */
public final class PortabilityWeb {

    /** The default upload limit: 1 GiB (never more than the library's {@code maxArchiveBytes}). */
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 1L << 30;
    /** The default retention of uploads, finished operations and export files: one hour. */
    public static final Duration DEFAULT_RETENTION = Duration.ofHours(1);

    private PortabilityWeb() {
    }

    /**
     * @param portability the library instance the console works on
     * @return a builder
     */
    public static Builder builder(Portability portability) {
        return new Builder(Objects.requireNonNull(portability, "portability"));
    }

    /** Configures the console. Settings are checked as they are set; {@link #build()} copies them. */
    public static final class Builder {
        private final Portability portability;
        private PortabilityWebAccess access;
        private Long maxUploadBytes;
        private Path spoolDirectory = Path.of(System.getProperty("java.io.tmpdir"), "portability-web");
        private Duration retention = DEFAULT_RETENTION;
        private UnaryOperator<ImportOptions> importOptions = UnaryOperator.identity();
        private UnaryOperator<ExportOptions> exportOptions = UnaryOperator.identity();
        private Function<HttpServletRequest, CsrfToken> csrfToken = request -> null;
        private final Set<String> allowedOrigins = new LinkedHashSet<>();
        private ToLongFunction<Path> usableSpace = Builder::usableSpace;

        private Builder(Portability portability) {
            this.portability = portability;
        }

        /**
         * Sets who may view, export and import. Required.
         *
         * @param policy the policy, e.g. {@code PortabilityWebAccess.requireRole("PORTABILITY_ADMIN")}
         * @return this builder
         */
        public Builder access(PortabilityWebAccess policy) {
            this.access = Objects.requireNonNull(policy, "access");
            return this;
        }

        /**
         * Sets the largest upload accepted (default 1 GiB, or the library's {@code maxArchiveBytes} when lower).
         * A larger upload gets 413, before its body is read when its {@code Content-Length} says so.
         *
         * @param bytes 1 to the library's {@link dev.portability.api.ArchiveLimits#maxArchiveBytes()}
         * @return this builder
         * @throws ConfigurationException if out of range
         */
        public Builder maxUploadBytes(long bytes) {
            long max = portability.limits().maxArchiveBytes();
            if (bytes < 1 || bytes > max) {
                throw new ConfigurationException("maxUploadBytes: must be between 1 and the library's "
                        + "maxArchiveBytes (" + max + "), was " + bytes + "; raise maxArchiveBytes with "
                        + "Portability.Builder.limits first");
            }
            this.maxUploadBytes = bytes;
            return this;
        }

        /**
         * Sets the directory in which the console makes its spool directory for uploads and export files
         * (default {@code ${java.io.tmpdir}/portability-web}). Give it room for the largest upload and export.
         *
         * @param directory the directory; created when missing
         * @return this builder
         */
        public Builder spoolDirectory(Path directory) {
            this.spoolDirectory = Objects.requireNonNull(directory, "spoolDirectory").toAbsolutePath();
            return this;
        }

        /**
         * Sets how long uploads, finished operations and export files are kept (default one hour). Running
         * operations, and uploads they use, are never deleted.
         *
         * @param time at least one second
         * @return this builder
         * @throws ConfigurationException if shorter
         */
        public Builder retention(Duration time) {
            if (time == null || time.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new ConfigurationException("retention: must be at least 1 second, was " + time);
            }
            this.retention = time;
            return this;
        }

        /**
         * Sets the host's import settings, applied to every preview and import after the request's choices. A
         * request chooses only the mode, the conflict policy and the tables; everything else an import can be
         * told (the batch size, and options that accept more than the safe default) is set here, by the host,
         * and never by a request. The function must not change the mode, the conflict policy or the tables.
         *
         * <pre>{@code .importOptions(options -> options.withBatchSize(5000))}</pre>
         *
         * @param settings applied to the options a request chose
         * @return this builder
         */
        public Builder importOptions(UnaryOperator<ImportOptions> settings) {
            this.importOptions = Objects.requireNonNull(settings, "importOptions");
            return this;
        }

        /**
         * Sets the host's export settings (compression, verification), applied to every export. Exports hold
         * every table: the function must not set a table filter.
         *
         * @param settings applied to {@link ExportOptions#defaults()}
         * @return this builder
         */
        public Builder exportOptions(UnaryOperator<ExportOptions> settings) {
            this.exportOptions = Objects.requireNonNull(settings, "exportOptions");
            return this;
        }

        /**
         * Sets where the host's own CSRF token of a request comes from, so that the host keeps its CSRF
         * protection on for the console's path: the page sends the token in the header it names.
         *
         * <pre>{@code .csrfToken(request -> {   // Spring Security
         *     org.springframework.security.web.csrf.CsrfToken token =
         *             (org.springframework.security.web.csrf.CsrfToken) request.getAttribute("_csrf");
         *     return token == null ? null : new CsrfToken(token.getHeaderName(), token.getToken());
         * })}</pre>
         *
         * @param source returns the request's token, or null
         * @return this builder
         */
        public Builder csrfToken(Function<HttpServletRequest, CsrfToken> source) {
            this.csrfToken = Objects.requireNonNull(source, "csrfToken");
            return this;
        }

        /**
         * Accepts state-changing requests whose {@code Origin} is one of these besides the request's own: for a
         * proxy in front that changes the host or scheme and does not forward them.
         *
         * @param origins e.g. {@code https://console.example.com}
         * @return this builder
         * @throws ConfigurationException if one is not an http(s) origin
         */
        public Builder allowedOrigins(String... origins) {
            for (String origin : origins) {
                String normal = origin == null ? null : originOf(origin);
                if (normal == null) {
                    throw new ConfigurationException("allowedOrigins: '" + origin + "' is not an origin; give "
                            + "scheme, host and port only, e.g. https://console.example.com");
                }
                allowedOrigins.add(normal);
            }
            return this;
        }

        /** For tests: the free space of a directory. */
        Builder usableSpace(ToLongFunction<Path> function) {
            this.usableSpace = Objects.requireNonNull(function, "usableSpace");
            return this;
        }

        /**
         * Builds the servlet. Its spool directory is made on first use; {@code destroy()} cancels running
         * operations and deletes every spooled file.
         *
         * @return the servlet, to mount
         * @throws ConfigurationException without an access policy
         */
        public PortabilityWebServlet build() {
            if (access == null) {
                throw new ConfigurationException("access: not set; say who may view, export and import, e.g. "
                        + "access(PortabilityWebAccess.requireRole(\"PORTABILITY_ADMIN\"))");
            }
            long uploads = maxUploadBytes != null ? maxUploadBytes
                    : Math.min(DEFAULT_MAX_UPLOAD_BYTES, portability.limits().maxArchiveBytes());
            WebSettings settings = new WebSettings(new CoreApi(portability, importOptions, exportOptions), uploads,
                    spoolDirectory, retention, allowedOrigins, Clock.systemUTC(), usableSpace);
            return new PortabilityWebServlet(new WebHandler(settings), access, csrfToken);
        }

        private static String originOf(String text) {
            return WebHandler.origin(text);
        }

        private static long usableSpace(Path directory) {
            try {
                Path existing = directory;
                while (existing != null && !Files.exists(existing)) {
                    existing = existing.getParent();
                }
                return existing == null ? Long.MAX_VALUE : Files.getFileStore(existing).getUsableSpace();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
