package dev.gatehouse.importer;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The services' import endpoints over HTTP, with an {@code importer} service token from auth-service's
 * {@code POST /auth/token}. 429 and 503 are waited out (their Retry-After, at most {@value #MAX_WAIT_SECONDS} s, a
 * few times); what still fails is reported as failed, for the next run.
 */
public final class HttpGatehouse implements Gatehouse {

    private static final int ATTEMPTS = 4;
    private static final int MAX_WAIT_SECONDS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, URI> services;
    private final String clientId;
    private final String clientSecret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;
    private Instant tokenExpires = Instant.EPOCH;

    /** {@code services}: base URLs of {@code auth}, {@code company} and {@code approval}. */
    public HttpGatehouse(Map<String, URI> services, String clientId, String clientSecret) {
        this.services = services;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    @Override
    public Answer send(String service, String path, Map<String, Object> body) {
        try {
            byte[] json = JSON.writeValueAsBytes(body);
            for (int attempt = 1;; attempt++) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(services.get(service).resolve(path))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token()).POST(HttpRequest.BodyPublishers.ofByteArray(json))
                        .build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 201 || status == 200) {
                    UUID id = UUID.fromString(JSON.readTree(response.body()).path("gatehouseId").asText());
                    return status == 201 ? Answer.imported(id) : Answer.alreadyImported(id);
                }
                if (status == 401 && attempt < ATTEMPTS) {
                    tokenExpires = Instant.EPOCH;
                    continue;
                }
                if ((status == 429 || status == 503) && attempt < ATTEMPTS) {
                    long wait = response.headers().firstValueAsLong("Retry-After").orElse(1);
                    Thread.sleep(1000L * Math.min(Math.max(wait, 1), MAX_WAIT_SECONDS));
                    continue;
                }
                if (status == 400 || status == 404 || status == 409 || status == 422) {
                    return Answer.refused(reason(response.body()));
                }
                return Answer.failed("HTTP " + status);
            }
        } catch (IOException e) {
            return Answer.failed(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.failed("interrupted");
        }
    }

    /** The problem's code, and for bad input the fields at fault: {@code validation_failed: phoneNumber}. */
    static String reason(String problem) {
        try {
            JsonNode node = JSON.readTree(problem);
            String code = node.path("code").asText("refused");
            List<String> fields = new ArrayList<>();
            node.path("errors").forEach(error -> fields.add(error.path("field").asText()));
            return fields.isEmpty() ? code : code + ": " + String.join(", ", fields);
        } catch (IOException e) {
            return "refused";
        }
    }

    private String token() throws IOException, InterruptedException {
        if (token != null && Instant.now().isBefore(tokenExpires)) {
            return token;
        }
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(services.get("auth").resolve("/auth/token"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("auth-service refused the importer's credentials: HTTP " + response.statusCode());
        }
        JsonNode node = JSON.readTree(response.body());
        token = node.path("access_token").asText();
        tokenExpires = Instant.now().plusSeconds(Math.max(node.path("expires_in").asLong(60) - 30, 5));
        return token;
    }
}
