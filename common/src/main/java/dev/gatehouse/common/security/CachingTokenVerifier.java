package dev.gatehouse.common.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * smallrye-jwt's own verification (the {@code mp.jwt.verify.*} rules against auth-service's JWKS), done once per
 * token and {@link TokenCacheConfig#ttl()} rather than once per request. auth-service replaces it with a verifier
 * of higher priority that uses the keys in its memory and the same cache.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class CachingTokenVerifier extends JWTCallerPrincipalFactory {

    private final JWTCallerPrincipalFactory verifier = new DefaultJWTCallerPrincipalFactory();
    private final VerifiedTokenCache cache;

    public CachingTokenVerifier(VerifiedTokenCache cache) {
        this.cache = cache;
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        return cache.verify(token, authContextInfo, () -> verifier.parse(token, authContextInfo));
    }
}
