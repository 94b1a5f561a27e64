package dev.gatehouse.common.sql;

import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Which source row became which Gatehouse row, in the {@code import_source_ids} table of every service that imports
 * rows from another system: what makes an import idempotent by the source row.
 */
public final class ImportSourceIds {

    private ImportSourceIds() {
    }

    /** The Gatehouse id the source row was imported as, or null when it was not. */
    public static Uni<UUID> find(Sql sql, String sourceSystem, String sourceTable, String sourceId) {
        return sql.first("SELECT gatehouse_id FROM import_source_ids"
                + " WHERE source_system = $1 AND source_table = $2 AND source_id = $3",
                Tuple.of(sourceSystem, sourceTable, sourceId), row -> row.getUUID(0));
    }

    /** Fails with a unique violation on {@code import_source_ids_pkey} when the source row is already listed. */
    public static Uni<Void> record(Sql sql, String sourceSystem, String sourceTable, String sourceId,
            UUID gatehouseId) {
        return sql.execute("INSERT INTO import_source_ids (source_system, source_table, source_id,"
                + " gatehouse_id) VALUES ($1, $2, $3, $4)", Tuple.of(sourceSystem, sourceTable, sourceId, gatehouseId))
                .replaceWithVoid();
    }
}
