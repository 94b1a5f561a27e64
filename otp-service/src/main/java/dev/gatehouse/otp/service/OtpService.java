package dev.gatehouse.otp.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.common.db.UniqueViolation;
import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.sql.Database;
import dev.gatehouse.common.sql.Transaction;
import dev.gatehouse.otp.DeliveryAttempt;
import dev.gatehouse.otp.Otp;
import dev.gatehouse.otp.RevokeReason;
import dev.gatehouse.otp.api.OtpChannel;
import dev.gatehouse.otp.api.OtpStatus;
import dev.gatehouse.otp.api.OtpType;
import dev.gatehouse.otp.config.OtpConfig;
import dev.gatehouse.otp.repository.DeliveryAttemptRepository;
import dev.gatehouse.otp.repository.DestinationGuardRepository;
import dev.gatehouse.otp.repository.OtpRepository;
import dev.gatehouse.otp.security.CodeGenerator;
import dev.gatehouse.otp.security.CodeHasher;
import io.smallrye.mutiny.Uni;

/**
 * The life of a one-time code: issue, deliver, verify, resend, revoke.
 * <p>
 * Issuing and resending run in two short transactions around the provider call, so no database connection waits
 * on Twilio or SMTP: the first stores the code (hashed) and counts it against the limits, the second records the
 * delivery attempt and, when the provider did not take the message, revokes the code. Either a caller gets a code
 * that was handed to a provider, or it gets an error and no live code exists. Each transaction is the pool's: it
 * commits or rolls back and returns its connection even when the caller stops waiting.
 */
@ApplicationScoped
public class OtpService {

    /**
     * What a caller asks for; the destination is already normalised for its channel, and the link template (EMAIL
     * only, may be {@code null}) checked by {@link EmailLinks#check}. {@code clientIp} (may be {@code null}) is the
     * end user's address as the calling service saw it, counted by the per-IP SMS budget.
     */
    public record IssueRequest(OtpType type, OtpChannel channel, String destination, UUID subjectId, String locale,
            String linkTemplate, String clientIp, String issuedTo) {
    }

    private final Database database;
    private final OtpRepository otps;
    private final DeliveryAttemptRepository attempts;
    private final RateLimiter rateLimiter;
    private final CodeGenerator codes;
    private final CodeHasher hasher;
    private final Delivery delivery;
    private final OtpMetrics metrics;
    private final DestinationGuardRepository guards;
    private final SmsCountries countries;
    private final OtpConfig config;

    public OtpService(Database database, OtpRepository otps, DeliveryAttemptRepository attempts, RateLimiter rateLimiter,
            CodeGenerator codes, CodeHasher hasher, Delivery delivery, OtpMetrics metrics,
            DestinationGuardRepository guards, SmsCountries countries, OtpConfig config) {
        this.database = database;
        this.guards = guards;
        this.countries = countries;
        this.otps = otps;
        this.attempts = attempts;
        this.rateLimiter = rateLimiter;
        this.codes = codes;
        this.hasher = hasher;
        this.delivery = delivery;
        this.metrics = metrics;
        this.config = config;
    }

    /**
     * Issues a new code, superseding the subject's pending one of the same destination and type, and sends it. SMS
     * only goes to allowed countries and within the SMS budgets; a refusal sends and writes nothing.
     */
    public Uni<Otp> issue(IssueRequest request) {
        String country = request.channel() == OtpChannel.SMS ? countries.require(request.destination()) : null;
        String code = codes.newCode();
        return database.inTransaction(tx -> storeNew(tx, request, country, code))
                // Two requests raced past the cooldown check; the unique index let only one of them through.
                .onFailure(UniqueViolation::is).transform(raced -> OtpProblems.cooldown(config.resendCooldown()))
                .flatMap(otp -> deliver(otp, code, false));
    }

    private Uni<Otp> storeNew(Transaction tx, IssueRequest request, String country, String code) {
        OffsetDateTime now = now();
        return otps.lockIssuing(tx, request.subjectId(), request.destination(), request.type())
                .chain(() -> refuseIfGuardLocked(tx, request.destination(), request.type(), now))
                .chain(() -> otps.latestSent(tx, request.destination(), request.type()))
                .invoke(latest -> {
                    Duration wait = latest == null ? Duration.ZERO : cooldownLeft(latest, now);
                    if (wait.compareTo(Duration.ZERO) > 0) {
                        throw OtpProblems.cooldown(wait);
                    }
                })
                // Rows of otps before counters, as in a resend: two transactions never wait on each other crosswise.
                .chain(() -> otps.revokePending(tx, request.subjectId(), request.destination(), request.type(), now))
                .chain(() -> rateLimiter.consumeCode(tx, request.channel(), request.destination(),
                        request.subjectId(), request.clientIp(), country, now))
                .chain(() -> {
                    Otp otp = new Otp();
                    otp.id = UUID.randomUUID();
                    otp.type = request.type();
                    otp.channel = request.channel();
                    otp.destination = request.destination();
                    otp.subjectId = request.subjectId();
                    otp.issuedTo = request.issuedTo();
                    otp.locale = request.locale();
                    otp.linkTemplate = request.linkTemplate();
                    otp.status = OtpStatus.PENDING;
                    otp.maxAttempts = config.maxAttempts();
                    otp.createdAt = now;
                    otp.updatedAt = now;
                    renew(otp, code, now);
                    return otps.insert(tx, otp);
                });
    }

