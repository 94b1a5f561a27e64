package dev.gatehouse.auth.security;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.User;
import dev.gatehouse.auth.config.AuthConfig;
import dev.gatehouse.common.security.ServiceScopeAugmentor;
import dev.gatehouse.common.security.ServiceTokenConfig;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** Signs the access tokens of people and the client-credentials tokens of services (ES256, with a kid). */
@ApplicationScoped
public class TokenIssuer {

    private final SigningKeys keys;
    private final AuthConfig.Jwt config;
    private final ServiceTokenConfig serviceTokens;

    public TokenIssuer(SigningKeys keys, AuthConfig config, ServiceTokenConfig serviceTokens) {
        this.keys = keys;
        this.config = config.jwt();
        this.serviceTokens = serviceTokens;
    }

    public SignedToken accessToken(User user, UUID sessionId) {
        Instant now = Instant.now();
        Instant expires = now.plus(config.accessTokenTtl());
        JwtClaimsBuilder claims = Jwt.issuer(config.issuer()).audience(config.audience())
                .subject(user.id.toString()).issuedAt(now).expiresAt(expires)
                .claim("jti", UUID.randomUUID().toString()).claim("sid", sessionId.toString())
                .claim("token_use", "access").claim("email", user.email)
                .claim("email_verified", user.emailVerified).claim("phone_number_verified", user.phoneVerified)
                .groups(new HashSet<>(user.roles));
        if (user.phoneNumber != null) {
            // an imported account may have no phone number: the claim is then left out, as OIDC does
            claims.claim("phone_number", user.phoneNumber);
        }
        return new SignedToken(sign(claims), expires);
    }

    /**
     * A client-credentials token: the service audience only (never the audience of people's tokens), the client's
     * scopes as one space-separated {@code scope} claim, and no roles.
     */
    public SignedToken serviceToken(String clientId, Collection<String> scopes) {
        Instant now = Instant.now();
        Instant expires = now.plus(config.serviceTokenTtl());
        JwtClaimsBuilder claims = Jwt.issuer(config.issuer()).audience(serviceTokens.audience()).subject(clientId)
                .issuedAt(now).expiresAt(expires).claim("jti", UUID.randomUUID().toString())
                .claim("client_id", clientId).claim("token_use", "service")
                .claim(ServiceScopeAugmentor.SCOPE, String.join(" ", new TreeSet<>(scopes)));
        return new SignedToken(sign(claims), expires);
    }

    private String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId(keys.activeKid()).algorithm(SignatureAlgorithm.ES256).sign(keys.activePrivateKey());
    }

    /** A compact JWS and the instant it stops being valid. */
    public record SignedToken(String token, Instant expiresAt) {
        public long expiresInSeconds() {
            return Math.max(0, expiresAt.getEpochSecond() - Instant.now().getEpochSecond());
        }
    }
}
