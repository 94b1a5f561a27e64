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

/** A person's account. Email is kept lower-cased; the phone number is E.164. */
@Entity
@Table(name = "users")
public class User {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String email;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    /** E.164; only an imported account (see {@link #importedFrom}) may have none. */
    @Column(name = "phone_number")
    public String phoneNumber;

    /** The source system an imported account came from; null for accounts that signed up here. */
    @Column(name = "imported_from")
    public String importedFrom;

    @Column(name = "phone_verified", nullable = false)
    public boolean phoneVerified;

    @Column(name = "email_verified", nullable = false)
    public boolean emailVerified;

    /**
     * The generated column as PostgreSQL computed it when the row was read; mapped so that rows read by native SQL
     * map completely. Callers use {@link #verificationStatus()}, which is also right after a change in this session.
     */
    @Column(name = "verification_status", insertable = false, updatable = false)
    String storedVerificationStatus;

    /** "_text" is PostgreSQL's own name for text[], which is what the reactive schema validator reads back. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "roles", columnDefinition = "_text", nullable = false)
    public List<String> roles = new ArrayList<>(List.of("user"));

    /** The language the person chose for Gatehouse's messages (a supported BCP 47 tag); null when not chosen. */
    @Column(name = "locale")
    public String locale;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /**
     * The account's verification status, by the same rule as the generated {@code verification_status} column, so
     * it can never disagree with the flags. It is computed here rather than read back from the column because
     * Hibernate Reactive 3.2 cannot read back a column generated on update: it takes the returned value for the id.
     */
    public String verificationStatus() {
        if (emailVerified && phoneVerified) {
            return "VERIFIED";
        }
        return emailVerified || phoneVerified ? "PARTIALLY_VERIFIED" : "UNVERIFIED";
    }
}
