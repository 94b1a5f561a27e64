package dev.gatehouse.auth.service;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.gatehouse.auth.User;
import dev.gatehouse.auth.repository.UserRepository;
import dev.gatehouse.auth.rest.dto.LoginRequest;
import dev.gatehouse.auth.rest.dto.TokenResponse;
import dev.gatehouse.auth.security.DeviceTokens;
import dev.gatehouse.auth.security.PasswordHasher;
import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.sql.Database;
import io.smallrye.mutiny.Uni;

/**
 * Password login. An unknown account, a phone number nobody has verified, a wrong password and a locked account all
 * get the same answer, so the answer tells nobody which accounts exist or are locked.
 * <p>
 * Every comparison is reserved with {@link LoginThrottle} before the password is hashed, so parallel guesses cannot
 * outrun the limit; a refused reservation is answered without hashing. A device that sends the device token of an
 * earlier login to this account is counted on its own, so failures elsewhere do not lock it out. No transaction is
 * open while the password is hashed.
 */
@ApplicationScoped
public class LoginService {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final SessionService sessions;
    private final AuditLog audit;
    private final PlatformAdminBootstrap adminBootstrap;
    private final LoginThrottle throttle;
    private final DeviceTokens deviceTokens;
    private final ForgotPasswordService resets;
    private final Database database;
    /** Replaces an outdated password hash after a successful login. */
    @Inject
    PasswordUpgrade upgrade;

    public LoginService(UserRepository users, PasswordHasher hasher, SessionService sessions, AuditLog audit,
            PlatformAdminBootstrap adminBootstrap, LoginThrottle throttle, DeviceTokens deviceTokens,
            ForgotPasswordService resets, Database database) {
        this.database = database;
        this.users = users;
        this.adminBootstrap = adminBootstrap;
        this.hasher = hasher;
        this.sessions = sessions;
        this.audit = audit;
        this.throttle = throttle;
        this.deviceTokens = deviceTokens;
        this.resets = resets;
    }

    public Uni<TokenResponse> login(LoginRequest request, ClientInfo client) {
        if (request.byEmail() == request.byPhone()) {
            throw ApiException.invalidField(request.byEmail() ? "phoneNumber" : "email",
                    "give either email or phoneNumber, not both");
        }
        Uni<User> lookup = request.byEmail()
                ? users.findByEmail(database, RegistrationService.normalizeEmail(request.email()))
                : users.findByPhoneNumber(database, request.phoneNumber());
        return lookup.flatMap(user -> {
            // A phone number proves nothing until its owner verified it: whoever registered it first must not be
            // able to sign in with it (nor keep its real owner out).
            if (user == null || request.byPhone() && !user.phoneVerified) {
                return hasher.verifyAgainstDecoy(request.password()).map(ignored -> {
                    throw invalidCredentials();
                });
            }
            Optional<UUID> trustedDevice = deviceTokens.deviceOf(request.deviceToken(), user.id);
            String scope = trustedDevice.map(LoginThrottle::deviceScope).orElse(LoginThrottle.ACCOUNT);
            return throttle.reserve(user.id, scope).flatMap(reserved -> {
                if (!reserved) {
                    throw invalidCredentials();
                }
                return hasher.check(request.password(), user.passwordHash)
                        .onFailure(ApiException.class).call(busy -> throttle.release(user.id, scope))
                        .flatMap(check -> check.matches()
                                ? succeed(user, scope, trustedDevice.orElseGet(UUID::randomUUID), request, client,
                                        true).call(() -> upgrade.afterLogin(user, request.password(), check))
                                : fail(user, scope, client));
            });
        });
    }

    /**
     * Opens the session, with the account locked and its hash still the one the password matched: a reset or a
     * password change that committed while the password was compared has ended every session, and none opened now
     * may outlive it. When the hash changed meanwhile, the password is compared once more with the hash as it is now
     * ({@code compareAgain}): the upgrade of an outdated hash by a parallel login of the same person keeps the
     * password, a reset or a change does not.
     */
    private Uni<TokenResponse> succeed(User user, String scope, UUID device, LoginRequest request,
            ClientInfo client, boolean compareAgain) {
        return database.inTransaction(tx -> users.lock(tx, user.id).flatMap(locked -> {
            if (locked == null) {
                throw invalidCredentials();
            }
            if (!locked.passwordHash.equals(user.passwordHash)) {
                return Uni.createFrom().item(new Opened(null, locked));
            }
            return throttle.succeeded(tx, user.id, scope)
                    .call(() -> audit.record(tx, "login.succeeded", user.id, client))
                    .flatMap(ignored -> adminBootstrap.applyAtLogin(tx, locked, client))
                    .flatMap(account -> sessions.open(tx, account, request.deviceId(), client))
                    .map(tokens -> new Opened(tokens, locked));
        })).flatMap(opened -> {
            if (opened.tokens() != null) {
                return Uni.createFrom().item(opened.tokens().withDeviceToken(deviceTokens.issue(user.id, device)));
            }
            if (!compareAgain) {
                throw invalidCredentials();
            }
            return hasher.check(request.password(), opened.account().passwordHash).flatMap(check -> {
                if (!check.matches()) {
                    throw invalidCredentials();
                }
                return succeed(opened.account(), scope, device, request, client, false);
            });
        });
    }

    /** A session opened ({@code tokens}), or none because the account's hash had changed; the account as locked. */
    private record Opened(TokenResponse tokens, User account) {
    }

    private Uni<TokenResponse> fail(User user, String scope, ClientInfo client) {
        return database.inTransaction(tx -> throttle.failed(tx, user.id, scope)
                .call(lockedUntil -> audit.record(tx, "login.failed", user.id, client, lockedUntil == null
                        ? Map.<String, Object> of("reason", "wrong_password", "scope", scope)
                        : Map.<String, Object> of("reason", "wrong_password", "scope", scope, "lockedUntil",
                                lockedUntil.toString()))))
                .map(lockedUntil -> {
                    if (lockedUntil != null) {
                        resets.lockNoticeAfterAnswer(user, lockedUntil, client);
                    }
                    throw invalidCredentials();
                });
    }

    private static ApiException invalidCredentials() {
        return ApiException.unauthorized("invalid_credentials", "The login or the password is wrong.");
    }
}
