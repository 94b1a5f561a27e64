package dev.gatehouse.company.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.gatehouse.common.ratelimit.FixedWindowLimiter;
import dev.gatehouse.common.ratelimit.RateLimit;
import dev.gatehouse.common.sql.Database;
import dev.gatehouse.common.sql.Transaction;
import dev.gatehouse.company.config.CompanyConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * company-service's rate limits per client IP and per account, counted by the shared {@link FixedWindowLimiter} in
 * {@code rate_limits}, so every replica shares the counters. Each check runs in the caller's transaction: a refusal
 * rolls its own increments back.
 */
@ApplicationScoped
public class CompanyLimits {

    /** What is limited; each has a per-IP and a per-account limit. */
    public enum Action {
        CREATE("company_create"),
        VERIFICATION_SEND("company_verification_send"),
        VERIFICATION_CONFIRM("company_verification_confirm");

        final String name;

        Action(String name) {
            this.name = name;
        }
    }

    private static final Logger LOG = Logger.getLogger(CompanyLimits.class);

    private final FixedWindowLimiter limiter = new FixedWindowLimiter(FixedWindowLimiter.DEFAULT_TABLE);
    private final boolean enabled;
    private final RateLimit[] perIp = new RateLimit[Action.values().length];
    private final RateLimit[] perAccount = new RateLimit[Action.values().length];
    private final CompanyConfig.RateLimit config;
    private final Database database;

    public CompanyLimits(CompanyConfig config, Database database) {
        this.database = database;
        this.config = config.rateLimit();
        this.enabled = this.config.enabled();
        define(Action.CREATE, this.config.createPerIp(), this.config.createPerAccount(),
                "Too many companies were created");
        define(Action.VERIFICATION_SEND, this.config.verificationSendPerIp(),
                this.config.verificationSendPerAccount(), "Too many verification codes were asked for");
        define(Action.VERIFICATION_CONFIRM, this.config.verificationConfirmPerIp(),
                this.config.verificationConfirmPerAccount(), "Too many verification codes were tried");
    }

    private void define(Action action, int ipLimit, int accountLimit, String what) {
        perIp[action.ordinal()] = new RateLimit(action.name + "_ip", ipLimit, config.window(),
                what + " from this address; try again later.");
        perAccount[action.ordinal()] = new RateLimit(action.name + "_account", accountLimit, config.window(),
                what + " by this account; try again later.");
    }

    /**
     * Counts one {@code action} by {@code account} from {@code clientIp} (may be {@code null} when unknown), or
     * fails with 429 {@code rate_limited} naming the limit, in {@code transaction}.
     */
    public Uni<Void> consume(Transaction transaction, Action action, UUID account, String clientIp) {
        if (!enabled) {
            return Uni.createFrom().voidItem();
        }
        List<RateLimit.Charge> charges = new ArrayList<>();
        charges.add(perAccount[action.ordinal()].of(action.name + ":account:" + account));
        if (clientIp != null) {
            charges.add(perIp[action.ordinal()].of(action.name + ":ip:" + clientIp.toLowerCase(Locale.ROOT)));
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return limiter.consumeAll(transaction, charges, now);
    }

    /** Drops windows that ended; idempotent, so replicas running it together do no harm. */
    @Scheduled(every = "${gatehouse.company.housekeeping.every:15m}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> dropEndedWindows() {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(config.window());
        return limiter.deleteWindowsBefore(database, cutoff)
                .onFailure().invoke(failure -> LOG.warn("Dropping ended rate-limit windows failed; next run retries",
                        failure))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
