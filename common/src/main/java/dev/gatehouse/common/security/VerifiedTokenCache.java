package dev.gatehouse.common.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Bearer tokens whose signature and claims were verified a moment ago, so that a client sending the same access
 * token with every request pays for one ES256 verification per token and minute instead of one per request (on
 * Java 17 a verification costs about a millisecond of CPU, most of what a JWT-protected read costs).
 * <p>
 * Only tokens that passed verification are kept, keyed by the whole token text, so a token differing from a kept
 * one in any character is verified afresh, and garbage never takes room. A kept verification is trusted until the
 * earlier of the token's {@code exp} and {@link TokenCacheConfig#ttl()} after it was made; after that the token is
 * verified again (with the verifier's clock skew). Revocation is unaffected: it is checked on every request after
 * verification ({@code RevokedTokenCheck}, or the session read of auth-service). When full, expired entries go
 * first and, if none has expired, all of them: a miss costs one verification, nothing else.
 */
@ApplicationScoped
public class VerifiedTokenCache {

    /** Verifies a token that is not kept (or no longer trusted); throws when it is not valid. */
    @FunctionalInterface
    public interface Verifier {
        JWTCallerPrincipal verify() throws ParseException;
    }

    private record Entry(JWTCallerPrincipal principal, long trustedUntilMillis) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final long ttlMillis;
    private final LongSupplier clock;

    @Inject
    public VerifiedTokenCache(TokenCacheConfig config) {
        this(config.maxEntries(), config.ttl().toMillis(), System::currentTimeMillis);
    }

    VerifiedTokenCache(int maxEntries, long ttlMillis, LongSupplier clock) {
        if (maxEntries < 0 || ttlMillis < 0) {
            throw new IllegalArgumentException("gatehouse.token-cache: max-entries and ttl must not be negative");
        }
        this.maxEntries = maxEntries;
        this.ttlMillis = ttlMillis;
        this.clock = clock;
    }

    /** The principal of {@code token}: the kept one while it is trusted, otherwise what {@code verifier} says. */
    public JWTCallerPrincipal verify(String token, Verifier verifier) throws ParseException {
        if (maxEntries == 0 || token == null) {
            return verifier.verify();
        }
        long now = clock.getAsLong();
        Entry kept = entries.get(token);
        if (kept != null) {
            if (now < kept.trustedUntilMillis()) {
                return kept.principal();
            }
            entries.remove(token, kept);
        }
        JWTCallerPrincipal principal = verifier.verify();
        long trustedUntil = Math.min(now + ttlMillis, Math.multiplyExact(principal.getExpirationTime(), 1000L));
        if (trustedUntil > now) {
            if (entries.size() >= maxEntries) {
                makeRoom(now);
            }
            entries.put(token, new Entry(principal, trustedUntil));
        }
        return principal;
    }

    /** Whether a verification of {@code token} is kept and still trusted. */
    public boolean keeps(String token) {
        Entry kept = entries.get(token);
        return kept != null && clock.getAsLong() < kept.trustedUntilMillis();
    }

    int size() {
        return entries.size();
    }

    private void makeRoom(long now) {
        entries.values().removeIf(entry -> entry.trustedUntilMillis() <= now);
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
    }
}
