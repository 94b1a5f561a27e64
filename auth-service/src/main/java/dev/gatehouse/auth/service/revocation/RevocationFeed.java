package dev.gatehouse.auth.service.revocation;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.config.AuthConfig;
import dev.gatehouse.auth.repository.TokenRevocationRepository;
import dev.gatehouse.auth.repository.TokenRevocationRepository.Revocation;
import dev.gatehouse.common.sql.Database;
import io.smallrye.mutiny.Uni;

/**
 * What the other services poll to refuse revoked tokens without asking auth-service on every request: the sessions
 * revoked and the accounts deleted recently, each with the time after which no access token it could concern is
 * accepted any more (revocation time plus the access-token lifetime and the clock skew verifiers allow), so a
 * reader can forget it then.
 * <p>
 * A reader starts without a cursor and gets every revocation that can still matter, then passes back the
 * {@code asOf} it was given. Each answer re-reads a short overlap before the cursor, so a revocation whose
 * transaction committed after a later one was already read is not missed; readers keep a set, so repeats are harmless.
 */
@ApplicationScoped
public class RevocationFeed {

    /**
     * How far past its expiry a token is still accepted: the verifiers allow this much clock skew (smallrye-jwt's
     * default is 60 s, auth-service's own 30 s), plus a margin for clocks that differ between hosts. A revocation is
     * remembered for the token lifetime plus this, or a revoked token would pass again in its last seconds.
     */
    static final Duration ACCEPTED_PAST_EXPIRY = Duration.ofSeconds(90);

    /** One answer: revocations oldest first, each to be remembered for {@code rememberFor}, and the next cursor. */
    public record Page(OffsetDateTime asOf, Duration rememberFor, List<Revocation> revocations) {

        /** When a reader may forget {@code revocation}: no token it concerns is accepted after that. */
        public OffsetDateTime expiresAt(Revocation revocation) {
            return revocation.revokedAt().plus(rememberFor);
        }
    }

    private final TokenRevocationRepository revocations;
    private final AuthConfig.RevocationFeed config;
    private final Duration rememberFor;
    private final Database database;

    public RevocationFeed(TokenRevocationRepository revocations, AuthConfig config, Database database) {
        this.database = database;
        this.revocations = revocations;
        this.config = config.revocationFeed();
        this.rememberFor = config.jwt().accessTokenTtl().plus(ACCEPTED_PAST_EXPIRY);
    }

    public Uni<Page> since(Optional<OffsetDateTime> cursor) {
        return revocations.now(database).chain(now -> {
            OffsetDateTime oldestUseful = now.minus(rememberFor);
            OffsetDateTime from = cursor.map(after -> after.minus(config.overlap()))
                    .filter(after -> after.isAfter(oldestUseful)).orElse(oldestUseful);
            return revocations.recordedAfter(database, from, config.maxEntries())
                    .map(found -> new Page(asOf(found, now), rememberFor, found));
        });
    }

    /**
     * The cursor to give out. A full page may have more behind it: the next read continues from its last entry (an
     * overlap before it) rather than from now. When a whole page lies within one overlap (thousands of sessions
     * revoked within a minute, as one logout everywhere of an account with that many can do), that next read would
     * return this same page again, for every reader, until the entries expire; then it starts just before the last
     * entry instead, without the overlap this once, so the feed moves on.
     */
    private OffsetDateTime asOf(List<Revocation> found, OffsetDateTime now) {
        if (found.size() < config.maxEntries()) {
            return now;
        }
        OffsetDateTime first = found.get(0).revokedAt();
        OffsetDateTime last = found.get(found.size() - 1).revokedAt();
        return last.minus(config.overlap()).isBefore(first) ? last.plus(config.overlap()).minusNanos(1_000) : last;
    }

    /** Housekeeping: revocations older than any access token that could carry them. */
    public Uni<Integer> forgetExpired() {
        return revocations.now(database).chain(now -> revocations.deleteRecordedBefore(database, now.minus(rememberFor)));
    }
}
