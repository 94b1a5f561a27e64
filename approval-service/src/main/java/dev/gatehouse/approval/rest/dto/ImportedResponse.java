package dev.gatehouse.approval.rest.dto;

import java.util.UUID;

import dev.gatehouse.approval.service.imports.ImportOutcome;

/** {@code imported} now (201) or {@code already_imported} by an earlier run (200), and the Gatehouse id. */
public record ImportedResponse(String outcome, UUID gatehouseId) {

    public static ImportedResponse of(ImportOutcome outcome) {
        return new ImportedResponse(outcome.imported() ? "imported" : "already_imported", outcome.gatehouseId());
    }
}
