package dev.gatehouse.company.service.imports;

import java.util.UUID;

/** What became of one source row: imported now, or imported by an earlier run (never twice). */
public record ImportOutcome(UUID gatehouseId, boolean imported) {
}
