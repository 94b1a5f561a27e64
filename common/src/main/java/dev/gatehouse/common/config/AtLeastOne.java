package dev.gatehouse.common.config;

import org.eclipse.microprofile.config.spi.Converter;

/**
 * A count that must be at least one: a limit, a budget, a batch size. Used with {@code @WithConverter} on a config
 * mapping's {@code int}, so a value of zero or less stops the start with a message that names the property.
 * <p>
 * The config mappings check their values with converters rather than with Bean Validation constraints: one
 * constraint on any mapping makes Quarkus build a second Hibernate Validator factory, for the configuration alone,
 * on every start; measured, that was a tenth of a service's start.
 */
public class AtLeastOne implements Converter<Integer> {

    @Override
    public Integer convert(String value) {
        return ConfigValues.between(value, 1, Integer.MAX_VALUE);
    }
}
