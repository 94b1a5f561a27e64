package dev.gatehouse.auth.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.Background;
import dev.gatehouse.auth.HardwareBackground;
import dev.gatehouse.auth.SoftwareBackground;
import dev.gatehouse.auth.User;
import dev.gatehouse.auth.repository.HardwareBackgroundRepository;
import dev.gatehouse.auth.repository.SoftwareBackgroundRepository;
import dev.gatehouse.auth.repository.UserRepository;
import dev.gatehouse.common.db.UniqueViolation;
import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.problem.FieldError;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * A person's software and hardware background (seed 003, flow 6): read and replaced whole, one of each per account.
 * <p>
 * A replace is find-then-write. Two first writes racing each other both pass the find; the unique index on
 * {@code user_id} lets one insert through, and the other is run once more, when it finds the row and updates it.
 */
@ApplicationScoped
public class BackgroundService {

    private final UserRepository users;
    private final SoftwareBackgroundRepository software;
    private final HardwareBackgroundRepository hardware;

    public BackgroundService(UserRepository users, SoftwareBackgroundRepository software,
            HardwareBackgroundRepository hardware) {
        this.users = users;
        this.software = software;
        this.hardware = hardware;
    }

    /** The result of a replace, and whether it made the background (201) or changed one (200). */
    public record Saved<T>(T background, boolean created) {
    }

    public Uni<SoftwareBackground> software(UUID userId) {
        return Panache.withSession(() -> software.findByUserId(userId)).map(BackgroundService::found);
    }

    public Uni<HardwareBackground> hardware(UUID userId) {
        return Panache.withSession(() -> hardware.findByUserId(userId)).map(BackgroundService::found);
    }

    public Uni<Saved<SoftwareBackground>> saveSoftware(UUID userId, String experienceLevel, List<String> languages,
            List<String> frameworks) {
        List<FieldError> errors = new ArrayList<>();
        List<String> normalizedLanguages = BackgroundLists.normalize("preferredLanguages", languages, errors);
        List<String> normalizedFrameworks = BackgroundLists.normalize("preferredFrameworks", frameworks, errors);
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(invalid(errors));
        }
        return once(() -> Panache.withTransaction(() -> requireUser(userId)
                .chain(() -> software.findByUserId(userId)).chain(existing -> {
                    boolean created = existing == null;
                    SoftwareBackground background = created ? newSoftware(userId) : existing;
                    background.experienceLevel = experienceLevel;
                    background.preferredLanguages = normalizedLanguages;
                    background.preferredFrameworks = normalizedFrameworks;
                    Uni<?> write = created ? software.persistAndFlush(background) : software.flush();
                    return write.chain(() -> readBackTimestamps("software_background", background))
                            .replaceWith(new Saved<>(background, created));
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
        return once(() -> Panache.withTransaction(() -> requireUser(userId)
                .chain(() -> hardware.findByUserId(userId)).chain(existing -> {
                    boolean created = existing == null;
                    HardwareBackground background = created ? newHardware(userId) : existing;
                    background.experienceLevel = experienceLevel;
                    background.preferredPlatforms = normalizedPlatforms;
                    background.deviceTypes = normalizedDeviceTypes;
                    Uni<?> write = created ? hardware.persistAndFlush(background) : hardware.flush();
                    return write.chain(() -> readBackTimestamps("hardware_background", background))
                            .replaceWith(new Saved<>(background, created));
                })));
    }

    /**
     * The timestamps are the column default's and the trigger's; Hibernate Reactive 3.2 cannot read generated values
     * back on its own for entities with assigned ids, so the row is read again.
     */
    private static Uni<Void> readBackTimestamps(String table, Background background) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                        "select created_at, updated_at from " + table + " where id = :id", Object[].class)
                        .setParameter("id", background.id).getSingleResult())
                .invoke(row -> {
                    background.createdAt = (OffsetDateTime) row[0];
                    background.updatedAt = (OffsetDateTime) row[1];
                }).replaceWithVoid();
    }

    /** Runs a replace, and once more if a concurrent first write won the race for the row. */
    private static <T> Uni<T> once(java.util.function.Supplier<Uni<T>> replace) {
        return Uni.createFrom().deferred(() -> replace.get()).onFailure(UniqueViolation::is)
                .recoverWithUni(() -> Uni.createFrom().deferred(() -> replace.get()));
    }

    /** A valid token of an account deleted since is answered as unauthenticated, as everywhere in /users/me. */
    private Uni<User> requireUser(UUID userId) {
        return users.findById(userId).map(user -> {
            if (user == null) {
                throw ApiException.unauthorized("unauthorized", "This account no longer exists.");
            }
            return user;
        });
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
