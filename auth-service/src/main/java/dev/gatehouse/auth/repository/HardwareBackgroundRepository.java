package dev.gatehouse.auth.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.HardwareBackground;
import dev.gatehouse.common.sql.Sql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The statements on {@code hardware_background}, each one round trip. {@code created_at} is the column default's and
 * {@code updated_at} the trigger's, so no statement writes either; each write reads both back with {@code RETURNING}.
 */
@ApplicationScoped
public class HardwareBackgroundRepository {

    private static final String COLUMNS = "id, user_id, experience_level, preferred_platforms, device_types,"
            + " created_at, updated_at";

    public Uni<HardwareBackground> findByUserId(Sql sql, UUID userId) {
        return sql.first("SELECT " + COLUMNS + " FROM hardware_background WHERE user_id = $1", Tuple.of(userId),
                HardwareBackground::from);
    }

    /**
     * Stores a new background; fails with a unique violation on {@code hardware_background_user_id_key} when the
     * account has one already (a concurrent first write got there before).
     */
    public Uni<HardwareBackground> insert(Sql sql, HardwareBackground background) {
        return sql.first("INSERT INTO hardware_background (id, user_id, experience_level, preferred_platforms,"
                + " device_types) VALUES ($1, $2, $3, $4, $5) RETURNING " + COLUMNS,
                Tuple.of(background.id, background.userId, background.experienceLevel,
                        background.preferredPlatforms.toArray(String[]::new),
                        background.deviceTypes.toArray(String[]::new)),
                HardwareBackground::from);
    }

    /**
     * Writes back what a replace changes (the level and both lists) to a background read before; the trigger sets
     * {@code updated_at}. Null when the row no longer exists.
     */
    public Uni<HardwareBackground> save(Sql sql, HardwareBackground background) {
        return sql.first("UPDATE hardware_background SET experience_level = $2, preferred_platforms = $3,"
                + " device_types = $4 WHERE id = $1 RETURNING " + COLUMNS,
                Tuple.of(background.id, background.experienceLevel,
                        background.preferredPlatforms.toArray(String[]::new),
                        background.deviceTypes.toArray(String[]::new)),
                HardwareBackground::from);
    }
}
