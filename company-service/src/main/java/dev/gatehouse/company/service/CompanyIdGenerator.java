package dev.gatehouse.company.service;

import java.security.SecureRandom;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Public company ids such as {@code KE-7K3M-9Q2X}: the country, then 40 random bits in Crockford base32 (no I, L, O
 * or U, so nothing is misread when the id is typed or spoken). Collisions are unlikely, and the unique constraint
 * catches the rare one, after which creation is retried with a new id.
 */
@ApplicationScoped
public class CompanyIdGenerator {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private final SecureRandom random = new SecureRandom();

    public String next(String countryCode) {
        StringBuilder id = new StringBuilder(countryCode).append('-');
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                id.append('-');
            }
            id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}
