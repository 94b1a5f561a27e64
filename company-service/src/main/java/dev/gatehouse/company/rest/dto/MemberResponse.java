package dev.gatehouse.company.rest.dto;

import java.time.OffsetDateTime;
import java.util.UUID;

import dev.gatehouse.company.CompanyMember;
import dev.gatehouse.company.CompanyRole;

public record MemberResponse(UUID userId, CompanyRole role, OffsetDateTime joinedAt) {

    public static MemberResponse of(CompanyMember member) {
        return new MemberResponse(member.userId, member.role, member.joinedAt);
    }
}
