package dev.gatehouse.importer;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The Better-Auth-style schema: {@code users} (scrypt {@code salt:key} hashes, no phone number), {@code sessions},
 * and the {@code software_background} and {@code hardware_background} arrays, one of each per user.
 */
public final class BetterAuthSource implements Source {

    public static final String SYSTEM = "better-auth";

    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public List<Step> steps() {
        return List.of(Step.imports("users", this::users),
                Step.imports("software_background", (c, ids) -> backgrounds(c, ids, "software_background",
                        "preferred_languages", "preferred_frameworks", "preferredLanguages", "preferredFrameworks")),
                Step.imports("hardware_background", (c, ids) -> backgrounds(c, ids, "hardware_background",
                        "preferred_platforms", "device_types", "preferredPlatforms", "deviceTypes")),
                Step.leavesOut("sessions", "sessions are not imported: people sign in once with their password"));
    }

    private List<Row> users(Connection source, IdBook ids) throws SQLException {
        Users users = new Users(SYSTEM, "users", null);
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement statement = source.prepareStatement(
                "select id::text as id, email, password_hash, created_at from users order by created_at, id");
                ResultSet r = statement.executeQuery()) {
            while (r.next()) {
                rows.add(users.row(r.getString("id"), r.getString("email"), null, r.getString("password_hash"), false,
                        false, Clean.timestamp(r.getTimestamp("created_at"))));
            }
        }
        return rows;
    }

    private static List<Row> backgrounds(Connection source, IdBook ids, String table, String firstColumn,
            String secondColumn, String firstField, String secondField) throws SQLException {
        String kind = table.startsWith("software") ? "software" : "hardware";
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement statement = source.prepareStatement("select id::text as id, user_id::text as user_id, "
                + "experience_level, " + firstColumn + ", " + secondColumn + " from " + table + " order by id");
                ResultSet r = statement.executeQuery()) {
            while (r.next()) {
                String id = r.getString("id");
                UUID user = ids.get("users", r.getString("user_id"));
                String level = r.getString("experience_level");
                if (user == null) {
                    rows.add(Row.refuse(id, "user_not_imported"));
                } else if (level == null) {
                    rows.add(Row.refuse(id, "no_experience_level"));
                } else {
                    rows.add(Row.send(id, "auth", "/internal/import/users/" + user + "/background/" + kind,
                            Clean.body("sourceSystem", SYSTEM, "sourceTable", table, "sourceId", id,
                                    "experienceLevel", level.strip().toLowerCase(Locale.ROOT), firstField,
                                    list(r.getArray(firstColumn)), secondField, list(r.getArray(secondColumn))),
                            null));
                }
            }
        }
        return rows;
    }

    private static List<String> list(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).filter(o -> o != null).map(Object::toString).toList();
    }
}
