package dev.gatehouse.auth.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;

import dev.gatehouse.auth.config.AuthConfig;
import dev.gatehouse.common.security.ServiceTokenConfig;
import dev.gatehouse.common.security.VerifiedTokenCache;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * auth-service verifies bearer tokens against the keys it holds in memory instead of fetching its own JWKS over
 * HTTP: no start-up ordering problem and no network hop. The rules are the ones every other service applies
 * through its JWKS URL: ES256 only, issuer, audience (people's or services'), expiry. Which of the two a token is
 * decides what it may do: service tokens are refused where a person is expected, and only they carry scopes.
 * <p>
 * Its priority is above the JWKS verifier every service gets from the common module. A token verified a moment ago
 * is not verified again ({@link VerifiedTokenCache}).
 */
@ApplicationScoped
@Alternative
@Priority(2)
public class LocalKeyTokenVerifier extends JWTCallerPrincipalFactory {

    private static final int CLOCK_SKEW_SECONDS = 30;

    private final JwtConsumer consumer;
    private final VerifiedTokenCache cache;

    public LocalKeyTokenVerifier(SigningKeys keys, AuthConfig config, ServiceTokenConfig serviceTokens,
            VerifiedTokenCache cache) {
        this.cache = cache;
        try {
            JsonWebKeySet published = new JsonWebKeySet(keys.publicJwks());
            this.consumer = new JwtConsumerBuilder()
                    .setVerificationKeyResolver(new JwksVerificationKeyResolver(published.getJsonWebKeys()))
                    .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                            AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
                    .setExpectedIssuer(config.jwt().issuer())
                    .setExpectedAudience(config.jwt().audience(), serviceTokens.audience())
                    .setRequireExpirationTime().setRequireSubject().setRequireIssuedAt()
                    .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS).build();
        } catch (JoseException e) {
            throw new IllegalStateException("The published key set cannot be read back", e);
        }
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        // The context is not used: every token is checked against the keys in memory, by the same rules.
        return cache.verify(token, consumer, () -> verify(token));
    }

    private JWTCallerPrincipal verify(String token) throws ParseException {
        try {
            JwtContext verified = consumer.process(token);
            return new DefaultJWTCallerPrincipal(token, "JWT", verified.getJwtClaims());
        } catch (InvalidJwtException e) {
            throw new ParseException("The bearer token is not valid", e);
        }
    }

}
