package dev.gatehouse.auth.repository;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of a user search. Each filter is written as {@code list @> ARRAY[value]}: containment is the operator the
 * GIN indexes on the background lists serve ({@code array_ops}), where {@code value = ANY(list)} would read every
 * row. Only the filters given appear, so the planner never sees an always-true branch it cannot index.
 */
public final class UserSearchSql {

    /**
     * The columns {@code User.from} reads; not {@code u.*}, since users keeps columns no longer written until a later
     * migration drops them.
     */
    private static final String USER_COLUMNS = "u.id, u.email, u.password_hash, u.phone_number, u.imported_from,"
            + " u.phone_verified, u.email_verified, u.roles, u.locale, u.created_at, u.updated_at";

    private final String from;
    private final List<Object> parameters;

    private UserSearchSql(String from, List<Object> parameters) {
        this.from = from;
        this.parameters = parameters;
    }

    public static UserSearchSql of(UserFilter filter) {
        StringBuilder from = new StringBuilder("FROM users u");
        if (filter.needsSoftware()) {
            from.append(" JOIN software_background s ON s.user_id = u.id");
        }
        if (filter.needsHardware()) {
            from.append(" JOIN hardware_background h ON h.user_id = u.id");
        }
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        contains(conditions, parameters, "s.preferred_languages", filter.language());
        contains(conditions, parameters, "s.preferred_frameworks", filter.framework());
        contains(conditions, parameters, "h.preferred_platforms", filter.platform());
        contains(conditions, parameters, "h.device_types", filter.deviceType());
        if (!conditions.isEmpty()) {
            from.append(" WHERE ").append(String.join(" AND ", conditions));
        }
        return new UserSearchSql(from.toString(), parameters);
    }

    private static void contains(List<String> conditions, List<Object> parameters, String column, String value) {
        if (value != null) {
            parameters.add(value);
            conditions.add(column + " @> ARRAY[CAST($" + parameters.size() + " AS text)]");
        }
    }

    /**
     * One page of matching users, oldest account first (with the id as a tie-breaker, so pages never overlap). Its
     * arguments are {@link #parameters()} followed by the limit and the offset: see {@link #pageParameters}.
     */
    public String select() {
        return "SELECT " + USER_COLUMNS + " " + from + " ORDER BY u.created_at, u.id LIMIT $"
                + (parameters.size() + 1) + " OFFSET $" + (parameters.size() + 2);
    }

    public String count() {
        return "SELECT count(*) " + from;
    }

    /** The arguments of the filters ({@code $1}, {@code $2}, ... in order), without the limit and the offset. */
    public List<Object> parameters() {
        return List.copyOf(parameters);
    }

    /** The arguments of {@link #select()}: those of the filters, then the limit and the offset. */
    public List<Object> pageParameters(long limit, long offset) {
        List<Object> all = new ArrayList<>(parameters);
        all.add(limit);
        all.add(offset);
        return all;
    }
}
