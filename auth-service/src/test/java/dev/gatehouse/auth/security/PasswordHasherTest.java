package dev.gatehouse.auth.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

    private static final String PASSWORD = "correct horse";

    private final PasswordHasher hasher = new PasswordHasher(19456, 2, 1);

    @Test
    void anArgon2idHashAtTheConfiguredCostMatchesWithoutRehash() {
        String stored = hasher.hashNow(PASSWORD);
        assertTrue(stored.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"));
        assertEquals(PasswordCheck.MATCH, hasher.checkNow(PASSWORD, stored));
        assertEquals(PasswordCheck.NO_MATCH, hasher.checkNow("correct horsf", stored));
    }

    @Test
    void raisingTheCostAsksForARehashOfOlderHashes() {
        String old = new PasswordHasher(8192, 1, 1).hashNow(PASSWORD);
        assertEquals(PasswordCheck.MATCH_NEEDS_REHASH, hasher.checkNow(PASSWORD, old));
        assertEquals(PasswordCheck.NO_MATCH, hasher.checkNow("wrong", old));

        PasswordHasher raised = new PasswordHasher(19456, 3, 1);
        String current = hasher.hashNow(PASSWORD);
        assertEquals(PasswordCheck.MATCH_NEEDS_REHASH, raised.checkNow(PASSWORD, current));
        assertEquals(PasswordCheck.MATCH, raised.checkNow(PASSWORD, raised.hashNow(PASSWORD)));
    }

    @Test
    void aLegacyHashMatchesAndAlwaysAsksForARehash() {
        assertEquals(PasswordCheck.MATCH_NEEDS_REHASH,
                hasher.checkNow(PASSWORD, "$2b$05$.dVsTyyGOKytWcrbVCUjgOOI9wo.aNRv8J7KJrs6c21h0776Qk03i"));
        assertEquals(PasswordCheck.NO_MATCH,
                hasher.checkNow("nope", "$2b$05$.dVsTyyGOKytWcrbVCUjgOOI9wo.aNRv8J7KJrs6c21h0776Qk03i"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "$argon2id$", "$argon2id$v=19$m=19456,t=2,p=1$###$###",
            "$argon2id$v=19$m=abc,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNo",
            "$argon2id$v=19$m=19456,t,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNo",
            "$argon2id$v=19$m=99999999,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNo",
            "$argon2id$v=19$m=19456,t=2,p=0$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNo",
            "$argon2id$v=16$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNo",
            "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNo" })
    void aMalformedStoredHashFailsLikeAWrongPassword(String stored) {
        assertEquals(PasswordCheck.NO_MATCH, hasher.checkNow(PASSWORD, stored));
        assertEquals(PasswordCheck.NO_MATCH, hasher.checkNow(PASSWORD, null));
    }

    @Test
    void parametersOutOfRangeAreRefusedAtStartup() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(4, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(19456, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(19456, 2, 0));
    }
}
