package dev.gatehouse.otp.security;

import java.security.SecureRandom;

import jakarta.inject.Singleton;

import dev.gatehouse.otp.config.OtpConfig;

/** Makes codes of uniformly random digits, leading zeros included. */
@Singleton
public class CodeGenerator {

    private final SecureRandom random = new SecureRandom();
    private final int length;

    public CodeGenerator(OtpConfig config) {
        this.length = config.codeLength();
    }

    public String newCode() {
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append((char) ('0' + random.nextInt(10)));
        }
        return code.toString();
    }
}
