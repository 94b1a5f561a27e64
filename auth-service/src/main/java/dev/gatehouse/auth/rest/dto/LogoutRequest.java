package dev.gatehouse.auth.rest.dto;

import jakarta.validation.constraints.Size;

public record LogoutRequest(@Size(max = 200) String refreshToken) {
}
