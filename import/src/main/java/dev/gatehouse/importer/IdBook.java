package dev.gatehouse.importer;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The Gatehouse ids the rows of this run landed as, by source table and source id, for the steps after. */
public final class IdBook {

    private final Map<String, UUID> ids = new HashMap<>();

    public void put(String table, String sourceId, UUID gatehouseId) {
        ids.put(table + "\u0000" + sourceId, gatehouseId);
    }

    /** Null when that source row did not land (refused, or not reached). */
    public UUID get(String table, String sourceId) {
        return sourceId == null ? null : ids.get(table + "\u0000" + sourceId);
    }
}
