package dev.gatehouse.auth.security;

/**
 * What verifying a password against a stored hash found: whether it matches, and whether the stored hash should be
 * replaced by a fresh Argon2id hash of the same password (legacy format, or Argon2id with outdated parameters).
 */
public record PasswordCheck(boolean matches, boolean needsRehash) {

    public static final PasswordCheck NO_MATCH = new PasswordCheck(false, false);
    public static final PasswordCheck MATCH = new PasswordCheck(true, false);
    public static final PasswordCheck MATCH_NEEDS_REHASH = new PasswordCheck(true, true);
}
