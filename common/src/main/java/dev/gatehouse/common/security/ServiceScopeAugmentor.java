package dev.gatehouse.common.security;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Turns the {@code scope} claim of a verified service token into permissions, which internal endpoints check with
 * {@code @PermissionsAllowed(ServiceScopes.X)}. Only a token that is a service token by both its {@code token_use}
 * and its audience gets any: a person's token, or a token whose audience is that of people, has no permissions and
 * is answered 403 at every internal endpoint.
 */
@ApplicationScoped
public class ServiceScopeAugmentor implements SecurityIdentityAugmentor {

    public static final String SCOPE = "scope";

    private final ServiceTokenConfig config;

    public ServiceScopeAugmentor(ServiceTokenConfig config) {
        this.config = config;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || !TokenClaims.isService(jwt) || jwt.getAudience() == null
                || !jwt.getAudience().contains(config.audience())) {
            return Uni.createFrom().item(identity);
        }
        Set<String> scopes = scopes(jwt);
        if (scopes.isEmpty()) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addPermissionsAsString(scopes).build());
    }

    /** RFC 8693 / RFC 9068: {@code scope} is one space-separated string. */
    static Set<String> scopes(JsonWebToken jwt) {
        String claim = TokenClaims.text(jwt, SCOPE);
        if (claim == null || claim.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(claim.trim().split("\\s+")).collect(Collectors.toUnmodifiableSet());
    }
}
