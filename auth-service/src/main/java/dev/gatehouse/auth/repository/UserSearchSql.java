package dev.gatehouse.auth.repository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of a user search. Each filter is written as {@code list @> ARRAY[value]}: containment is the operator the
 * GIN indexes on the background lists serve ({@code array_ops}), where {@code value = ANY(list)} would read every
 * row. Only the filters given appear, so the planner never sees an always-true branch it cannot index.
 */
public final class UserSearchSql {

    /**
     * Exactly the columns {@code User} maps: Hibernate Reactive 3.2 cannot map a native row that has columns the
     * entity does not (users keeps columns no longer written until a later migration drops them).
     */
    private static final String USER_COLUMNS = "u.id, u.email, u.password_hash, u.phone_number, u.imported_from,"
            + " u.phone_verified, u.email_verified, u.verification_status, u.roles, u.locale, u.created_at,"
            + " u.updated_at";

    private final String from;
    private final Map<String, Object> parameters;

    private UserSearchSql(String from, Map<String, Object> parameters) {
        this.from = from;
        this.parameters = parameters;
    }

    public static UserSearchSql of(UserFilter filter) {
        StringBuilder from = new StringBuilder("from users u");
        if (filter.needsSoftware()) {
            from.append(" join software_background s on s.user_id = u.id");
        }
        if (filter.needsHardware()) {
            from.append(" join hardware_background h on h.user_id = u.id");
        }
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        contains(conditions, parameters, "s.preferred_languages", "language", filter.language());
        contains(conditions, parameters, "s.preferred_frameworks", "framework", filter.framework());
        contains(conditions, parameters, "h.preferred_platforms", "platform", filter.platform());
        contains(conditions, parameters, "h.device_types", "deviceType", filter.deviceType());
        if (!conditions.isEmpty()) {
            from.append(" where ").append(String.join(" and ", conditions));
        }
        return new UserSearchSql(from.toString(), parameters);
    }

    private static void contains(List<String> conditions, Map<String, Object> parameters, String column,
            String name, String value) {
        if (value != null) {
            conditions.add(column + " @> ARRAY[CAST(:" + name + " AS text)]");
            parameters.put(name, value);
        }
    }

    /** One page of matching users, oldest account first (with the id as a tie-breaker, so pages never overlap). */
    public String select() {
        return "select " + USER_COLUMNS + " " + from + " order by u.created_at, u.id limit :limit offset :offset";
    }

    public String count() {
        return "select count(*) " + from;
    }

    /** The named parameters of the filters (not {@code limit} and {@code offset}). */
    public Map<String, Object> parameters() {
        return parameters;
    }
}
