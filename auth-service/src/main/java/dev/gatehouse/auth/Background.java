package dev.gatehouse.auth;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * What the software and hardware backgrounds of seed 003 have in common: one row per account, an experience level,
 * and timestamps. Their lists are stored normalised (trimmed, lower-cased, without duplicates), so the GIN indexes
 * answer {@code @>} searches for any spelling a person typed.
 */
@MappedSuperclass
public abstract class Background {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;

    /** beginner, intermediate, advanced or expert (a CHECK in the schema). */
    @Column(name = "experience_level", nullable = false)
    public String experienceLevel;

    /** Set by the column default; read back by a refresh after the insert. */
    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    /** Set by the column default and kept by a trigger; read back by a refresh after every write. */
    @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime updatedAt;
}
