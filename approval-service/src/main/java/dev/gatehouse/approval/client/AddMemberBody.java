package dev.gatehouse.approval.client;

import java.util.UUID;

import dev.gatehouse.approval.CompanyRole;
import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
record AddMemberBody(UUID userId, CompanyRole role) {
}
