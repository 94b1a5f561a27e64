package dev.gatehouse.auth.security;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;

import dev.gatehouse.auth.config.AuthConfig;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

/**
 * Device tokens: a device that signed in successfully gets one, signed with the token key and bound to the account,
 * and sends it back with later logins. Failed logins are then counted for that device apart from the others, so an
 * attacker guessing from elsewhere cannot lock the owner's own device out.
 * <p>
 * The audience is the token audience with {@code :device} appended, so no service takes a device token for an access
 * token, and {@code token_use} is {@code device}. The {@code device} claim names the device: it stays the same when
 * the token is renewed at the next login.
 */
@ApplicationScoped
public class DeviceTokens {

    private static final String TOKEN_USE = "device";

    private final SigningKeys keys;
    private final AuthConfig config;
    private final String audience;
    private final JwtConsumer consumer;

    public DeviceTokens(SigningKeys keys, AuthConfig config) {
        this.keys = keys;
        this.config = config;
        this.audience = config.jwt().audience() + ":device";
        try {
            JsonWebKeySet published = new JsonWebKeySet(keys.publicJwks());
            this.consumer = new JwtConsumerBuilder()
                    .setVerificationKeyResolver(new JwksVerificationKeyResolver(published.getJsonWebKeys()))
                    .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                            AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
                    .setExpectedIssuer(config.jwt().issuer()).setExpectedAudience(audience)
                    .setRequireExpirationTime().setRequireSubject().build();
        } catch (JoseException e) {
            throw new IllegalStateException("The published key set cannot be read back", e);
        }
    }

    /** A device token for {@code device} of the account {@code userId}. */
    public String issue(UUID userId, UUID device) {
        Instant now = Instant.now();
        return Jwt.issuer(config.jwt().issuer()).audience(audience).subject(userId.toString()).issuedAt(now)
                .expiresAt(now.plus(config.login().deviceTokenTtl())).claim("device", device.toString())
                .claim("token_use", TOKEN_USE).jws().keyId(keys.activeKid()).algorithm(SignatureAlgorithm.ES256)
                .sign(keys.activePrivateKey());
    }

    /**
     * The device a token names, when the token is genuine, unexpired and belongs to {@code userId}; empty for
     * anything else (a device token is a hint, never a reason to refuse a login).
     */
    public Optional<UUID> deviceOf(String token, UUID userId) {
        return verify(token).filter(device -> device.userId().equals(userId)).map(Device::device);
    }

    /** The device and account a genuine, unexpired device token names, whichever account it is presented for. */
    public Optional<Device> verify(String token) {
        if (token == null || token.isBlank() || token.length() > 4096) {
            return Optional.empty();
        }
        try {
            JwtClaims claims = consumer.processToClaims(token);
            String device = claims.getClaimValueAsString("device");
            if (!TOKEN_USE.equals(claims.getClaimValueAsString("token_use")) || device == null) {
                return Optional.empty();
            }
            return Optional.of(new Device(UUID.fromString(claims.getSubject()), UUID.fromString(device)));
        } catch (InvalidJwtException | MalformedClaimException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A device of an account, as a genuine device token names it. */
    public record Device(UUID userId, UUID device) {
    }
}
