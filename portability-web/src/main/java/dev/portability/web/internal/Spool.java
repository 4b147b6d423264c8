package dev.portability.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's files: uploads and export archives, in a directory of its own (created on first use inside the
 * configured spool root, deleted at shutdown), under random names; nothing from a request becomes a path.
 */
final class Spool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("dev.portability.web");

    /** Uploads kept at once; more are refused until some are used or deleted. */
    static final int MAX_STORED_UPLOADS = 20;

    /** One uploaded archive. */
    static final class Upload {
        final String id;
        final String fileName;
        final long size;
        final Path path;
        final Instant createdAt;
        private int users;

        Upload(String id, String fileName, long size, Path path, Instant createdAt) {
            this.id = id;
            this.fileName = fileName;
            this.size = size;
            this.path = path;
            this.createdAt = createdAt;
        }
    }

    private final Path root;
    private final Duration retention;
    private final Clock clock;
    private final ToLongFunction<Path> usableSpace;
    private final Map<String, Upload> uploads = new LinkedHashMap<>();
    private Path dir;
    private int receiving;
    private boolean closed;

    /**
     * @param root the directory in which this spool makes its own
     * @param retention how long an unused upload is kept
     * @param clock the clock
     * @param usableSpace the bytes free for a directory
     */
    Spool(Path root, Duration retention, Clock clock, ToLongFunction<Path> usableSpace) {
        this.root = root;
        this.retention = retention;
        this.clock = clock;
        this.usableSpace = usableSpace;
    }

    /** @return this spool's directory, created on first call */
    synchronized Path directory() throws IOException {
        if (closed) {
            throw new HttpProblem(WebError.UNAVAILABLE, "The console is stopping.");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            Files.createDirectories(root);
            dir = Files.createTempDirectory(root, "spool-");
        }
        return dir;
    }

    /** @return the directory if it was created, else null */
    synchronized Path existingDirectory() {
        return dir;
    }

    /**
     * Receives an upload: checks room, then streams the body to a new file, stopping past the limit.
     *
     * @param body the request body
     * @param declaredLength the Content-Length, or -1
     * @param fileName the name to show, already made safe
     * @param limit the largest upload accepted, in bytes
     * @return the upload
     * @throws HttpProblem 413, 429, 507, or 400 for an empty or broken body
     * @throws IOException if the spool cannot be written for another reason
     */
    Upload receive(InputStream body, long declaredLength, String fileName, long limit) throws IOException {
        Path target;
        String id = Ids.next();
        synchronized (this) {
            if (receiving >= 2) {
                throw new HttpProblem(WebError.TOO_MANY_REQUESTS, "Two uploads are being received already; "
                        + "one at a time per user is plenty.").header("Retry-After", "5");
            }
            if (uploads.size() >= MAX_STORED_UPLOADS) {
                throw new HttpProblem(WebError.TOO_MANY_REQUESTS, MAX_STORED_UPLOADS + " uploads are kept "
                        + "already; delete the ones you no longer need (DELETE api/import/uploads/{id}), or wait "
                        + "until they expire.").header("Retry-After", "60");
            }
            target = directory().resolve("upload-" + id + ".zip");
            receiving++;
        }
        try {
            long free = usableSpace.applyAsLong(target.getParent());
            if (declaredLength > 0 && declaredLength > free) {
                throw new HttpProblem(WebError.INSUFFICIENT_STORAGE, "The upload of " + declaredLength
                        + " bytes does not fit in the spool directory, which has " + free + " bytes free.");
            }
            long size = copy(body, target, limit, free);
            if (size == 0) {
                throw new HttpProblem(WebError.BAD_REQUEST, "The upload is empty: send the archive as the raw "
                        + "request body.");
            }
            Upload upload = new Upload(id, fileName, size, target, clock.instant());
            synchronized (this) {
                if (closed) {
                    throw new HttpProblem(WebError.UNAVAILABLE, "The console is stopping.");
                }
                uploads.put(id, upload);
                target = null;
            }
            LOG.info("upload {} received: {} bytes{}", id, size, fileName == null ? "" : " (" + fileName + ")");
            return upload;
        } finally {
            synchronized (this) {
                receiving--;
            }
            if (target != null) {
                delete(target);
            }
        }
    }

    private long copy(InputStream body, Path target, long limit, long free) throws IOException {
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(target)) {
            while (true) {
                int n;
                try {
                    n = body.read(buffer);
                } catch (IOException e) {
                    throw new HttpProblem(WebError.BAD_REQUEST, "The upload broke off after " + total
                            + " bytes (" + e.getClass().getSimpleName() + "); send it again.");
                }
                if (n < 0) {
                    return total;
                }
                total += n;
                if (total > limit) {
                    HttpProblem problem = new HttpProblem(WebError.UPLOAD_TOO_LARGE, "The upload is larger than "
                            + "the limit of " + limit + " bytes (maxUploadBytes); it was not kept.");
                    if (!swallow(body)) {
                        problem.header("Connection", "close");
                    }
                    throw problem;
                }
                try {
                    out.write(buffer, 0, n);
                } catch (IOException e) {
                    long left = usableSpace.applyAsLong(target.getParent());
                    if (left < (1 << 20)) {
                        throw new HttpProblem(WebError.INSUFFICIENT_STORAGE, "The spool directory ran out of "
                                + "room after " + total + " bytes of the upload (" + free + " bytes were free).");
                    }
                    throw e;
                }
            }
        }
    }

    /**
     * Reads and discards what is left of a refused body, up to {@value #SWALLOW_BYTES} bytes, so that a client
     * that sends its whole body before reading the answer (most HTTP/1.1 clients) gets the 413 instead of a reset
     * connection; the same idea as Tomcat's {@code maxSwallowSize}.
     *
     * @return whether the body ended within the bound
     */
    private static boolean swallow(InputStream body) {
        byte[] buffer = new byte[1 << 16];
        long left = SWALLOW_BYTES;
        try {
            int n;
            while ((n = body.read(buffer, 0, (int) Math.min(buffer.length, left + 1))) >= 0) {
                left -= n;
                if (left < 0) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The most bytes of a refused upload read and discarded before answering. */
    static final long SWALLOW_BYTES = 4L << 20;

    /**
     * @param id an upload id
     * @return the upload, if kept
     */
    synchronized Optional<Upload> upload(String id) {
        return Optional.ofNullable(uploads.get(id));
    }

    /**
     * Marks an upload as used by an operation, so that it is not deleted under it.
     *
     * @param id the upload id
     * @return the upload
     * @throws HttpProblem 404 when unknown
     */
    synchronized Upload use(String id) {
        Upload upload = Ids.valid(id) ? uploads.get(id) : null;
        if (upload == null) {
            throw new HttpProblem(WebError.NOT_FOUND, "There is no upload " + id + " (it expired, was deleted "
                    + "or imported, or never existed); upload the archive again.");
        }
        upload.users++;
        return upload;
    }

    /**
     * Ends a use; deletes the upload when asked (after a successful import).
     *
     * @param upload the upload
     * @param delete whether to delete it now
     */
    void release(Upload upload, boolean delete) {
        boolean gone;
        synchronized (this) {
            upload.users--;
            gone = delete && uploads.remove(upload.id) != null;
        }
        if (gone) {
            delete(upload.path);
        }
    }

    /**
     * Deletes an upload.
     *
     * @param id the id
     * @return false when there is no such upload
     * @throws HttpProblem 409 while an operation uses it
     */
    boolean delete(String id) {
        Upload upload;
        synchronized (this) {
            upload = uploads.get(id);
            if (upload == null) {
                return false;
            }
            if (upload.users > 0) {
                throw new HttpProblem(WebError.BUSY, "Upload " + id + " is in use by a running operation; cancel "
                        + "it or wait until it ends.").header("Retry-After", "5");
            }
            uploads.remove(id);
        }
        delete(upload.path);
        return true;
    }

    /**
     * @param upload an upload
     * @return when it expires if unused
     */
    Instant expiresAt(Upload upload) {
        return upload.createdAt.plus(retention);
    }

    /**
     * @param id an operation id
     * @return a path for its export archive
     * @throws IOException if the spool directory cannot be made
     */
    Path exportFile(String id) throws IOException {
        return directory().resolve("export-" + id + ".zip");
    }

    /** Deletes the unused uploads past their retention. */
    void sweep() {
        Instant now = clock.instant();
        List<Upload> expired = new ArrayList<>();
        synchronized (this) {
            uploads.values().removeIf(upload -> {
                boolean old = upload.users == 0 && !expiresAt(upload).isAfter(now);
                if (old) {
                    expired.add(upload);
                }
                return old;
            });
        }
        for (Upload upload : expired) {
            LOG.info("upload {} expired after {}", upload.id, retention);
            delete(upload.path);
        }
    }

    /** Deletes every file and the directory. */
    @Override
    public void close() {
        Path directory;
        synchronized (this) {
            closed = true;
            uploads.clear();
            directory = dir;
        }
        if (directory == null) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                delete(file);
            }
        } catch (IOException e) {
            LOG.warn("cannot list the spool directory {}: {}", directory, e.toString());
        }
        delete(directory);
    }

    static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", path, e.toString());
        }
    }
}
