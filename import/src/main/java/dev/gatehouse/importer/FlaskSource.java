package dev.gatehouse.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The Flask app (Alembic): {@code users} with Werkzeug password hashes and {@code is_phone_verified}/
 * {@code is_email_verified} ({@code verification_status} is derived from them, in Gatehouse too),
 * {@code staff_approval_requests}, and {@code verification_codes}.
 * <p>
 * A request's {@code company_id} is the company's public id. A request without {@code expires_at} expires seven days
 * after it was made, as Gatehouse's own do; an approved one is granted the role it asked for.
 */
public final class FlaskSource implements Source {

    public static final String SYSTEM = "flask";
    static final Duration DEFAULT_EXPIRY = Duration.ofDays(7);
    private static final Set<String> STATUSES = Set.of("PENDING", "APPROVED", "REJECTED", "CANCELLED", "EXPIRED");

    private final String callingCode;

    public FlaskSource(String callingCode) {
        this.callingCode = callingCode;
    }

    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public List<Step> steps() {
        return List.of(Step.imports("users", this::users),
                Step.imports("staff_approval_requests", this::requests),
                Step.leavesOut("verification_codes", "one-time codes are short-lived secrets: a new one is sent when needed"));
    }

    private List<Row> users(Connection source, IdBook ids) throws SQLException {
        Users users = new Users(SYSTEM, "users", callingCode);
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement statement = source.prepareStatement("select id, email, password_hash, phone, "
                + "is_phone_verified, is_email_verified, created_at from users order by created_at, id");
                ResultSet r = statement.executeQuery()) {
            while (r.next()) {
                rows.add(users.row(r.getString("id"), r.getString("email"), r.getString("phone"),
                        r.getString("password_hash"), r.getBoolean("is_email_verified"),
                        r.getBoolean("is_phone_verified"), Clean.timestamp(r.getTimestamp("created_at"))));
            }
        }
        return rows;
    }

    private List<Row> requests(Connection source, IdBook ids) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement statement = source.prepareStatement("select id, user_id, company_id, requested_role, "
                + "status, message, reviewed_by, reviewed_at, rejection_reason, created_at, expires_at "
                + "from staff_approval_requests order by created_at, id");
                ResultSet r = statement.executeQuery()) {
            while (r.next()) {
                String id = r.getString("id");
                UUID user = ids.get("users", r.getString("user_id"));
                String status = r.getString("status") == null ? null : r.getString("status").strip().toUpperCase(Locale.ROOT);
                String role = r.getString("requested_role") == null ? "STAFF"
                        : r.getString("requested_role").strip().toUpperCase(Locale.ROOT);
                boolean decided = "APPROVED".equals(status) || "REJECTED".equals(status);
                UUID reviewer = ids.get("users", r.getString("reviewed_by"));
                if (user == null) {
                    rows.add(Row.refuse(id, "user_not_imported"));
                } else if (status == null || !STATUSES.contains(status)) {
                    rows.add(Row.refuse(id, "unknown_status"));
                } else if (!role.equals("STAFF") && !role.equals("ADMIN")) {
                    rows.add(Row.refuse(id, "role_not_requestable"));
                } else if (decided && (reviewer == null || r.getTimestamp("reviewed_at") == null)) {
                    rows.add(Row.refuse(id, "reviewer_not_imported"));
                } else {
                    Timestamp created = r.getTimestamp("created_at");
                    Timestamp expires = r.getTimestamp("expires_at");
                    String expiresAt = expires != null ? Clean.timestamp(expires)
                            : Clean.timestamp(Timestamp.from(created.toInstant().plus(DEFAULT_EXPIRY)));
                    rows.add(Row.send(id, "approval", "/internal/import/staff-approval-requests",
                            Clean.body("sourceSystem", SYSTEM, "sourceTable", "staff_approval_requests", "sourceId",
                                    id, "companyId", r.getString("company_id"), "userId", user.toString(),
                                    "requestedRole", role, "grantedRole", "APPROVED".equals(status) ? role : null,
                                    "status", status, "message", r.getString("message"), "reviewerId",
                                    decided ? reviewer.toString() : null, "reviewedAt",
                                    decided ? Clean.timestamp(r.getTimestamp("reviewed_at")) : null, "reason",
                                    "REJECTED".equals(status) ? r.getString("rejection_reason") : null, "expiresAt",
                                    expiresAt, "createdAt", Clean.timestamp(created)),
                            expires == null ? "no expires_at: seven days after it was made" : null));
                }
            }
        }
        return rows;
    }
}
