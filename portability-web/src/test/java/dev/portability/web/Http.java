package dev.portability.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A client of one console, sending what the console's page sends: the request header, JSON or raw archives. */
final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final URI console;
    private final List<String> headers = new ArrayList<>();

    Http(URI console) {
        this.console = console;
    }

    /** @return a client with one more header on every request */
    Http with(String name, String value) {
        Http copy = new Http(console);
        copy.headers.addAll(headers);
        copy.headers.add(name);
        copy.headers.add(value);
        return copy;
    }

    /** @return a client signed in as a user with roles */
    Http as(String user, String... roles) {
        return with(ConsoleServer.USER_HEADER, user + ":" + String.join(",", roles));
    }

    /** The answer. */
    record Answer(int status, java.net.http.HttpHeaders headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text(), e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + text();
        }
    }

    Answer get(String path) {
        return send(request(path).GET());
    }

    Answer delete(String path) {
        return send(request(path).header(CSRF, "1").DELETE());
    }

    /** POST with JSON and the request header. */
    Answer post(String path, String json) {
        return send(request(path).header(CSRF, "1").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** POST with an archive as the raw body and the request header. */
    Answer upload(byte[] archive) {
        return send(request("api/import/uploads").header(CSRF, "1").header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(archive)));
    }

    /** POST exactly as given: no request header unless in {@link #with}. */
    Answer postRaw(String path, String contentType, byte[] body) {
        HttpRequest.Builder builder = request(path);
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    static final String CSRF = "X-Portability-Request";

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(console.resolve(path)).timeout(Duration.ofSeconds(60));
        for (int i = 0; i < headers.size(); i += 2) {
            builder.header(headers.get(i), headers.get(i + 1));
        }
        return builder;
    }

    Answer send(HttpRequest.Builder builder) {
        try {
            HttpResponse<byte[]> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Polls an operation until it has finished.
     *
     * @param started the 202 answer that started it
     * @return the finished operation
     */
    JsonNode finish(Answer started) {
        if (started.status() != 202) {
            throw new AssertionError("the operation did not start: " + started);
        }
        return await(started.json().get("href").asText(), "RUNNING", false);
    }

    /**
     * Polls a resource until a field leaves (or reaches) a value.
     *
     * @param href the operation
     * @param state the state to wait out (or for)
     * @param reach true to wait until the state is reached
     * @return the operation then
     */
    JsonNode await(String href, String state, boolean reach) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Answer answer = get(href);
            if (answer.status() != 200) {
                throw new AssertionError("GET " + href + ": " + answer);
            }
            JsonNode operation = answer.json();
            if (operation.get("state").asText().equals(state) == reach) {
                return operation;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still " + operation.get("state") + " after 60 s: " + operation);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
