package dev.gatehouse.company.api;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The membership after an add: the role it has, which is the existing one when the person already was a member.
 *
 * @param joinedAt when the person joined the company
 */
public record AddedMember(UUID userId, MemberRole role, OffsetDateTime joinedAt) {
}
