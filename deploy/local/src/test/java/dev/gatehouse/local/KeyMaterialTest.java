package dev.gatehouse.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class KeyMaterialTest {

    @Test
    void writesAPrivateEs256JwkSetThatSigns(@TempDir Path directory) throws Exception {
        KeyMaterial keys = KeyMaterial.loadOrCreate(directory);
        JsonNode jwk = new ObjectMapper().readTree(keys.jwksFile().toFile()).path("keys").get(0);

        assertEquals("EC", jwk.path("kty").asText());
        assertEquals("P-256", jwk.path("crv").asText());
        assertEquals("sig", jwk.path("use").asText());
        assertEquals("ES256", jwk.path("alg").asText());
        assertFalse(jwk.path("kid").asText().isBlank());
        byte[] x = decode(jwk, "x");
        byte[] y = decode(jwk, "y");
        byte[] d = decode(jwk, "d");
        assertEquals(32, x.length);
        assertEquals(32, y.length);
        assertEquals(32, d.length);

        // The private scalar and the public point belong together: what one signs, the other verifies.
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec p256 = parameters.getParameterSpec(ECParameterSpec.class);
        KeyFactory factory = KeyFactory.getInstance("EC");
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(factory.generatePrivate(new ECPrivateKeySpec(new BigInteger(1, d), p256)));
        byte[] data = "header.payload".getBytes(StandardCharsets.UTF_8);
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(factory.generatePublic(
                new ECPublicKeySpec(new ECPoint(new BigInteger(1, x), new BigInteger(1, y)), p256)));
        verifier.update(data);
        assertTrue(verifier.verify(signature));
    }

    @Test
    void reusesWhatItGeneratedAndKeepsItPrivate(@TempDir Path directory) throws Exception {
        KeyMaterial first = KeyMaterial.loadOrCreate(directory);
        String jwks = Files.readString(first.jwksFile());
        KeyMaterial second = KeyMaterial.loadOrCreate(directory);

        assertEquals(jwks, Files.readString(second.jwksFile()));
        for (String name : new String[] { KeyMaterial.CLIENT_SECRET_AUTH_SERVICE,
                KeyMaterial.CLIENT_SECRET_COMPANY_SERVICE, KeyMaterial.CLIENT_SECRET_APPROVAL_SERVICE,
                KeyMaterial.CLIENT_SECRET_IMPORTER,
                KeyMaterial.OTP_HASH_KEY, KeyMaterial.TWILIO_ACCOUNT_SID, KeyMaterial.TWILIO_AUTH_TOKEN }) {
            assertEquals(first.secret(name), second.secret(name), name);
        }
        assertNotEquals(first.secret(KeyMaterial.CLIENT_SECRET_COMPANY_SERVICE),
                first.secret(KeyMaterial.CLIENT_SECRET_APPROVAL_SERVICE));
        assertTrue(first.secret(KeyMaterial.TWILIO_ACCOUNT_SID).matches("AC[0-9a-f]{32}"));
        assertEquals(PosixFilePermissions.fromString("rw-------"),
                Files.getPosixFilePermissions(first.jwksFile()));
        assertEquals(PosixFilePermissions.fromString("rw-------"),
                Files.getPosixFilePermissions(directory.resolve("secrets.properties")));
    }

    @Test
    void padsAndTrimsCoordinatesToExactly32Bytes() {
        byte[] one = KeyMaterial.fieldBytes(BigInteger.ONE);
        assertEquals(32, one.length);
        assertEquals(1, one[31]);
        BigInteger highBitSet = BigInteger.ONE.shiftLeft(255); // toByteArray adds a sign byte: 33 bytes
        byte[] trimmed = KeyMaterial.fieldBytes(highBitSet);
        assertEquals(32, trimmed.length);
        assertEquals((byte) 0x80, trimmed[0]);
        assertArrayEquals(new byte[32], KeyMaterial.fieldBytes(BigInteger.ZERO));
    }

    private static byte[] decode(JsonNode jwk, String field) {
        return Base64.getUrlDecoder().decode(jwk.path(field).asText());
    }
}
