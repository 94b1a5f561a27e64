package dev.gatehouse.otp.config;

import java.util.regex.Pattern;

import org.eclipse.microprofile.config.spi.Converter;

import dev.gatehouse.common.config.ConfigValues;

/** The checks on otp-service's own settings, as converters of {@link OtpConfig}'s properties. */
public final class OtpConverters {

    private static final Pattern COUNTRY_CALLING_CODE = Pattern.compile("[1-9][0-9]{0,3}");

    private OtpConverters() {
    }

    /** Digits per code: from 4 to 10. */
    public static class CodeLength implements Converter<Integer> {
        @Override
        public Integer convert(String value) {
            return ConfigValues.between(value, 4, 10);
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
