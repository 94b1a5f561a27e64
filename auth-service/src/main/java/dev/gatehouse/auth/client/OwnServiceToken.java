package dev.gatehouse.auth.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.config.AuthConfig;
import dev.gatehouse.auth.security.TokenIssuer;
import io.quarkus.arc.Unremovable;

/**
 * auth-service's own service token for its calls to other services. auth-service is the issuer, so it signs the
 * token itself instead of asking itself for client credentials over HTTP; the token is reused until shortly before
 * it expires. {@link OwnServiceTokenFilter} puts it on calls to otp-service; it stays a bean even where nothing
 * injects it, because the filter looks it up.
 */
@ApplicationScoped
@Unremovable
public class OwnServiceToken {

    static final String CLIENT_ID = "auth-service";
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(30);

    private final TokenIssuer issuer;
    private final List<String> scopes;
    private volatile TokenIssuer.SignedToken current;

    /** Its scopes are those registered for the client {@code auth-service}, like any other client's. */
    public OwnServiceToken(TokenIssuer issuer, AuthConfig config) {
        this.issuer = issuer;
        AuthConfig.Client self = config.clients().get(CLIENT_ID);
        this.scopes = self == null ? List.of() : self.scopes().orElse(List.of());
    }

    /** {@code Bearer <token>}, ready for an Authorization header. */
    public String authorization() {
        TokenIssuer.SignedToken token = current;
        if (token == null || Instant.now().plus(RENEW_BEFORE_EXPIRY).isAfter(token.expiresAt())) {
            token = issuer.serviceToken(CLIENT_ID, scopes);
            current = token;
        }
        return "Bearer " + token.token();
    }
}
