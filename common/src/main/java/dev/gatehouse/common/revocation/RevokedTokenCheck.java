package dev.gatehouse.common.revocation;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.gatehouse.common.security.TokenClaims;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * Refuses, as unauthenticated, a verified access token whose session ({@code sid}) was revoked or whose person
 * ({@code sub}) deleted their account, as far as {@link RevokedTokens} knows. Service tokens carry neither and pass.
 */
@ApplicationScoped
public class RevokedTokenCheck implements SecurityIdentityAugmentor {

    private final RevokedTokens revoked;

    public RevokedTokenCheck(RevokedTokens revoked) {
        this.revoked = revoked;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && !TokenClaims.isService(jwt)
                && revoked.isRevoked(uuid(TokenClaims.text(jwt, "sid")), uuid(jwt.getSubject()))) {
            return Uni.createFrom().failure(new AuthenticationFailedException("The token was revoked."));
        }
        return Uni.createFrom().item(identity);
    }

    private static UUID uuid(String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }
}
