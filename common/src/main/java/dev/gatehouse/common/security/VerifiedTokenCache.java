package dev.gatehouse.common.security;

import java.util.Base64;
import java.util.Iterator;
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
 * one in any character is verified afresh, and garbage never takes room. A token must be in the one canonical
 * spelling of the JWS compact serialization (three base64url parts without padding or stray bits) or it is refused
 * before any verification: the JWT library alone would also accept a token with characters appended or padding bits
 * set, and such variants of one valid token must neither pass for it nor fill the cache. Tokens longer than
 * {@value #MAX_KEPT_LENGTH} characters are verified every time, never kept. A verification is kept for the context
 * it was made in (the verifier's settings) only. A kept verification is trusted until the
 * earlier of the token's {@code exp} and {@link TokenCacheConfig#ttl()} after it was made; after that the token is
 * verified again (with the verifier's clock skew). Revocation is unaffected: it is checked on every request after
 * verification ({@code RevokedTokenCheck}). When full, expired entries go first and, if that is not enough, a
 * quarter of the others: a miss costs one verification, nothing else.
 */
@ApplicationScoped
public class VerifiedTokenCache {

    /** Verifies a token that is not kept (or no longer trusted); throws when it is not valid. */
    @FunctionalInterface
    public interface Verifier {
        JWTCallerPrincipal verify() throws ParseException;
    }

    /** Longer than any token auth-service signs (about a kilobyte); longer ones are verified every time. */
    static final int MAX_KEPT_LENGTH = 4096;

    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private record Entry(JWTCallerPrincipal principal, Object context, long trustedUntilMillis) {
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

    /**
     * The principal of {@code token}: the one kept for the same {@code context} (compared by identity) while it is
     * trusted, otherwise what {@code verifier} says.
     */
    public JWTCallerPrincipal verify(String token, Object context, Verifier verifier) throws ParseException {
        if (token == null) {
            throw new ParseException("No bearer token");
        }
        long now = clock.getAsLong();
        // Only canonical tokens are ever kept, so a kept one needs no second look at its spelling.
        Entry kept = maxEntries == 0 ? null : entries.get(token);
        if (kept != null) {
            if (kept.context() == context && now < kept.trustedUntilMillis()) {
                return kept.principal();
            }
            entries.remove(token, kept);
        }
        if (!isCompactSerialization(token)) {
            throw new ParseException("The bearer token is not a JWS in compact serialization");
        }
        JWTCallerPrincipal principal = verifier.verify();
        if (maxEntries == 0) {
            return principal;
        }
        long trustedUntil = Math.min(now + ttlMillis, Math.multiplyExact(principal.getExpirationTime(), 1000L));
        if (trustedUntil > now && token.length() <= MAX_KEPT_LENGTH) {
            if (entries.size() >= maxEntries) {
                makeRoom(now);
            }
            entries.put(token, new Entry(principal, context, trustedUntil));
        }
        return principal;
    }

    /** Three base64url parts, each exactly as its bytes encode: nothing appended, no padding, no stray bits. */
    static boolean isCompactSerialization(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty()) {
                return false;
            }
            try {
                if (!ENCODER.encodeToString(DECODER.decode(part)).equals(part)) {
                    return false;
                }
            } catch (IllegalArgumentException notBase64Url) {
                return false;
            }
        }
        return true;
    }

    /** Whether a verification of {@code token} is kept and still trusted (in whichever context). */
    public boolean keeps(String token) {
        Entry kept = entries.get(token);
        return kept != null && clock.getAsLong() < kept.trustedUntilMillis();
    }

    int size() {
        return entries.size();
    }

    private void makeRoom(long now) {
        entries.values().removeIf(entry -> entry.trustedUntilMillis() <= now);
        // The map's order follows the tokens' hashes, so what goes is a pseudo-random quarter.
        Iterator<Entry> some = entries.values().iterator();
        while (entries.size() > maxEntries * 3 / 4 && some.hasNext()) {
            some.next();
            some.remove();
        }
    }
}
