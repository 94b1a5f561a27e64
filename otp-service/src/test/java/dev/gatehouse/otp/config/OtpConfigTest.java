package dev.gatehouse.otp.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.gatehouse.testing.ConfigMappings;
import io.smallrye.config.ConfigValidationException;

/** otp-service refuses to start on settings that would make it unsafe or useless, and says which ones. */
class OtpConfigTest {

    private static final String KEY = "a-key-of-thirty-two-characters-!";

    @Test
    void theDefaultsAndTheRequiredSettingsMakeAWorkingConfiguration() {
        OtpConfig config = mapping(Map.of());

        assertEquals(6, config.codeLength());
        assertEquals(List.of("254"), config.sms().allowedCountryCodes());
        assertEquals(5, config.rateLimit().perDestination());
    }

    @Test
    void everyValueOutOfRangeIsNamedAtOnce() {
        ConfigValidationException refused = assertThrows(ConfigValidationException.class, () -> mapping(Map.of(
                "gatehouse.otp.code-length", "3",
                "gatehouse.otp.max-attempts", "0",
                "gatehouse.otp.sms.budget.global", "-1",
                "gatehouse.otp.sms.allowed-country-codes", "254,+1",
                "gatehouse.otp.mail-from", "   ")));

        String message = refused.getMessage();
        for (String property : List.of("gatehouse.otp.code-length", "gatehouse.otp.max-attempts",
                "gatehouse.otp.sms.budget.global", "gatehouse.otp.sms.allowed-country-codes",
                "gatehouse.otp.mail-from")) {
            assertTrue(message.contains(property), property + " is named in: " + message);
        }
        assertTrue(message.contains("must be from 4 to 10"), message);
        assertTrue(message.contains("must be a country calling code such as 254"), message);
    }

    @Test
    void aCodeLengthOfElevenIsRefused() {
        assertThrows(ConfigValidationException.class, () -> mapping(Map.of("gatehouse.otp.code-length", "11")));
        assertEquals(10, mapping(Map.of("gatehouse.otp.code-length", "10")).codeLength());
    }

    @Test
    void aShortHashKeyStopsTheConfigurationWithoutShowingTheKey() {
        String shortKey = "a-secret-key-one-character-short";
        shortKey = shortKey.substring(0, OtpConverters.HASH_KEY_MIN_LENGTH - 1);
        String hidden = shortKey;
        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> mapping(Map.of("gatehouse.otp.hash-key", hidden)));

        String messages = messages(refused);
        assertTrue(messages.contains("gatehouse.otp.hash-key (OTP_HASH_KEY) must be at least 32 characters long"),
                messages);
        assertFalse(messages.contains(hidden), "the key is not in the messages: " + messages);
        assertThrows(RuntimeException.class, () -> mapping(Map.of("gatehouse.otp.hash-key", " ".repeat(40))),
                "blank");
        assertEquals(KEY, mapping(Map.of()).hashKey());
    }

    /** Every message of a failure, its causes and what they suppressed: all a log could show of it. */
    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t).append('\n');
            for (Throwable suppressed : t.getSuppressed()) {
                all.append(messages(suppressed));
            }
        }
        return all.toString();
    }

    private static OtpConfig mapping(Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "gatehouse.otp.hash-key", KEY,
                "gatehouse.otp.mail-from", "Gatehouse <no-reply@example.com>",
                "gatehouse.otp.twilio.account-sid", "AC0",
                "gatehouse.otp.twilio.auth-token", "token",
                "gatehouse.otp.twilio.from", "+15005550006"));
        properties.putAll(overrides);
        return ConfigMappings.load(OtpConfig.class, properties);
    }
}
