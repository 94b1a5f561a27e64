package dev.gatehouse.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import io.vertx.core.Future;

/**
 * A service token, as company-service obtains one to call otp-service: client credentials at POST /auth/token on
 * auth-service's own port (the public gateway does not route it). The local run generated the client secrets into
 * its state directory. The token is reused until shortly before it expires, as a service's client does.
 */
final class ServiceTokens {

    static final String CLIENT_ID = "company-service";
    private static final String SECRET_NAME = "CLIENT_SECRET_COMPANY_SERVICE";
    /** Fetched again this long before expiry, so no request carries a token that expires on the way. */
    private static final long MARGIN_NANOS = 30_000_000_000L;

    private final Http auth;
    private final String clientSecret;
    private String token;
    private long expiresAt;
    private Future<String> pending;

    private ServiceTokens(Http auth, String clientSecret) {
        this.auth = auth;
        this.clientSecret = clientSecret;
    }

    /** @param stateDirectory the local run's, whose keys/secrets.properties holds the client secrets */
    static ServiceTokens of(Http auth, Path stateDirectory) {
        Path file = stateDirectory.resolve("keys/secrets.properties");
        Properties secrets = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            secrets.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the local run's client secrets in " + file, e);
        }
        String secret = secrets.getProperty(SECRET_NAME);
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException(file + " has no " + SECRET_NAME);
        }
        return new ServiceTokens(auth, secret);
    }

    /** Called on the generator's event loop only. */
    Future<String> get() {
        long now = System.nanoTime();
        if (token != null && now < expiresAt - MARGIN_NANOS) {
            return Future.succeededFuture(token);
        }
        if (pending == null) {
            pending = auth.postForm("/auth/token", Map.of("grant_type", "client_credentials", "client_id", CLIENT_ID,
                    "client_secret", clientSecret)).map(reply -> {
                        if (reply.status() != 200) {
                            throw new IllegalStateException("POST /auth/token answered " + reply.status() + ": "
                                    + reply.body());
                        }
                        token = reply.text("access_token");
                        long seconds = reply.json().path("expires_in").asLong(60);
                        expiresAt = now + seconds * 1_000_000_000L;
                        return token;
                    }).onComplete(done -> pending = null);
        }
        return pending;
    }
}
