package dev.gatehouse.auth.security;

import java.io.IOException;
import java.nio.file.Files;
import java.security.PrivateKey;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

import dev.gatehouse.auth.config.AuthConfig;

/**
 * The EC P-256 keys tokens are signed with and verified against.
 * <p>
 * Every replica loads the same JWK Set from a mounted secret, so any replica verifies what another signed. Rotation
 * is done in the file: add a key, point {@code JWT_ACTIVE_KID} at it, and remove the old key once the longest token
 * lifetime has passed; until then the old key is still published in the JWKS.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    private final List<EllipticCurveJsonWebKey> keys;
    private final EllipticCurveJsonWebKey active;
    private final String publicJwks;

    public SigningKeys(AuthConfig config) {
        this.keys = load(config.jwt());
        String activeKid = config.jwt().activeKid().orElse(keys.get(0).getKeyId());
        this.active = keys.stream().filter(k -> activeKid.equals(k.getKeyId())).findFirst()
                .orElseThrow(() -> new IllegalStateException("JWT_ACTIVE_KID " + activeKid + " is not in the key set"));
        if (active.getPrivateKey() == null) {
            throw new IllegalStateException("The active signing key " + activeKid + " has no private part");
        }
        this.publicJwks = new JsonWebKeySet(keys.stream().map(k -> (JsonWebKey) k).toList())
                .toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        LOG.infof("Signing with key %s; %d key(s) published", activeKid, keys.size());
    }

    public String activeKid() {
        return active.getKeyId();
    }

    public PrivateKey activePrivateKey() {
        return active.getPrivateKey();
    }

    /** The JWKS document: public parts only. */
    public String publicJwks() {
        return publicJwks;
    }

    private static List<EllipticCurveJsonWebKey> load(AuthConfig.Jwt jwt) {
        if (jwt.keysFile().isPresent()) {
            try {
                String json = Files.readString(jwt.keysFile().get());
                List<EllipticCurveJsonWebKey> loaded = new JsonWebKeySet(json).getJsonWebKeys().stream()
                        .filter(EllipticCurveJsonWebKey.class::isInstance).map(EllipticCurveJsonWebKey.class::cast)
                        .filter(k -> EllipticCurves.P_256.equals(k.getCurveName())).toList();
                if (loaded.isEmpty() || loaded.stream().anyMatch(k -> k.getKeyId() == null)) {
                    throw new IllegalStateException(
                            "The key set must hold at least one EC P-256 key, and every key needs a kid");
                }
                return loaded;
            } catch (IOException | JoseException e) {
                throw new IllegalStateException("Cannot read the JWT key set " + jwt.keysFile().get(), e);
            }
        }
        if (!jwt.generateKeyIfMissing()) {
            throw new IllegalStateException("JWT_KEYS_FILE is required: no signing keys are configured");
        }
        try {
            EllipticCurveJsonWebKey generated = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            generated.setKeyId("generated-" + Long.toHexString(System.nanoTime()));
            generated.setUse("sig");
            generated.setAlgorithm("ES256");
            LOG.warn("No JWT key set configured: signing with a generated key that dies with this process");
            return List.of(generated);
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot generate an EC P-256 key", e);
        }
    }
}
