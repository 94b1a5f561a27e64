package dev.gatehouse.auth.service;

import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.gatehouse.auth.User;
import dev.gatehouse.auth.config.AuthConfig;
import dev.gatehouse.auth.repository.UserRepository;
import dev.gatehouse.auth.rest.dto.LoginRequest;
import dev.gatehouse.auth.rest.dto.TokenResponse;
import dev.gatehouse.auth.security.PasswordCheck;
import dev.gatehouse.auth.security.PasswordHasher;
import dev.gatehouse.common.problem.ApiException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Password login. An unknown account and a wrong password get the same answer after the same work, so the answer
 * tells nobody which accounts exist; consecutive failures lock the account for a while.
 */
@ApplicationScoped
public class LoginService {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final SessionService sessions;
    private final AuditLog audit;
    private final PlatformAdminBootstrap adminBootstrap;
    private final AuthConfig.Login config;
    /** Replaces an outdated password hash after a successful login. */
    @Inject
    PasswordUpgrade upgrade;

    public LoginService(UserRepository users, PasswordHasher hasher, SessionService sessions, AuditLog audit,
            PlatformAdminBootstrap adminBootstrap, AuthConfig config) {
        this.users = users;
        this.adminBootstrap = adminBootstrap;
        this.hasher = hasher;
        this.sessions = sessions;
        this.audit = audit;
        this.config = config.login();
    }

    public Uni<TokenResponse> login(LoginRequest request, ClientInfo client) {
        if (request.byEmail() == request.byPhone()) {
            throw ApiException.invalidField(request.byEmail() ? "phoneNumber" : "email",
                    "give either email or phoneNumber, not both");
        }
        Uni<User> lookup = request.byEmail()
                ? users.findByEmail(RegistrationService.normalizeEmail(request.email()))
                : users.findByPhoneNumber(request.phoneNumber());
        return lookup.flatMap(user -> {
            if (user == null) {
                return hasher.verifyAgainstDecoy(request.password()).map(ignored -> {
                    throw invalidCredentials();
                });
            }
            if (user.isLockedAt(OffsetDateTime.now())) {
                throw ApiException.locked("account_locked",
                        "Too many failed logins: this account is locked for a while. Try again later or reset the password.");
            }
            return hasher.check(request.password(), user.passwordHash)
                    .call(check -> upgrade.afterLogin(user, request.password(), check))
                    .map(PasswordCheck::matches).flatMap(matches -> matches
                            ? Panache.withTransaction(() -> users.clearFailedLogins(user.id)
                                    .call(() -> audit.record("login.succeeded", user.id, client))
                                    .flatMap(ignored -> adminBootstrap.applyAtLogin(user, client))
                                    .flatMap(account -> sessions.open(account, request.deviceId(), client)))
                            : recordFailure(user, client));
        });
    }

    private Uni<TokenResponse> recordFailure(User user, ClientInfo client) {
        OffsetDateTime lockUntil = OffsetDateTime.now().plus(config.lockDuration());
        return Panache.withTransaction(() -> users.recordFailedLogin(user.id, config.maxFailedAttempts(), lockUntil)
                .call(() -> audit.record("login.failed", user.id, client, Map.of("reason", "wrong_password"))))
                .map(ignored -> {
                    throw invalidCredentials();
                });
    }

    private static ApiException invalidCredentials() {
        return ApiException.unauthorized("invalid_credentials", "The login or the password is wrong.");
    }
}
