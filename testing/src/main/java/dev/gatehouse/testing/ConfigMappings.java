package dev.gatehouse.testing;

import java.util.Map;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * A service's config mapping built from given properties alone, the way SmallRye Config builds it at start: the
 * defaults, the converters and their refusals (a {@code ConfigValidationException} naming each refused property),
 * without starting Quarkus.
 */
public final class ConfigMappings {

    private ConfigMappings() {
    }

    public static <T> T load(Class<T> mapping, Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withMapping(mapping)
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build()
                .getConfigMapping(mapping);
    }
}
