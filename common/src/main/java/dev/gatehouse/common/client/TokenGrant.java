package dev.gatehouse.common.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The part of an RFC 6749 token response a service needs. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
record TokenGrant(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") long expiresIn) {
}
