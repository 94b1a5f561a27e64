package dev.gatehouse.common.client;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * This service's own client credentials at auth-service ({@code SERVICE_CLIENT_ID}, {@code SERVICE_CLIENT_SECRET}).
 * Optional, because only services that call other services have them.
 */
@ConfigMapping(prefix = "gatehouse.service-client")
public interface ServiceClientConfig {

    Optional<String> id();

    Optional<String> secret();

    /** A token is renewed this long before it expires, so none is sent that dies in flight. */
    @WithDefault("PT30S")
    Duration renewBeforeExpiry();
}
