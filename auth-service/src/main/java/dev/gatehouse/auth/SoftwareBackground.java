package dev.gatehouse.auth;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A person's software background (seed 003). */
@Entity
@Table(name = "software_background")
public class SoftwareBackground extends Background {

    /** "_text" is PostgreSQL's own name for text[], which is what the reactive schema validator reads back. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "preferred_languages", columnDefinition = "_text", nullable = false)
    public List<String> preferredLanguages = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "preferred_frameworks", columnDefinition = "_text", nullable = false)
    public List<String> preferredFrameworks = new ArrayList<>();
}
