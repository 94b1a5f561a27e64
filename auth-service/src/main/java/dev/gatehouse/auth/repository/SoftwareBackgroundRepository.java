package dev.gatehouse.auth.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.SoftwareBackground;
import dev.gatehouse.common.sql.Sql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The statements on {@code software_background}, each one round trip. {@code created_at} is the column default's and
 * {@code updated_at} the trigger's, so no statement writes either; each write reads both back with {@code RETURNING}.
 */
@ApplicationScoped
public class SoftwareBackgroundRepository {

    private static final String COLUMNS = "id, user_id, experience_level, preferred_languages, preferred_frameworks,"
            + " created_at, updated_at";

    public Uni<SoftwareBackground> findByUserId(Sql sql, UUID userId) {
        return sql.first("SELECT " + COLUMNS + " FROM software_background WHERE user_id = $1", Tuple.of(userId),
                SoftwareBackground::from);
    }

    /**
     * Stores a new background; fails with a unique violation on {@code software_background_user_id_key} when the
     * account has one already (a concurrent first write got there before).
     */
    public Uni<SoftwareBackground> insert(Sql sql, SoftwareBackground background) {
        return sql.first("INSERT INTO software_background (id, user_id, experience_level, preferred_languages,"
                + " preferred_frameworks) VALUES ($1, $2, $3, $4, $5) RETURNING " + COLUMNS,
                Tuple.of(background.id, background.userId, background.experienceLevel,
                        background.preferredLanguages.toArray(String[]::new),
                        background.preferredFrameworks.toArray(String[]::new)),
                SoftwareBackground::from);
    }

    /**
     * Writes back what a replace changes (the level and both lists) to a background read before; the trigger sets
     * {@code updated_at}. Null when the row no longer exists.
     */
    public Uni<SoftwareBackground> save(Sql sql, SoftwareBackground background) {
        return sql.first("UPDATE software_background SET experience_level = $2, preferred_languages = $3,"
                + " preferred_frameworks = $4 WHERE id = $1 RETURNING " + COLUMNS,
                Tuple.of(background.id, background.experienceLevel,
                        background.preferredLanguages.toArray(String[]::new),
                        background.preferredFrameworks.toArray(String[]::new)),
                SoftwareBackground::from);
    }
}
