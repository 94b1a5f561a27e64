package dev.gatehouse.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The Enxero platform (Prisma): {@code users} with {@code phoneNumber}/{@code phoneVerified} and their
 * {@code companyId} and {@code role}, {@code companies} with {@code companyId}/{@code countryCode}/
 * {@code phoneNumber}/{@code status}, {@code refresh_tokens} and {@code otps}.
 * <p>
 * A company's owner is its first user with role OWNER (else ADMIN, else any), by creation time; the owner comes with
 * the company and every other user of it becomes a member (ADMIN stays ADMIN, any other role is STAFF).
 */
public final class EnxeroSource implements Source {

    public static final String SYSTEM = "enxero";
    private static final String OWNER_ORDER = "case \"role\" when 'OWNER' then 0 when 'ADMIN' then 1 else 2 end, "
            + "\"createdAt\", id";

    private final String callingCode;

    public EnxeroSource(String callingCode) {
        this.callingCode = callingCode;
    }

    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public List<Step> steps() {
        return List.of(Step.imports("users", this::users), Step.imports("companies", this::companies),
                Step.imports("users.companyId", this::members),
                Step.leavesOut("refresh_tokens", "sessions are not imported: people sign in once with their password"),
                Step.leavesOut("otps", "one-time codes are short-lived secrets: a new one is sent when needed"));
    }

    private List<Row> users(Connection source, IdBook ids) throws SQLException {
        Users users = new Users(SYSTEM, "users", callingCode);
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement statement = source.prepareStatement("select id, email, password, \"phoneNumber\", "
                + "\"phoneVerified\", \"emailVerified\", \"createdAt\" from users order by \"createdAt\", id");
                ResultSet r = statement.executeQuery()) {
            while (r.next()) {
                rows.add(users.row(r.getString("id"), r.getString("email"), r.getString("phoneNumber"),
                        r.getString("password"), r.getBoolean("emailVerified"), r.getBoolean("phoneVerified"),
                        Clean.timestamp(r.getTimestamp("createdAt"))));
            }
        }
        return rows;
    }

    private List<Row> companies(Connection source, IdBook ids) throws SQLException {
        Map<String, String> owners = owners(source);
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement statement = source.prepareStatement("select id, name, \"companyId\", \"countryCode\", "
                + "\"phoneNumber\", status::text as status, \"createdAt\" from companies order by \"createdAt\", id");
                ResultSet r = statement.executeQuery()) {
            while (r.next()) {
                String id = r.getString("id");
                String ownerSourceId = owners.get(id);
                UUID owner = ids.get("users", ownerSourceId);
                String country = r.getString("countryCode");
                Clean.Phone phone = Clean.phone(r.getString("phoneNumber"), callingCode);
                if (ownerSourceId == null) {
                    rows.add(Row.refuse(id, "company_without_users"));
                } else if (owner == null) {
                    rows.add(Row.refuse(id, "owner_not_imported"));
                } else if (country == null || !country.strip().matches("[A-Za-z]{2}")) {
                    rows.add(Row.refuse(id, "no_country_code"));
                } else if (phone.e164() == null) {
                    rows.add(Row.refuse(id, "company_phone_not_e164"));
                } else if (r.getString("name") == null || r.getString("name").isBlank()) {
                    rows.add(Row.refuse(id, "no_name"));
                } else {
                    String status = r.getString("status");
                    rows.add(Row.send(id, "company", "/internal/import/companies", Clean.body("sourceSystem", SYSTEM,
                            "sourceTable", "companies", "sourceId", id, "companyId", r.getString("companyId"),
                            "name", r.getString("name").strip(), "countryCode",
                            country.strip().toUpperCase(Locale.ROOT), "phoneNumber", phone.e164(), "status",
                            status == null ? "PENDING_VERIFICATION" : status, "owner", owner.toString(),
                            "createdAt", Clean.timestamp(r.getTimestamp("createdAt"))),
                            r.getString("companyId") == null ? "no public id: Gatehouse makes one" : phone.note()));
                }
            }
        }
        return rows;
    }

    private List<Row> members(Connection source, IdBook ids) throws SQLException {
        Map<String, String> owners = owners(source);
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement statement = source.prepareStatement("select id, \"companyId\", \"role\" from users "
                + "where \"companyId\" is not null order by \"createdAt\", id");
                ResultSet r = statement.executeQuery()) {
            while (r.next()) {
                String id = r.getString("id");
                String company = r.getString("companyId");
                if (id.equals(owners.get(company))) {
                    continue; // the owner came with the company
                }
                UUID companyId = ids.get("companies", company);
                UUID userId = ids.get("users", id);
                if (companyId == null) {
                    rows.add(Row.refuse(id, "company_not_imported"));
                } else if (userId == null) {
                    rows.add(Row.refuse(id, "user_not_imported"));
                } else {
                    String role = "ADMIN".equals(r.getString("role")) ? "ADMIN" : "STAFF";
                    rows.add(Row.send(id, "company", "/internal/import/members",
                            Clean.body("sourceSystem", SYSTEM, "sourceTable", "users.companyId", "sourceId", id,
                                    "companyId", companyId.toString(), "userId", userId.toString(), "role", role),
                            null));
                }
            }
        }
        return rows;
    }

    /** Each company's owner among its users (source ids). */
    private static Map<String, String> owners(Connection source) throws SQLException {
        Map<String, String> owners = new HashMap<>();
        try (PreparedStatement statement = source.prepareStatement("select distinct on (\"companyId\") "
                + "\"companyId\", id from users where \"companyId\" is not null order by \"companyId\", " + OWNER_ORDER);
                ResultSet r = statement.executeQuery()) {
            while (r.next()) {
                owners.put(r.getString(1), r.getString(2));
            }
        }
        return owners;
    }
}
