package org.frontline.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small real-HTTP client for API tests: what a user's script would send. */
public final class Api {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String auth;

    public Api(int port, String user, String password) {
        this.base = "http://localhost:" + port;
        this.auth = user == null
                ? null
                : "Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public Api as(String user, String password) {
        return new Api(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), user, password);
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    /** A binary answer (a GeoPackage, a zip), as the client received it. */
    public HttpResponse<byte[]> download(String path) {
        try {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public Response post(String path, String body) {
        return send(request(path)
                .header("Content-Type", "application/geo+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response postJson(String path, String body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response postBytes(String path, byte[] body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response put(String path, String body) {
        return send(request(path)
                .header("Content-Type", "application/geo+json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return b;
    }

    private Response send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Status, body and headers of an answer. */
    public record Response(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }
}
