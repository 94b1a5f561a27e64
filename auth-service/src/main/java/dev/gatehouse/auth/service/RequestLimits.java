package dev.gatehouse.auth.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.gatehouse.auth.config.AuthConfig;
import dev.gatehouse.auth.config.Rate;
import dev.gatehouse.auth.security.DeviceTokens;
import dev.gatehouse.common.ratelimit.FixedWindowLimiter;
import dev.gatehouse.common.ratelimit.RateLimit;
import dev.gatehouse.common.sql.Database;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * The request limits of auth-service's public endpoints: per client address, per account or destination, and for all
 * callers together. Each check is one short transaction of single-statement counter increments in
 * {@code rate_limits}, shared by every replica, taken before the request does any work; a refusal (429
 * {@code rate_limited} with {@code Retry-After}) rolls its own increments back and leaves nothing else behind.
 * <p>
 * Limits per account count the identifier as given, whether or not an account has it, so a refusal tells nothing
 * about which accounts exist.
 */
@ApplicationScoped
public class RequestLimits {

    private static final Logger LOG = Logger.getLogger(RequestLimits.class);

    private final FixedWindowLimiter limiter = new FixedWindowLimiter(FixedWindowLimiter.DEFAULT_TABLE);
    private final boolean enabled;
    private final Duration longestWindow;

    private final RateLimit loginPerIp;
    private final RateLimit loginPerAccount;
    private final RateLimit loginGlobal;
    private final RateLimit registerPerIp;
    private final RateLimit registerPerEmail;
    private final RateLimit registerGlobal;
    private final RateLimit forgotPerIp;
    private final RateLimit forgotPerEmail;
    private final RateLimit forgotGlobal;
    private final RateLimit resetPerIp;
    private final RateLimit resetPerEmail;
    private final RateLimit resetGlobal;
    private final RateLimit tokenPerIp;
    private final RateLimit tokenPerClient;
    private final RateLimit tokenGlobal;
    private final RateLimit sendPerIp;
    private final RateLimit sendPerAccount;
    private final RateLimit sendGlobal;
    private final RateLimit confirmPerIp;
    private final RateLimit confirmPerAccount;
    private final RateLimit confirmGlobal;

    private final DeviceTokens deviceTokens;
    private final Database database;

    public RequestLimits(AuthConfig config, DeviceTokens deviceTokens, Database database) {
        this.database = database;
        this.deviceTokens = deviceTokens;
        AuthConfig.RateLimits c = config.rateLimit();
        this.enabled = c.enabled();
        String fromHere = " from this address; try again later.";
        String forThis = " for this account; try again later.";
        String overall = " right now; try again later.";
        loginPerIp = limit("login_ip", c.loginPerIp(), "Too many logins" + fromHere);
        loginPerAccount = limit("login_account", c.loginPerAccount(), "Too many logins" + forThis);
        loginGlobal = limit("login_global", c.loginGlobal(), "Too many logins" + overall);
        registerPerIp = limit("register_ip", c.registerPerIp(), "Too many sign-ups" + fromHere);
        registerPerEmail = limit("register_email", c.registerPerEmail(), "Too many sign-ups for this address.");
        registerGlobal = limit("register_global", c.registerGlobal(), "Too many sign-ups" + overall);
        forgotPerIp = limit("forgot_ip", c.forgotPerIp(), "Too many password reset requests" + fromHere);
        forgotPerEmail = limit("forgot_email", c.forgotPerEmail(), "Too many password reset requests" + forThis);
        forgotGlobal = limit("forgot_global", c.forgotGlobal(), "Too many password reset requests" + overall);
        resetPerIp = limit("reset_ip", c.resetPerIp(), "Too many password resets" + fromHere);
        resetPerEmail = limit("reset_email", c.resetPerEmail(), "Too many reset codes tried" + forThis);
        resetGlobal = limit("reset_global", c.resetGlobal(), "Too many password resets" + overall);
        tokenPerIp = limit("token_ip", c.tokenPerIp(), "Too many token requests" + fromHere);
        tokenPerClient = limit("token_client", c.tokenPerClient(), "Too many token requests for this client.");
        tokenGlobal = limit("token_global", c.tokenGlobal(), "Too many token requests" + overall);
        sendPerIp = limit("verification_send_ip", c.verificationSendPerIp(), "Too many codes asked for" + fromHere);
        sendPerAccount = limit("verification_send_account", c.verificationSendPerAccount(),
                "Too many codes asked for" + forThis);
        sendGlobal = limit("verification_send_global", c.verificationSendGlobal(), "Too many codes asked for" + overall);
        confirmPerIp = limit("verification_confirm_ip", c.verificationConfirmPerIp(),
                "Too many codes tried" + fromHere);
        confirmPerAccount = limit("verification_confirm_account", c.verificationConfirmPerAccount(),
                "Too many codes tried" + forThis);
        confirmGlobal = limit("verification_confirm_global", c.verificationConfirmGlobal(),
                "Too many codes tried" + overall);
        this.longestWindow = Stream.of(loginPerIp, loginPerAccount, loginGlobal, registerPerIp, registerPerEmail,
                registerGlobal, forgotPerIp, forgotPerEmail, forgotGlobal, resetPerIp, resetPerEmail, resetGlobal,
                tokenPerIp, tokenPerClient, tokenGlobal, sendPerIp, sendPerAccount, sendGlobal, confirmPerIp,
                confirmPerAccount, confirmGlobal).map(RateLimit::window).max(Comparator.naturalOrder()).orElseThrow();
    }

