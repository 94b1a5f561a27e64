package dev.gatehouse.auth.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.HardwareBackground;
import dev.gatehouse.auth.SoftwareBackground;
import dev.gatehouse.auth.User;
import dev.gatehouse.auth.repository.HardwareBackgroundRepository;
import dev.gatehouse.auth.repository.SoftwareBackgroundRepository;
import dev.gatehouse.auth.repository.UserRepository;
import dev.gatehouse.common.db.UniqueViolation;
import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.problem.FieldError;
import dev.gatehouse.common.sql.Database;
import dev.gatehouse.common.sql.Sql;
import io.smallrye.mutiny.Uni;

/**
 * A person's software and hardware background (seed 003, flow 6): read and replaced whole, one of each per account.
 * <p>
 * A replace is find-then-write in one transaction. Two first writes racing each other both pass the find; the unique
 * index on {@code user_id} lets one insert through, and the other is run once more, when it finds the row and updates
 * it. A replace with exactly what the row already holds writes nothing, so {@code updated_at} keeps the time of the
 * last real change.
 */
@ApplicationScoped
public class BackgroundService {

    private final Database database;
    private final UserRepository users;
    private final SoftwareBackgroundRepository software;
    private final HardwareBackgroundRepository hardware;

    public BackgroundService(Database database, UserRepository users, SoftwareBackgroundRepository software,
            HardwareBackgroundRepository hardware) {
        this.database = database;
        this.users = users;
        this.software = software;
        this.hardware = hardware;
    }

    /** The result of a replace, and whether it made the background (201) or changed one (200). */
    public record Saved<T>(T background, boolean created) {
    }

    public Uni<SoftwareBackground> software(UUID userId) {
        return software.findByUserId(database, userId).map(BackgroundService::found);
    }

    public Uni<HardwareBackground> hardware(UUID userId) {
        return hardware.findByUserId(database, userId).map(BackgroundService::found);
    }

    public Uni<Saved<SoftwareBackground>> saveSoftware(UUID userId, String experienceLevel, List<String> languages,
            List<String> frameworks) {
        List<FieldError> errors = new ArrayList<>();
        List<String> normalizedLanguages = BackgroundLists.normalize("preferredLanguages", languages, errors);
        List<String> normalizedFrameworks = BackgroundLists.normalize("preferredFrameworks", frameworks, errors);
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(invalid(errors));
        }
        return once(() -> database.inTransaction(tx -> requireUser(tx, userId)
                .chain(() -> software.findByUserId(tx, userId)).chain(existing -> {
                    if (existing == null) {
                        SoftwareBackground background = newSoftware(userId);
                        background.experienceLevel = experienceLevel;
                        background.preferredLanguages = normalizedLanguages;
                        background.preferredFrameworks = normalizedFrameworks;
                        return software.insert(tx, background).map(stored -> new Saved<>(stored, true));
                    }
                    if (Objects.equals(existing.experienceLevel, experienceLevel)
                            && existing.preferredLanguages.equals(normalizedLanguages)
                            && existing.preferredFrameworks.equals(normalizedFrameworks)) {
                        return Uni.createFrom().item(new Saved<>(existing, false));
                    }
                    existing.experienceLevel = experienceLevel;
                    existing.preferredLanguages = normalizedLanguages;
                    existing.preferredFrameworks = normalizedFrameworks;
                    return software.save(tx, existing).map(stored -> new Saved<>(stillThere(stored), false));
                })));
    }

    public Uni<Saved<HardwareBackground>> saveHardware(UUID userId, String experienceLevel, List<String> platforms,
            List<String> deviceTypes) {
        List<FieldError> errors = new ArrayList<>();
        List<String> normalizedPlatforms = BackgroundLists.normalize("preferredPlatforms", platforms, errors);
        List<String> normalizedDeviceTypes = BackgroundLists.normalize("deviceTypes", deviceTypes, errors);
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(invalid(errors));
        }
        return once(() -> database.inTransaction(tx -> requireUser(tx, userId)
                .chain(() -> hardware.findByUserId(tx, userId)).chain(existing -> {
                    if (existing == null) {
                        HardwareBackground background = newHardware(userId);
                        background.experienceLevel = experienceLevel;
                        background.preferredPlatforms = normalizedPlatforms;
                        background.deviceTypes = normalizedDeviceTypes;
                        return hardware.insert(tx, background).map(stored -> new Saved<>(stored, true));
                    }
                    if (Objects.equals(existing.experienceLevel, experienceLevel)
                            && existing.preferredPlatforms.equals(normalizedPlatforms)
                            && existing.deviceTypes.equals(normalizedDeviceTypes)) {
                        return Uni.createFrom().item(new Saved<>(existing, false));
                    }
                    existing.experienceLevel = experienceLevel;
                    existing.preferredPlatforms = normalizedPlatforms;
                    existing.deviceTypes = normalizedDeviceTypes;
                    return hardware.save(tx, existing).map(stored -> new Saved<>(stillThere(stored), false));
                })));
    }

    /** Runs a replace, and once more if a concurrent first write won the race for the row. */
    private static <T> Uni<T> once(Supplier<Uni<T>> replace) {
        return Uni.createFrom().deferred(() -> replace.get()).onFailure(UniqueViolation::is)
                .recoverWithUni(() -> Uni.createFrom().deferred(() -> replace.get()));
    }

    /** A valid token of an account deleted since is answered as unauthenticated, as everywhere in /users/me. */
    private Uni<User> requireUser(Sql sql, UUID userId) {
        return users.findById(sql, userId).map(user -> {
            if (user == null) {
                throw AccountProblems.gone();
            }
            return user;
        });
    }

    /**
     * The row read at the start of the transaction is gone when the update finds nothing: a background only goes
     * with its account (ON DELETE CASCADE), deleted since.
     */
    private static <T> T stillThere(T stored) {
        if (stored == null) {
            throw AccountProblems.gone();
        }
        return stored;
    }

    private static SoftwareBackground newSoftware(UUID userId) {
        SoftwareBackground background = new SoftwareBackground();
        background.id = UUID.randomUUID();
        background.userId = userId;
        return background;
    }

    private static HardwareBackground newHardware(UUID userId) {
        HardwareBackground background = new HardwareBackground();
        background.id = UUID.randomUUID();
        background.userId = userId;
        return background;
    }

    private static <T> T found(T background) {
        if (background == null) {
            throw ApiException.notFound("background_not_found", "No background has been saved yet.");
        }
        return background;
    }

    private static ApiException invalid(List<FieldError> errors) {
        return ApiException.invalidFields(errors);
    }
}