    /**
     * Checks a code. Wrong guesses are counted under a row lock; the last allowed one locks the code. Wrong guesses
     * also count against the destination and type across every code sent there (the lifetime cap): past the cap
     * they lock, and no code for them is checked until the lock ends.
     */
    public Uni<Otp> verify(UUID id, String code, String caller) {
        return database.inTransaction(tx -> check(tx, id, code, caller))
                .onItemOrFailure().invoke((result, failure) -> metrics.verification(outcomeOf(result, failure)))
                .map(Committed::orThrow);
    }

    private Uni<Committed<Otp>> check(Transaction tx, UUID id, String code, String caller) {
        OffsetDateTime now = now();
        return otps.lock(tx, id).flatMap(found -> {
            Otp otp = ownedBy(found, caller);
            refuseIfFinished(otp);
            if (otp.isExpiredAt(now)) {
                otp.status = OtpStatus.EXPIRED;
                return otps.save(tx, otp).map(expired -> Committed.<Otp> refused(OtpProblems.expired()));
            }
            OtpConfig.LifetimeCap cap = config.lifetimeCap();
            if (!cap.enabled()) {
                Committed<Otp> result = compare(otp, code, now);
                return otps.save(tx, otp).map(saved -> result);
            }
            return guards.lockFor(tx, otp.destination, otp.type, now).chain(guard -> {
                if (guard.isLockedAt(now)) {
                    return Uni.createFrom().item(Committed.<Otp> refused(OtpProblems.destinationLocked(
                            Duration.between(now, guard.lockedUntil))));
                }
                Committed<Otp> compared = compare(otp, code, now);
                Committed<Otp> result = compared;
                if (compared.refusal() == null) {
                    guard.clearWrong(now);
                } else if (guard.countWrong(now, cap.maxWrongCodes(), cap.window(), cap.lockDuration())) {
                    result = Committed.refused(OtpProblems.destinationLocked(cap.lockDuration()));
                }
                Committed<Otp> outcome = result;
                return otps.save(tx, otp).call(() -> guards.save(tx, guard)).map(saved -> outcome);
            });
        });
    }

    private Committed<Otp> compare(Otp otp, String code, OffsetDateTime now) {
        if (hasher.matches(otp.id, code, otp.codeHash)) {
            otp.status = OtpStatus.VERIFIED;
            otp.verifiedAt = now;
            return Committed.ok(otp);
        }
        otp.attemptCount++;
        if (otp.attemptCount >= otp.maxAttempts) {
            otp.status = OtpStatus.LOCKED;
            return Committed.refused(OtpProblems.locked());
        }
        return Committed.refused(OtpProblems.invalid(otp.remainingAttempts()));
    }

    /** 429 while the destination and type are locked by the lifetime cap: a new code could not be checked anyway. */
    private Uni<Void> refuseIfGuardLocked(Transaction tx, String destination, OtpType type, OffsetDateTime now) {
        if (!config.lifetimeCap().enabled()) {
            return Uni.createFrom().voidItem();
        }
        return guards.peek(tx, destination, type).map(guard -> {
            if (guard != null && guard.isLockedAt(now)) {
                throw OtpProblems.destinationLockedForCodes(Duration.between(now, guard.lockedUntil));
            }
            return null;
        });
    }

    /**
     * Sends a fresh code under the same id: new hash, new expiry, attempts back to zero (they were guesses at the
     * old code and say nothing about the new one). Only a pending, unexpired code can be resent; anything else
     * needs a new code from {@link #issue}.
     */
    public Uni<Otp> resend(UUID id, String caller) {
        String code = codes.newCode();
        return database.inTransaction(tx -> storeResend(tx, id, code, caller))
                .map(Committed::orThrow)
                .flatMap(otp -> deliver(otp, code, true));
    }

    private Uni<Committed<Otp>> storeResend(Transaction tx, UUID id, String code, String caller) {
        OffsetDateTime now = now();
        return otps.lock(tx, id).flatMap(found -> {
            Otp otp = ownedBy(found, caller);
            refuseIfFinished(otp);
            if (otp.isExpiredAt(now)) {
                otp.status = OtpStatus.EXPIRED;
                return otps.save(tx, otp).map(expired -> Committed.<Otp> refused(OtpProblems.expired()));
            }
            Duration wait = cooldownLeft(otp, now);
            if (wait.compareTo(Duration.ZERO) > 0) {
                throw OtpProblems.resendTooSoon(wait);
            }
            String country = otp.channel == OtpChannel.SMS ? countries.require(otp.destination) : null;
            return refuseIfGuardLocked(tx, otp.destination, otp.type, now)
                    .chain(() -> rateLimiter.consumeCode(tx, otp.channel, otp.destination, otp.subjectId, null,
                            country, now))
                    .chain(() -> {
                        renew(otp, code, now);
                        otp.resendCount++;
                        return otps.save(tx, otp);
                    })
                    .map(Committed::ok);
        });
    }

