package dev.gatehouse.auth.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.VerificationChallenge;
import dev.gatehouse.auth.VerificationChannel;
import dev.gatehouse.common.sql.Sql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/** The statements on {@code verification_challenges}, each one round trip. */
@ApplicationScoped
public class VerificationChallengeRepository {

    private static final String COLUMNS = "user_id, channel, otp_id, destination, created_at";

    public Uni<VerificationChallenge> find(Sql sql, UUID userId, VerificationChannel channel) {
        return sql.first("SELECT " + COLUMNS + " FROM verification_challenges WHERE user_id = $1 AND channel = $2",
                Tuple.of(userId, channel.name()), VerificationChallenge::from);
    }

    /** The challenge of an emailed link, which names only the code's id ({@code otp_id} is unique). */
    public Uni<VerificationChallenge> findByOtpId(Sql sql, UUID otpId) {
        return sql.first("SELECT " + COLUMNS + " FROM verification_challenges WHERE otp_id = $1", Tuple.of(otpId),
                VerificationChallenge::from);
    }

    /**
     * Makes this code the account's challenge for the channel, in one statement: two requests racing each other
     * both succeed, and the later one (whose code otp-service kept, having revoked the earlier) wins.
     */
    public Uni<Integer> replace(Sql sql, UUID userId, VerificationChannel channel, UUID otpId, String destination,
            OffsetDateTime now) {
        return sql.execute("INSERT INTO verification_challenges (user_id, channel, otp_id, destination, created_at)"
                + " VALUES ($1, $2, $3, $4, $5)"
                + " ON CONFLICT (user_id, channel) DO UPDATE SET otp_id = excluded.otp_id,"
                + " destination = excluded.destination, created_at = excluded.created_at",
                Tuple.of(userId, channel.name(), otpId, destination, now))
                .map(RowSet::rowCount);
    }
}
