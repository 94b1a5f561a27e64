package dev.gatehouse.common.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How service tokens differ from the tokens of people ({@code SERVICE_TOKEN_AUDIENCE}). auth-service signs service
 * tokens with this audience only, and every service grants a token's scopes only when it carries it, so a person's
 * token can never pass for a service's and a service token is refused where a person is expected.
 */
@ConfigMapping(prefix = "gatehouse.service-tokens")
public interface ServiceTokenConfig {

    /** {@code aud} of every service token; must differ from the audience of people's tokens. */
    @WithDefault("gatehouse-services")
    String audience();
}
