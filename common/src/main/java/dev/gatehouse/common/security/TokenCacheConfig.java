package dev.gatehouse.common.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How long a service trusts a bearer token it has already verified without checking its signature again
 * ({@code GATEHOUSE_TOKEN_CACHE_MAX_ENTRIES},
 * {@code GATEHOUSE_TOKEN_CACHE_TTL}). See {@link VerifiedTokenCache}.
 */
@ConfigMapping(prefix = "gatehouse.token-cache")
public interface TokenCacheConfig {

    /** How many verified tokens are kept at most; 0 verifies every request's signature. */
    @WithDefault("1024")
    int maxEntries();

    /**
     * How long one verification is trusted at most (never past the token's expiry). It bounds how long a signing
     * key withdrawn from the key set keeps vouching for tokens already verified with it.
     */
    @WithDefault("PT60S")
    Duration ttl();
}
