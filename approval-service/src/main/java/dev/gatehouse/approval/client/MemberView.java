package dev.gatehouse.approval.client;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.gatehouse.approval.CompanyRole;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A membership as company-service answers it (the lookup adds companyId, the add call joinedAt). */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
record MemberView(UUID userId, CompanyRole role) {
}
