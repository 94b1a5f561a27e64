package dev.gatehouse.auth;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A person's hardware background (seed 003). */
@Entity
@Table(name = "hardware_background")
public class HardwareBackground extends Background {

    /** "_text" is PostgreSQL's own name for text[], which is what the reactive schema validator reads back. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "preferred_platforms", columnDefinition = "_text", nullable = false)
    public List<String> preferredPlatforms = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "device_types", columnDefinition = "_text", nullable = false)
    public List<String> deviceTypes = new ArrayList<>();
}
