package dev.gatehouse.auth;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A person's software background (seed 003): one per account. The lists are stored normalised (trimmed,
 * lower-cased, without duplicates), so the GIN indexes answer {@code @>} searches for any spelling a person typed.
 */
@Entity
@Table(name = "software_background")
public class SoftwareBackground {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;

    /** beginner, intermediate, advanced or expert (a CHECK in the schema). */
    @Column(name = "experience_level", nullable = false)
    public String experienceLevel;

    /** "_text" is PostgreSQL's own name for text[], which is what the reactive schema validator reads back. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "preferred_languages", columnDefinition = "_text", nullable = false)
    public List<String> preferredLanguages = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "preferred_frameworks", columnDefinition = "_text", nullable = false)
    public List<String> preferredFrameworks = new ArrayList<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    /** Kept by a trigger on every update. */
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
