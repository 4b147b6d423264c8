package dev.portability.web.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * The console's configuration, checked by the public builder.
 *
 * @param core the library, with the host's import and export settings
 * @param maxUploadBytes the largest upload accepted
 * @param spoolRoot the directory in which the console makes its spool directory
 * @param retention how long uploads, finished operations and export files are kept
 * @param allowedOrigins origins accepted besides the request's own, e.g. {@code https://console.example.com}
 * @param clock the clock
 * @param usableSpace the bytes free in a directory
 */
public record WebSettings(CoreApi core, long maxUploadBytes, Path spoolRoot, Duration retention,
        Set<String> allowedOrigins, Clock clock, ToLongFunction<Path> usableSpace) {

    /** Copies the origins. */
    public WebSettings {
        allowedOrigins = Set.copyOf(allowedOrigins);
    }
}
