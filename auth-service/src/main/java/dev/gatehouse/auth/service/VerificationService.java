package dev.gatehouse.auth.service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.User;
import dev.gatehouse.auth.VerificationChallenge;
import dev.gatehouse.auth.VerificationChannel;
import dev.gatehouse.auth.client.OtpGateway;
import dev.gatehouse.auth.config.AuthConfig;
import dev.gatehouse.auth.repository.UserRepository;
import dev.gatehouse.auth.repository.VerificationChallengeRepository;
import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.sql.Database;
import io.smallrye.mutiny.Uni;

/**
 * Proves that a person owns the phone number and the email address of their account (flow 1).
 * <p>
 * otp-service sends and checks the codes; this service remembers which code it asked for (one challenge per account
 * and channel) and sets the account's flag when otp-service accepts the code. A code only counts for the account it
 * was issued to ({@code subjectId}) and for the phone number or address the account has now: a code sent to a
 * number the account no longer has proves nothing. Database work and calls to otp-service never overlap, so no
 * connection waits on the network.
 */
@ApplicationScoped
public class VerificationService {

    static final String LINK_PATH = "/auth/email/verify?token={token}";

    private final Database database;
    private final UserRepository users;
    private final VerificationChallengeRepository challenges;
    private final OtpGateway otp;
    private final AuditLog audit;
    private final String linkTemplate;

    public VerificationService(Database database, UserRepository users, VerificationChallengeRepository challenges,
            OtpGateway otp, AuditLog audit, AuthConfig config) {
        this.database = database;
        this.users = users;
        this.challenges = challenges;
        this.otp = otp;
        this.audit = audit;
        this.linkTemplate = stripTrailingSlash(config.publicBaseUrl()) + LINK_PATH;
    }

    /** A code on its way: where it went, until when it is good, and when another may be asked for. */
    public record Started(String destination, Instant expiresAt, Instant resendAvailableAt) {
    }

    /** Sends a new code (replacing any earlier one) to the account's phone or email address. */
    public Uni<Started> start(UUID userId, VerificationChannel channel, ClientInfo client) {
        return users.findById(database, userId).flatMap(user -> {
            requireExists(user);
            if (channel.isVerified(user)) {
                throw ApiException.conflict("already_verified", "This " + noun(channel) + " is already verified.");
            }
            String destination = channel.destinationOf(user);
            if (destination == null) {
                throw ApiException.conflict("no_phone_number", "This account has no phone number to verify.");
            }
            String link = channel == VerificationChannel.EMAIL ? linkTemplate : null;
            // The code's text (SMS or email) is written by otp-service, in the language asked for here.
            String language = MessageLanguage.of(user.locale, client.acceptLanguage());
            return otp.send(channel, user.id, destination, link, client.ipAddress(), language)
                    .call(sent -> database.inTransaction(tx -> challenges
                            .replace(tx, user.id, channel, sent.otpId(), destination, OffsetDateTime.now())
                            .call(() -> audit.record(tx, channel.label() + ".verification_sent", user.id, client,
                                    Map.of("otpId", sent.otpId().toString())))))
                    .map(sent -> new Started(destination, sent.expiresAt(), sent.resendAvailableAt()));
        });
    }

    /** Checks a code the person typed; answers the account with its flag set. */
    public Uni<User> confirm(UUID userId, VerificationChannel channel, String code, ClientInfo client) {
        return users.findById(database, userId).flatMap(user -> {
            requireExists(user);
            if (channel.isVerified(user)) {
                throw ApiException.conflict("already_verified", "This " + noun(channel) + " is already verified.");
            }
            return challenges.find(database, userId, channel).map(challenge -> current(challenge, user, channel));
        }).flatMap(challenge -> otp.verify(challenge.otpId, code))
                .flatMap(verified -> complete(userId, channel, verified, "code", client));
    }

    /** Checks the token of an emailed link; answers the account with its email address verified. */
    public Uni<User> confirmLink(String token, ClientInfo client) {
        return Uni.createFrom().item(() -> EmailLinkToken.parse(token))
                .flatMap(link -> confirmLink(link, client));
    }

    private Uni<User> confirmLink(EmailLinkToken link, ClientInfo client) {
        return challenges.findByOtpId(database, link.otpId()).flatMap(challenge -> {
            // Only codes this service asked for as email verifications are ever checked here: a link cannot be
            // used to spend somebody's password-reset or login code.
            if (challenge == null || challenge.channel != VerificationChannel.EMAIL) {
                throw EmailLinkToken.invalid();
            }
            return users.findById(database, challenge.userId).map(user -> {
                if (user == null) {
                    throw EmailLinkToken.invalid();
                }
                return current(challenge, user, VerificationChannel.EMAIL);
            });
        }).flatMap(challenge -> otp.verify(challenge.otpId, link.code())
                .flatMap(verified -> complete(challenge.userId, VerificationChannel.EMAIL, verified, "link", client)));
    }

    /** The challenge, if it was sent to where the account's code goes now. */
    private static VerificationChallenge current(VerificationChallenge challenge, User user,
            VerificationChannel channel) {
        if (challenge == null) {
            throw ApiException.conflict("verification_not_started",
                    "No code was sent for this " + noun(channel) + "; ask for one first.");
        }
        if (!channel.sameDestination(challenge.destination, channel.destinationOf(user))) {
            throw destinationChanged(channel);
        }
        return challenge;
    }

    /**
     * Sets the flag once otp-service accepted the code, checking again, under the transaction, that the code was
     * this account's and went to where the account's code goes now (it may have changed during the call). The account
     * is locked while it changes, so verifying the email and the phone at once cannot write back one flag over the
     * other; the flag is written before the audit event, and the account is answered as stored.
     */
    private Uni<User> complete(UUID userId, VerificationChannel channel, OtpGateway.Verified verified, String via,
            ClientInfo client) {
        if (!userId.equals(verified.subjectId()) || !channel.otpType().equals(verified.type())) {
            throw ApiException.forbidden("otp_not_yours", "This code was not issued to verify this account.");
        }
        return database.inTransaction(tx -> users.lock(tx, userId).flatMap(user -> {
            requireExists(user);
            if (!channel.sameDestination(verified.destination(), channel.destinationOf(user))) {
                throw destinationChanged(channel);
            }
            channel.markVerified(user);
            return users.save(tx, user)
                    // Null when the account was deleted since it was read.
                    .invoke(VerificationService::requireExists)
                    .call(() -> audit.record(tx, channel.label() + ".verified", userId, client, Map.of("via", via)));
        }));
    }

    private static void requireExists(User user) {
        if (user == null) {
            throw AccountProblems.gone();
        }
    }

    private static ApiException destinationChanged(VerificationChannel channel) {
        return ApiException.conflict("destination_changed", "The code was sent to a " + noun(channel)
                + " this account no longer has; ask for a new code.");
    }

    private static String noun(VerificationChannel channel) {
        return channel == VerificationChannel.PHONE ? "phone number" : "email address";
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
