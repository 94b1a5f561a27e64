package dev.gatehouse.common.config;

import org.eclipse.microprofile.config.spi.Converter;

/**
 * Text that must hold something other than white space, used with {@code @WithConverter}. A property that is missing
 * or empty is already refused as missing; this refuses one of spaces only.
 */
public class NotBlank implements Converter<String> {

    @Override
    public String convert(String value) {
        return ConfigValues.notBlank(value);
    }
}
