package dev.gatehouse.auth;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.vertx.mutiny.sqlclient.Row;

/**
 * A person's account. Email is kept lower-cased; the phone number is E.164. A row of {@code users};
 * {@link dev.gatehouse.auth.repository.UserRepository} reads and writes it.
 */
public class User {

    public UUID id;

    public String email;

    public String passwordHash;

    /** E.164; only an imported account (see {@link #importedFrom}) may have none. */
    public String phoneNumber;

    /** The source system an imported account came from; null for accounts that signed up here. */
    public String importedFrom;

    public boolean phoneVerified;

    public boolean emailVerified;

    public List<String> roles = new ArrayList<>(List.of("user"));

    /** The language the person chose for Gatehouse's messages (a supported BCP 47 tag); null when not chosen. */
    public String locale;

    public OffsetDateTime createdAt;

    public OffsetDateTime updatedAt;

    /** The account a row of {@code users} holds. */
    public static User from(Row row) {
        User user = new User();
        user.id = row.getUUID("id");
        user.email = row.getString("email");
        user.passwordHash = row.getString("password_hash");
        user.phoneNumber = row.getString("phone_number");
        user.importedFrom = row.getString("imported_from");
        user.phoneVerified = row.getBoolean("phone_verified");
        user.emailVerified = row.getBoolean("email_verified");
        user.roles = new ArrayList<>(Arrays.asList(row.getArrayOfStrings("roles")));
        user.locale = row.getString("locale");
        user.createdAt = row.getOffsetDateTime("created_at");
        user.updatedAt = row.getOffsetDateTime("updated_at");
        return user;
    }

    /**
     * The account's verification status, by the same rule as the generated {@code verification_status} column, so
     * it can never disagree with the flags, even on a copy changed since it was read.
     */
    public String verificationStatus() {
        if (emailVerified && phoneVerified) {
            return "VERIFIED";
        }
        return emailVerified || phoneVerified ? "PARTIALLY_VERIFIED" : "UNVERIFIED";
    }
}
