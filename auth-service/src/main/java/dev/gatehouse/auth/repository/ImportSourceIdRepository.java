package dev.gatehouse.auth.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Which source row became which Gatehouse row ({@code import_source_ids}); runs in the caller's session. */
@ApplicationScoped
public class ImportSourceIdRepository {

    public Uni<UUID> find(String sourceSystem, String sourceTable, String sourceId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "select cast(gatehouse_id as text) from import_source_ids "
                        + "where source_system = :system and source_table = :table and source_id = :id",
                String.class)
                .setParameter("system", sourceSystem).setParameter("table", sourceTable).setParameter("id", sourceId)
                .getSingleResultOrNull())
                .map(id -> id == null ? null : UUID.fromString(id));
    }

    /** Fails with a unique violation on {@code import_source_ids_pkey} when the source row is already listed. */
    public Uni<Integer> record(String sourceSystem, String sourceTable, String sourceId, UUID gatehouseId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "insert into import_source_ids (source_system, source_table, source_id, gatehouse_id) "
                        + "values (:system, :table, :id, :gatehouseId)")
                .setParameter("system", sourceSystem).setParameter("table", sourceTable).setParameter("id", sourceId)
                .setParameter("gatehouseId", gatehouseId).executeUpdate());
    }
}
