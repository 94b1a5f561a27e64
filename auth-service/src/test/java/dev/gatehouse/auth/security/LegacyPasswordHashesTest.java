package dev.gatehouse.auth.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Known vectors, each made by a reference implementation: bcrypt by libxcrypt's crypt(3), scrypt and PBKDF2 by
 * Python's hashlib (the Better Auth vector cross-checked with Node's crypto.scryptSync), laid out as each source
 * system stores them.
 */
class LegacyPasswordHashesTest {

    private static final String PASSWORD = "correct horse";
    private static final String NON_ASCII = "pässwörd-ü";

    @ParameterizedTest
    @ValueSource(strings = {
            "$2a$05$oCsLLMyTVBbvf9yaVPilDuAvNgZHZKWL1gYhjCq/eQALw5lU3GK5u",
            "$2b$05$.dVsTyyGOKytWcrbVCUjgOOI9wo.aNRv8J7KJrs6c21h0776Qk03i",
            "$2y$05$qYTJAsoA0Ykd3eRcm5nvuOyWQ.f8qFfVDHAR4rWrE5MOCVK6tyXoe",
            // Better Auth: salt hex text is the salt, N=16384 r=16 p=1, 64-byte key
            "5f2b1c0e9a7d4e3f8a6b2c1d0e9f8a7b:2f2bc1371790d578d8964250312f835418b89679b651b01d0871d89b33abbf4cf6e6ac80a80f172c0eb7c8893fbf969dfd315bae34ffa8d240fea63d75e52c74",
            "pbkdf2:sha256:600000$Hx8mQ2pLzK4vTn9R$798e271a14714d84bb8cedea247343d1111350ca1d3c581bfed7e8bf335b3a41",
            "pbkdf2:sha512:1000$Hx8mQ2pLzK4vTn9R$77ebc1bd1bd7a61526e76c02bb39c8f1a4eecae4df81f35464f0eba851e747cd629394f13558f940e3f650c34ca59284f3f7d77455afb51b641ee8225c0ee410",
            "scrypt:32768:8:1$aB3dE5fG7hJ9kL1m$11871e11d6dec1d212e3ad9fdb15fbb24b35746e573ca0ffafd3e8c7174f415baeed627b04146adbd9dd56b1c00bc0baf86ce4035a04073b446c30a07f9fe5ed",
            "pbkdf2_sha256$870000$Zt6yR1wQ8uI3oP5a$ae3fMQ+shQzEFwZG7G1f6sb1IXdIeVoWoinHGXRCmcY=",
            "pbkdf2_sha1$1000$Zt6yR1wQ8uI3oP5a$S4bkt8iqVO275JG24hsZuQvgOfk=",
            "$pbkdf2-sha256$29000$AQIDBAUGBwgJCgsMDQ4PEA$w1vBRt/bq4DEPHOLYVnuzRZyx.DDhbXawXxlnyt0FGU",
            "$pbkdf2-sha512$25000$AQIDBAUGBwgJCgsMDQ4PEA$pEwyfOwxzPBxM70nNGFFsrtEtDwV7VbPQHcKsbEN.jGsxpmCTGMgbFf4huqcM3DMZmg/MxxSa8yCaPUc.HrrRg"
    })
    void theRightPasswordMatchesEachFormatAndAWrongOneDoesNot(String stored) {
        assertTrue(LegacyPasswordHashes.isRecognised(stored));
        assertTrue(LegacyPasswordHashes.matches(PASSWORD, stored));
        assertFalse(LegacyPasswordHashes.matches("correct horsf", stored));
        assertFalse(LegacyPasswordHashes.matches("", stored));
        assertFalse(LegacyPasswordHashes.matches(PASSWORD + " ", stored));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "$2a$05$5we1o3LXyEHC.EpCfyBr5etx3.oeRsr41mT99ByQdp.8OI2QxQlkS",
            "$2b$05$vf8YhWcvstBnm5266xR4zukhTXIebXL325m3QBwRyoGLMBmo0pW.6",
            "$2y$05$5nW67GmJOvly/BwwyGhGB.iTiwkdHyGHzHbPcMLpvNDx9JUFzNbC.",
            "pbkdf2:sha256:1000$Hx8mQ2pLzK4vTn9R$4db9358df22b516c83f67a9b8a0f917f343f3699910f56bb3b8332f711854da5"
    })
    void nonAsciiPasswordsAreHashedAsUtf8(String stored) {
        assertTrue(LegacyPasswordHashes.matches(NON_ASCII, stored));
        assertFalse(LegacyPasswordHashes.matches("passwörd-ü", stored));
    }

    @ParameterizedTest
    @ValueSource(strings = { "ﬁancé", "fiancé", "fiance\u0301" })
    void betterAuthNormalisesThePasswordToNfkc(String typed) {
        // hashed from NFKC("ﬁancé") = "fiancé"; the ligature and the decomposed accent normalise to the same text
        String stored = "0123456789abcdef0123456789abcdef:ec99e32ad0958974f72db08b9dbdaf427a615ca453eba7afbdb82c65546b1f3dc6d49c6553c9c153f3bee8862d7f7c448b27cf7c712636e3b7fe18264ab2ea7b";
        assertTrue(LegacyPasswordHashes.matches(typed, stored));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "plaintext-password", "$2b$05$short", "$2b$xx$.dVsTyyGOKytWcrbVCUjgOOI9wo.aNRv8J7KJrs6c21h0776Qk03i",
            // bcrypt cost above the bound
            "$2b$31$.dVsTyyGOKytWcrbVCUjgOOI9wo.aNRv8J7KJrs6c21h0776Qk03i",
            "$2b$03$.dVsTyyGOKytWcrbVCUjgOOI9wo.aNRv8J7KJrs6c21h0776Qk03i",
            // odd-length hex salt, short key
            "5f2b1c0e9a7d4e3f8a6b2c1d0e9f8a7:2f2bc1371790d578d8964250312f835418b89679b651b01d0871d89b33abbf4cf6e6ac80a80f172c0eb7c8893fbf969dfd315bae34ffa8d240fea63d75e52c74",
            "5f2b1c0e9a7d4e3f8a6b2c1d0e9f8a7b:2f2bc137",
            "pbkdf2:sha256:0$salt$00", "pbkdf2:sha256:999999999$salt$00", "pbkdf2:md5:1000$salt$00",
            "pbkdf2:sha256$salt$00", "pbkdf2:sha256:1000$salt$0",
            "scrypt:1000:8:1$salt$00", "scrypt:1048576:8:1$salt$00", "scrypt:131072:8:1$salt$00", "scrypt:16384:0:1$salt$00",
            "scrypt:16384:8:99$salt$00",
            "pbkdf2_sha256$1000$salt$not*base64", "pbkdf2_sha256$1000$salt$QUJD=", "pbkdf2_sha256$abc$salt$QUJDRA==",
            "$pbkdf2-sha256$0$AQID$AQIDBA", "$pbkdf2-sha256$29000$A$AQIDBA",
            "$argon2id$v=19$m=19456,t=2,p=1$bad", "md5$abc$def", "{SSHA}abcdef"
    })
    void malformedOrUnknownHashesNeverThrowAndNeverMatch(String stored) {
        assertFalse(LegacyPasswordHashes.matches(PASSWORD, stored));
        assertFalse(LegacyPasswordHashes.matches("", stored));
    }

    @Test
    void scryptHashesGoToTheLaneForHashesWithMemoryOfTheirOwn() {
        assertTrue(LegacyPasswordHashes.needsOwnMemory("scrypt:32768:8:1$aB3dE5fG7hJ9kL1m$00ff"));
        assertTrue(LegacyPasswordHashes.needsOwnMemory("5f2b1c0e9a7d4e3f8a6b2c1d0e9f8a7b:" + "ab".repeat(64)));
        assertFalse(LegacyPasswordHashes.needsOwnMemory("$2b$05$.dVsTyyGOKytWcrbVCUjgOOI9wo.aNRv8J7KJrs6c21h0776Qk03i"));
        assertFalse(LegacyPasswordHashes.needsOwnMemory("pbkdf2:sha256:600000$salt$00ff"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "scrypt:131072:8:1$salt$00ff", "$2b$17$.dVsTyyGOKytWcrbVCUjgOOI9wo.aNRv8J7KJrs6c21h0776Qk03i",
            "pbkdf2:sha256:9000000$salt$00ff", "pbkdf2:md5:1000$salt$00ff", "not a hash" })
    void aHashBeyondTheBoundsOrUnknownIsNotVerifiable(String stored) {
        assertFalse(LegacyPasswordHashes.isVerifiable(stored));
    }

    @Test
    void theKnownVectorsAreVerifiable() {
        assertTrue(LegacyPasswordHashes.isVerifiable("$2b$05$.dVsTyyGOKytWcrbVCUjgOOI9wo.aNRv8J7KJrs6c21h0776Qk03i"));
        assertTrue(LegacyPasswordHashes.isVerifiable("scrypt:32768:8:1$aB3dE5fG7hJ9kL1m$00ff"));
    }
}
