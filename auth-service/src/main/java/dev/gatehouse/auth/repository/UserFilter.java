package dev.gatehouse.auth.repository;

/**
 * What an administrator searches people by; each value is one normalised list entry (trimmed, lower-cased) or
 * {@code null} for "any". A person matches when every given value is in the matching list of their backgrounds.
 */
public record UserFilter(String language, String framework, String platform, String deviceType) {

    boolean needsSoftware() {
        return language != null || framework != null;
    }

    boolean needsHardware() {
        return platform != null || deviceType != null;
    }
}
