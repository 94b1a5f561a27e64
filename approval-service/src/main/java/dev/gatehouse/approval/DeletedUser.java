package dev.gatehouse.approval;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A person whose account auth-service has deleted. Kept for good: it refuses the person's still-valid tokens when
 * they ask to join a company, and makes a repeated deletion event harmless.
 */
@Entity
@Table(name = "deleted_users")
public class DeletedUser {

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "deleted_at", nullable = false, updatable = false)
    public OffsetDateTime deletedAt;
}
