package dev.gatehouse.auth.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.VerificationChallenge;
import dev.gatehouse.auth.VerificationChannel;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class VerificationChallengeRepository
        implements PanacheRepositoryBase<VerificationChallenge, VerificationChallenge.Key> {

    public Uni<VerificationChallenge> find(UUID userId, VerificationChannel channel) {
        return findById(new VerificationChallenge.Key(userId, channel));
    }

    public Uni<VerificationChallenge> findByOtpId(UUID otpId) {
        return find("otpId", otpId).firstResult();
    }

    /**
     * Makes this code the account's challenge for the channel, in one statement: two requests racing each other
     * both succeed, and the later one (whose code otp-service kept, having revoked the earlier) wins.
     */
    public Uni<Integer> replace(UUID userId, VerificationChannel channel, UUID otpId, String destination,
            OffsetDateTime now) {
        return getSession().chain(session -> session.createNativeQuery(
                "insert into verification_challenges (user_id, channel, otp_id, destination, created_at) "
                        + "values (:userId, :channel, :otpId, :destination, :now) "
                        + "on conflict (user_id, channel) do update set otp_id = excluded.otp_id, "
                        + "destination = excluded.destination, created_at = excluded.created_at")
                .setParameter("userId", userId).setParameter("channel", channel.name())
                .setParameter("otpId", otpId).setParameter("destination", destination).setParameter("now", now)
                .executeUpdate());
    }
}
