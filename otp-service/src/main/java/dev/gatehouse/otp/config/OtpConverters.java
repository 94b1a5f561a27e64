package dev.gatehouse.otp.config;

import java.util.regex.Pattern;

import org.eclipse.microprofile.config.spi.Converter;

import dev.gatehouse.common.config.ConfigValues;
import io.quarkus.runtime.configuration.ConfigurationException;

/** The checks on otp-service's own settings, as converters of {@link OtpConfig}'s properties. */
public final class OtpConverters {

    private static final Pattern COUNTRY_CALLING_CODE = Pattern.compile("[1-9][0-9]{0,3}");
    /** Fewer characters could be guessed offline from a leaked row. */
    static final int HASH_KEY_MIN_LENGTH = 32;

    private OtpConverters() {
    }

    /** Digits per code: from 4 to 10. */
    public static class CodeLength implements Converter<Integer> {
        @Override
        public Integer convert(String value) {
            return ConfigValues.between(value, 4, 10);
        }
    }

    /**
     * The codes' HMAC key: at least 32 characters besides white space. Checked while the configuration loads, so that
     * a short key stops every start, the migration Job's included, before anything runs. The refusal is not an
     * {@link IllegalArgumentException}: SmallRye Config would print the refused value beside it, and this one is a
     * secret.
     */
    public static class HashKey implements Converter<String> {
        @Override
        public String convert(String value) {
            if (value.strip().length() < HASH_KEY_MIN_LENGTH) {
                throw new ConfigurationException("gatehouse.otp.hash-key (OTP_HASH_KEY) must be at least "
                        + HASH_KEY_MIN_LENGTH + " characters long");
            }
            return value;
        }
    }

    /** A country calling code without the plus, such as 254. */
    public static class CountryCallingCode implements Converter<String> {
        @Override
        public String convert(String value) {
            String code = value.trim();
            if (!COUNTRY_CALLING_CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("must be a country calling code such as 254");
            }
            return code;
        }
    }
}