    /** Withdraws a code; a code that already ended (verified, expired, ...) keeps its status. */
    public Uni<Void> revoke(UUID id, String caller) {
        return database.inTransaction(tx -> otps.lock(tx, id).chain(found -> {
            Otp otp = ownedBy(found, caller);
            if (otp == null) {
                throw OtpProblems.notFound();
            }
            if (otp.status != OtpStatus.PENDING) {
                return Uni.createFrom().voidItem();
            }
            otp.revoke(now(), RevokeReason.CANCELLED);
            return otps.save(tx, otp).replaceWithVoid();
        }));
    }

    public Uni<Otp> get(UUID id, String caller) {
        return otps.findById(database, id).map(found -> {
            Otp otp = ownedBy(found, caller);
            if (otp == null) {
                throw OtpProblems.notFound();
            }
            return otp;
        });
    }

    /** When the next message for this code may go out. */
    public OffsetDateTime resendAvailableAt(Otp otp) {
        return otp.lastSentAt == null ? otp.createdAt : otp.lastSentAt.plus(config.resendCooldown());
    }

    private Uni<Otp> deliver(Otp otp, String code, boolean resend) {
        return delivery.send(otp, code)
                .call(outcome -> database.inTransaction(tx -> record(tx, otp, outcome)))
                .invoke(outcome -> metrics.delivery(otp, outcome, resend,
                        otp.channel == OtpChannel.SMS ? countries.callingCodeOf(otp.destination) : null))
                .map(outcome -> {
                    if (!outcome.delivered()) {
                        throw OtpProblems.deliveryFailed(outcome.failure());
                    }
                    return otp;
                });
    }

    private Uni<Void> record(Transaction tx, Otp otp, Delivery.Outcome outcome) {
        OffsetDateTime now = now();
        DeliveryAttempt attempt = new DeliveryAttempt();
        attempt.id = UUID.randomUUID();
        attempt.otpId = otp.id;
        attempt.channel = otp.channel;
        attempt.provider = outcome.provider();
        attempt.providerMessageId = outcome.providerMessageId();
        attempt.createdAt = now;
        if (outcome.delivered()) {
            attempt.status = DeliveryAttempt.Status.SENT;
            return attempts.insert(tx, attempt);
        }
        attempt.status = DeliveryAttempt.Status.FAILED;
        attempt.errorCode = truncate(outcome.failure().errorCode(), 50);
        attempt.error = truncate(outcome.failure().getMessage(), 1000);
        return attempts.insert(tx, attempt).chain(() -> otps.revokeUndelivered(tx, otp.id, now)).replaceWithVoid();
    }

    private void renew(Otp otp, String code, OffsetDateTime now) {
        otp.codeHash = hasher.hash(otp.id, code);
        otp.expiresAt = now.plus(config.ttl());
        otp.attemptCount = 0;
        otp.lastSentAt = now;
    }

    private Duration cooldownLeft(Otp otp, OffsetDateTime now) {
        if (otp.lastSentAt == null) {
            return Duration.ZERO;
        }
        return Duration.between(now, otp.lastSentAt.plus(config.resendCooldown()));
    }

    /** Refuses every code that can no longer change: unknown, used, revoked, locked or marked expired. */
    /**
     * The code if {@code caller} (a service's client id) asked for it, otherwise {@code null}, which is answered like
     * an unknown code: another service learns nothing about it, not even that it exists.
     */
    private static Otp ownedBy(Otp otp, String caller) {
        if (otp == null || otp.issuedTo != null && !otp.issuedTo.equals(caller)) {
            return null;
        }
        return otp;
    }

    private static void refuseIfFinished(Otp otp) {
        if (otp == null) {
            throw OtpProblems.notFound();
        }
        switch (otp.status) {
            case VERIFIED -> throw OtpProblems.used();
            case REVOKED -> throw OtpProblems.revoked();
            case LOCKED -> throw OtpProblems.locked();
            case EXPIRED -> throw OtpProblems.expired();
            case PENDING -> {
            }
        }
    }

    private static String outcomeOf(Committed<Otp> result, Throwable failure) {
        ApiException refusal = failure instanceof ApiException api ? api : result == null ? null : result.refusal();
        if (refusal == null) {
            return failure == null ? "verified" : "error";
        }
        return refusal.problem().code().replace("otp_", "");
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