    /**
     * {@code identifier} is the email address or phone number the login names. A login with a genuine device token is
     * counted per device instead of per account, so a flood of logins naming the account cannot shut its owner's
     * trusted device out; the password comparisons of any device stay capped by the login lock.
     */
    public Uni<Void> login(String identifier, String deviceToken, ClientInfo client) {
        String subject = deviceTokens.verify(deviceToken).map(device -> "login:device:" + device.device())
                .orElseGet(() -> "login:account:" + normalize(identifier));
        return charge(loginPerIp.of("login:ip:" + ip(client)), loginPerAccount.of(subject),
                loginGlobal.of("login:global"));
    }

    public Uni<Void> register(String email, ClientInfo client) {
        return charge(registerPerIp.of("register:ip:" + ip(client)),
                registerPerEmail.of("register:email:" + normalize(email)), registerGlobal.of("register:global"));
    }

    public Uni<Void> forgot(String email, ClientInfo client) {
        return charge(forgotPerIp.of("forgot:ip:" + ip(client)), forgotPerEmail.of("forgot:email:" + normalize(email)),
                forgotGlobal.of("forgot:global"));
    }

    public Uni<Void> resetByCode(String email, ClientInfo client) {
        return charge(resetPerIp.of("reset:ip:" + ip(client)), resetPerEmail.of("reset:email:" + normalize(email)),
                resetGlobal.of("reset:global"));
    }

    /** A link's token is long and random: guessing it is hopeless, so only the caller and the total are limited. */
    public Uni<Void> resetByLink(ClientInfo client) {
        return charge(resetPerIp.of("reset:ip:" + ip(client)), resetGlobal.of("reset:global"));
    }

    public Uni<Void> serviceToken(String clientId, ClientInfo client) {
        return charge(tokenPerIp.of("token:ip:" + ip(client)), tokenPerClient.of("token:client:" + normalize(clientId)),
                tokenGlobal.of("token:global"));
    }

    public Uni<Void> verificationSend(UUID userId, ClientInfo client) {
        return charge(sendPerIp.of("verification-send:ip:" + ip(client)),
                sendPerAccount.of("verification-send:account:" + userId), sendGlobal.of("verification-send:global"));
    }

    public Uni<Void> verificationConfirm(UUID userId, ClientInfo client) {
        return charge(confirmPerIp.of("verification-confirm:ip:" + ip(client)),
                confirmPerAccount.of("verification-confirm:account:" + userId),
                confirmGlobal.of("verification-confirm:global"));
    }

    /** An emailed verification link opened in a browser: no account is known before the token is checked. */
    public Uni<Void> verificationLink(ClientInfo client) {
        return charge(confirmPerIp.of("verification-confirm:ip:" + ip(client)),
                confirmGlobal.of("verification-confirm:global"));
    }

    /** Drops counters of windows that ended; every statement is idempotent, so replicas may run it at once. */
    @Scheduled(every = "${gatehouse.housekeeping.every:1h}", delayed = "${gatehouse.housekeeping.delay:5m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> dropEndedWindows() {
        OffsetDateTime cutoff = OffsetDateTime.now().minus(longestWindow);
        return limiter.deleteWindowsBefore(database, cutoff)
                .invoke(deleted -> LOG.debugf("Dropped %d ended rate limit windows", deleted))
                .onFailure().invoke(failure -> LOG.warn("Dropping ended rate limit windows failed", failure))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Void> charge(RateLimit.Charge... charges) {
        if (!enabled) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime now = OffsetDateTime.now();
        return database.inTransaction(tx -> limiter.consumeAll(tx, List.of(charges), now));
    }

    private static RateLimit limit(String name, Rate rate, String detail) {
        return new RateLimit(name, rate.max(), rate.window(), detail);
    }

    private static String ip(ClientInfo client) {
        return client.ipAddress() == null ? "unknown" : client.ipAddress();
    }

    /** Keys are bounded and case-folded, so one address cannot be counted under many spellings. */
    private static String normalize(String identifier) {
        if (identifier == null) {
            return "";
        }
        String folded = identifier.strip().toLowerCase(Locale.ROOT);
        return folded.length() > 300 ? folded.substring(0, 300) : folded;
    }
}
