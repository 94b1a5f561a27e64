package dev.gatehouse.importer;

import java.util.HashMap;
import java.util.Map;

/**
 * Turns source accounts into rows for {@code POST /internal/import/users}, refusing what Gatehouse would refuse
 * anyway with a clearer reason: no usable email address, no password hash, or an address that an earlier row of the
 * same source already has in another case (the earlier row, by creation time, wins).
 */
final class Users {

    static final String PATH = "/internal/import/users";

    private final String system;
    private final String table;
    private final String callingCode;
    private final Map<String, String> firstByEmail = new HashMap<>();

    Users(String system, String table, String callingCode) {
        this.system = system;
        this.table = table;
        this.callingCode = callingCode;
    }

    Row row(String sourceId, String rawEmail, String rawPhone, String passwordHash, boolean emailVerified,
            boolean phoneVerified, String createdAt) {
        String email = Clean.email(rawEmail);
        if (email == null) {
            return Row.refuse(sourceId, rawEmail == null || rawEmail.isBlank() ? "no_email" : "invalid_email");
        }
        if (passwordHash == null || passwordHash.isBlank()) {
            return Row.refuse(sourceId, "no_password_hash");
        }
        String first = firstByEmail.putIfAbsent(Clean.emailKey(email), sourceId);
        if (first != null) {
            return Row.refuse(sourceId, "duplicate_email_in_source");
        }
        Clean.Phone phone = Clean.phone(rawPhone, callingCode);
        return Row.send(sourceId, "auth", PATH,
                Clean.body("sourceSystem", system, "sourceTable", table, "sourceId", sourceId, "email", email,
                        "phoneNumber", phone.e164(), "passwordHash", passwordHash, "emailVerified", emailVerified,
                        "phoneVerified", phoneVerified && phone.e164() != null, "createdAt", createdAt),
                phone.note());
    }
}
