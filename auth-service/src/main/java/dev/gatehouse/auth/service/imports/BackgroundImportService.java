package dev.gatehouse.auth.service.imports;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.repository.UserRepository;
import dev.gatehouse.auth.service.BackgroundService;
import dev.gatehouse.common.db.UniqueViolation;
import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.sql.Database;
import dev.gatehouse.common.sql.ImportSourceIds;
import io.smallrye.mutiny.Uni;

/**
 * Brings a person's software or hardware background over, after their account. A background is replaced whole, so
 * saving it again is harmless: an import that stopped between saving and recording its source row saves the same
 * background again when re-run, then records it. Entries are checked and normalised as for the person's own PUT.
 */
@ApplicationScoped
public class BackgroundImportService {

    private static final String MAPPING_KEY = "import_source_ids_pkey";

    private final Database database;
    private final BackgroundService backgrounds;
    private final UserRepository users;

    public BackgroundImportService(Database database, BackgroundService backgrounds, UserRepository users) {
        this.database = database;
        this.backgrounds = backgrounds;
        this.users = users;
    }

    /** {@code hardware}: the two lists are platforms and device types; otherwise languages and frameworks. */
    public Uni<ImportOutcome> importBackground(String sourceSystem, String sourceTable, String sourceId, UUID userId,
            boolean hardware, String experienceLevel, List<String> first, List<String> second) {
        return ImportSourceIds.find(database, sourceSystem, sourceTable, sourceId)
                .flatMap(existing -> existing != null ? Uni.createFrom().item(existing)
                        : users.findById(database, userId).map(user -> {
                            if (user == null) {
                                throw ApiException.notFound("user_not_found", "No account with this id; import it first.");
                            }
                            return (UUID) null;
                        }))
                .flatMap(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().item(new ImportOutcome(existing, false));
                    }
                    Uni<UUID> saved = hardware
                            ? backgrounds.saveHardware(userId, experienceLevel, first, second).map(s -> s.background().id)
                            : backgrounds.saveSoftware(userId, experienceLevel, first, second).map(s -> s.background().id);
                    return saved.flatMap(id -> database
                            .inTransaction(tx -> ImportSourceIds.record(tx, sourceSystem, sourceTable, sourceId, id))
                            .map(ignored -> new ImportOutcome(id, true))
                            .onFailure(failure -> UniqueViolation.constraintOf(failure).orElse("").equals(MAPPING_KEY))
                            .recoverWithItem(() -> new ImportOutcome(id, false)));
                });
    }
}
