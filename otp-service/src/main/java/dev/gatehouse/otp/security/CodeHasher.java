package dev.gatehouse.otp.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Singleton;

import dev.gatehouse.otp.config.OtpConfig;

/**
 * Hashes codes with HMAC-SHA256 under {@code OTP_HASH_KEY}. A six-digit code has only a million values, so a plain
 * hash would fall to a lookup table; without the key a leaked row reveals nothing. The OTP id is part of the input,
 * so two rows with the same code still have different hashes.
 */
@Singleton
public class CodeHasher {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public CodeHasher(OtpConfig config) {
        this.key = new SecretKeySpec(config.hashKey().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** Lower-case hex, 64 characters. */
    public String hash(UUID otpId, String code) {
        return HexFormat.of().formatHex(mac(otpId, code));
    }

    /** Compares in constant time, so response timing says nothing about how close a guess was. */
    public boolean matches(UUID otpId, String code, String storedHash) {
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(storedHash);
        } catch (IllegalArgumentException corrupt) {
            return false;
        }
        return MessageDigest.isEqual(mac(otpId, code), expected);
    }

    private byte[] mac(UUID otpId, String code) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(otpId.toString().getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) ':');
            return mac.doFinal(code.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
