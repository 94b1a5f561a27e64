package dev.gatehouse.common.revocation;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Polls auth-service's revocation feed ({@link RevocationSource}) into {@link RevokedTokens}. Each poll passes back the cursor
 * of the previous
 * answer, so it carries only what is new (plus a short overlap, which the set absorbs); the first poll after start
 * loads every revocation that can still matter.
 * <p>
 * When the feed cannot be reached, what is known stays in force and tokens are otherwise accepted as before (fail
 * open): refusing every token while auth-service is down would turn its outage into everyone's. A warning is logged,
 * at most once a minute, for as long as polls fail.
 */
@ApplicationScoped
public class RevocationFeedPoller {

    private static final Logger LOG = Logger.getLogger(RevocationFeedPoller.class);
    private static final Duration WARN_EVERY = Duration.ofMinutes(1);

    private final RevocationConfig config;
    private final RevokedTokens revoked;
    private final RevocationSource source;
    private volatile String cursor;
    private volatile Instant lastSuccess;
    private volatile Instant lastWarning = Instant.EPOCH;

    public RevocationFeedPoller(RevocationConfig config, RevokedTokens revoked, RevocationSource source) {
        this.config = config;
        this.revoked = revoked;
        this.source = source;
    }

    @Scheduled(identity = "revocation-feed", every = "${gatehouse.revocation.poll-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> poll() {
        if (!config.enabled()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> source.since(cursor))
                .invoke(page -> {
                    Instant now = Instant.now();
                    revoked.apply(page, now);
                    if (cursor == null) {
                        LOG.infof("Revocation feed loaded: %d revoked sessions and accounts", revoked.size());
                    }
                    cursor = page.asOf();
                    lastSuccess = now;
                })
                .onFailure().invoke(this::warn)
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** When the feed last answered; null before the first answer. */
    public Instant lastSuccess() {
        return lastSuccess;
    }

    private void warn(Throwable failure) {
        Instant now = Instant.now();
        if (Duration.between(lastWarning, now).compareTo(WARN_EVERY) >= 0) {
            lastWarning = now;
            LOG.warnf("The revocation feed cannot be read (last answer %s): %s", lastSuccess == null ? "never"
                    : lastSuccess, failure.toString());
        }
    }
}
