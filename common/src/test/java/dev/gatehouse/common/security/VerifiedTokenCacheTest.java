package dev.gatehouse.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;

class VerifiedTokenCacheTest {

    private static final long START = 1_800_000_000_000L;
    private static final Object CONTEXT = new Object();
    // Three canonical base64url parts, as a signed token has.
    private static final String TOKEN = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl";

    private final AtomicLong now = new AtomicLong(START);
    private final AtomicInteger verifications = new AtomicInteger();

    @Test
    void aTokenVerifiedAMomentAgoIsNotVerifiedAgain() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(16, 60_000, now::get);
        JWTCallerPrincipal first = cache.verify(TOKEN, CONTEXT, valid("a", 900));
        now.addAndGet(59_999);
        assertSame(first, cache.verify(TOKEN, CONTEXT, valid("a", 900)));
        assertEquals(1, verifications.get());
    }

    @Test
    void aTokenDifferingInOneCharacterIsVerifiedAfresh() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(16, 60_000, now::get);
        cache.verify(TOKEN, CONTEXT, valid("a", 900));
        assertThrows(ParseException.class,
                () -> cache.verify(TOKEN.substring(0, TOKEN.length() - 1) + "g", CONTEXT, invalid()));
        assertThrows(ParseException.class,
                () -> cache.verify(TOKEN.substring(0, TOKEN.length() - 1) + "g", CONTEXT, invalid()));
        assertEquals(3, verifications.get());
        assertEquals(1, cache.size(), "a token that failed is never kept");
    }

    @Test
    void trustEndsAfterTheTimeToLive() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(16, 60_000, now::get);
        verifiedTwice(cache, 900, 60_000);
        assertEquals(2, verifications.get());
    }

    @Test
    void trustNeverOutlivesTheTokensExpiry() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(16, 60_000, now::get);
        verifiedTwice(cache, 10, 9_999);
        assertEquals(1, verifications.get());
        now.addAndGet(1);
        // Verified again at expiry: the verifier, with its clock skew, decides; here it refuses.
        assertThrows(ParseException.class, () -> cache.verify(TOKEN, CONTEXT, invalid()));
        assertThrows(ParseException.class, () -> cache.verify(TOKEN, CONTEXT, invalid()));
        assertEquals(3, verifications.get());
        assertEquals(0, cache.size());
    }

    @Test
    void anAlreadyExpiredTokenIsNotKept() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(16, 60_000, now::get);
        cache.verify(TOKEN, CONTEXT, valid("a", -5));
        assertEquals(0, cache.size());
    }

    @Test
    void theCacheHoldsAtMostItsSize() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(4, 60_000, now::get);
        for (int i = 0; i < 100; i++) {
            cache.verify(canonical("t" + i), CONTEXT, valid("s" + i, 900));
            assertTrue(cache.size() <= 4, "size " + cache.size());
        }
    }

    @Test
    void expiredEntriesMakeRoomFirst() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(3, 60_000, now::get);
        cache.verify(canonical("short-1"), CONTEXT, valid("a", 5));
        cache.verify(canonical("short-2"), CONTEXT, valid("b", 5));
        cache.verify(canonical("long"), CONTEXT, valid("c", 900));
        now.addAndGet(5_000);
        cache.verify(canonical("new"), CONTEXT, valid("d", 900));
        assertEquals(2, cache.size());
        cache.verify(canonical("long"), CONTEXT, valid("c", 900));
        assertEquals(4, verifications.get(), "the unexpired entry stayed");
    }

    @Test
    void sizeZeroVerifiesEveryTime() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(0, 60_000, now::get);
        cache.verify(TOKEN, CONTEXT, valid("a", 900));
        cache.verify(TOKEN, CONTEXT, valid("a", 900));
        assertEquals(2, verifications.get());
    }

    @Test
    void parallelRequestsWithManyTokensGetTheirOwnPrincipal() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(8, 60_000, now::get);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 4_000; i++) {
                String subject = "s" + (i % 40);
                Callable<Boolean> request = () -> subject
                        .equals(cache.verify(canonical(subject), CONTEXT, valid(subject, 900)).getSubject());
                answers.add(pool.submit(request));
            }
            for (Future<Boolean> answer : answers) {
                assertTrue(answer.get(), "a request got another token's principal");
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(cache.size() <= 8 + 8, "size " + cache.size());
    }

    @Test
    void anythingButTheCanonicalSpellingIsRefusedUnverified() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(16, 60_000, now::get);
        cache.verify(TOKEN, CONTEXT, valid("a", 900));
        // What a lenient decoder reads as the same token: characters appended, padding, stray bits in the last one;
        // and what is not a compact JWS at all.
        for (String variant : List.of(TOKEN + "=x1", TOKEN + "=", TOKEN + ".", TOKEN.replace("In0.", "In1."),
                "." + TOKEN, TOKEN.replace('.', '!'), TOKEN + "\n", TOKEN.substring(0, TOKEN.lastIndexOf('.') + 1),
                "", "a.b")) {
            assertThrows(ParseException.class, () -> cache.verify(variant, CONTEXT, valid("a", 900)), variant);
            assertFalse(cache.keeps(variant), variant);
        }
        assertEquals(1, verifications.get(), "no variant reached the verifier");
        assertEquals(1, cache.size());
    }

    @Test
    void aTokenLongerThanAnyIssuedIsNotKept() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(16, 60_000, now::get);
        String longToken = canonical("x".repeat(VerifiedTokenCache.MAX_KEPT_LENGTH));
        cache.verify(longToken, CONTEXT, valid("a", 900));
        assertFalse(cache.keeps(longToken));
    }

    @Test
    void aVerificationCountsOnlyInTheContextItWasMadeIn() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(16, 60_000, now::get);
        cache.verify(TOKEN, CONTEXT, valid("a", 900));
        assertThrows(ParseException.class, () -> cache.verify(TOKEN, new Object(), invalid()));
        assertEquals(2, verifications.get());
        assertFalse(cache.keeps(TOKEN), "the entry of the other context is dropped");
    }

    @Test
    void aFullCacheKeepsMostOfWhatItHolds() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(100, 60_000, now::get);
        for (int i = 0; i < 100; i++) {
            cache.verify(canonical("t" + i), CONTEXT, valid("s" + i, 900));
        }
        cache.verify(canonical("one more"), CONTEXT, valid("n", 900));
        assertEquals(76, cache.size());
    }

    /** Asks {@code cache} for {@link #TOKEN}, expiring in {@code expiresInSeconds}, twice, {@code apartMillis} apart. */
    private void verifiedTwice(VerifiedTokenCache cache, long expiresInSeconds, long apartMillis) throws Exception {
        cache.verify(TOKEN, CONTEXT, valid("a", expiresInSeconds));
        now.addAndGet(apartMillis);
        cache.verify(TOKEN, CONTEXT, valid("a", expiresInSeconds));
    }

    /** A token-shaped text (three canonical base64url parts) naming {@code name}. */
    private static String canonical(String name) {
        java.util.Base64.Encoder encoder = java.util.Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString("{}".getBytes()) + "." + encoder.encodeToString(name.getBytes()) + "."
                + encoder.encodeToString("sig".getBytes());
    }

    private VerifiedTokenCache.Verifier valid(String subject, long expiresInSeconds) {
        return () -> {
            verifications.incrementAndGet();
            JwtClaims claims = new JwtClaims();
            claims.setSubject(subject);
            claims.setExpirationTime(NumericDate.fromMilliseconds(now.get() + expiresInSeconds * 1000));
            return new DefaultJWTCallerPrincipal(claims);
        };
    }

    private VerifiedTokenCache.Verifier invalid() {
        return () -> {
            verifications.incrementAndGet();
            throw new ParseException("not valid");
        };
    }
}
