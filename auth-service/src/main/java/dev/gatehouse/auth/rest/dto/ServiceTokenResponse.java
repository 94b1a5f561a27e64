package dev.gatehouse.auth.rest.dto;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The OAuth 2.0 token response (RFC 6749 section 5.1), whose member names OAuth clients expect as they are. */
public record ServiceTokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        /** The token's scopes, space-separated (RFC 6749 section 5.1). */
        @JsonProperty("scope") String scope) {
}
