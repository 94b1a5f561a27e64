package dev.gatehouse.auth.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Derives the refresh token that succeeds a presented one, so that every retry of one rotation gets the same
 * successor without the successor ever being stored.
 * <p>
 * The successor is {@code HMAC-SHA256(key, successorId || presentedToken)}. Only its SHA-256 hash is stored, like
 * every other refresh token; {@code successorId} is the random id of the successor's row, which the rotated token
 * records in {@code replaced_by}. A retry of the same rotation (two tabs, a client that lost the answer) presents
 * the same token, finds the same {@code replaced_by}, and so computes the same successor: the session keeps one
 * chain instead of forking into as many as there were retries.
 * <p>
 * Why derive rather than store the successor encrypted: nothing secret is added to the database, and there is no
 * ciphertext to protect or clean up; the answer to a retry is recomputed from what the caller proves it holds. It
 * takes three things to compute a successor: the presented token (only its holder has it), the successor's row id
 * (only in the database) and the key (only in the service's memory), so neither a database dump nor a stolen token
 * alone predicts the chain. The key is derived from the active signing key with a label of its own, so no further
 * secret has to be deployed and every replica, loading the same key file, derives the same key.
 */
@ApplicationScoped
public class SuccessorTokens {

    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] LABEL = "gatehouse refresh token successor v1".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;

    public SuccessorTokens(SigningKeys keys) {
        this.key = new SecretKeySpec(mac(new SecretKeySpec(secretOf(keys.activePrivateKey()), ALGORITHM), LABEL),
                ALGORITHM);
    }

    /** The successor of {@code presentedToken} whose row has id {@code successorId}; always the same for both. */
    public String successorOf(String presentedToken, UUID successorId) {
        byte[] id = ByteBuffer.allocate(16).putLong(successorId.getMostSignificantBits())
                .putLong(successorId.getLeastSignificantBits()).array();
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac(key, id, presentedToken.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] secretOf(PrivateKey signingKey) {
        if (signingKey instanceof ECPrivateKey ec) {
            return ec.getS().toByteArray();
        }
        byte[] encoded = signingKey.getEncoded();
        if (encoded == null) {
            throw new IllegalStateException("The signing key cannot be read to derive the refresh token key");
        }
        return encoded;
    }

    private static byte[] mac(SecretKeySpec key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is required by every JVM", e);
        }
    }
}
