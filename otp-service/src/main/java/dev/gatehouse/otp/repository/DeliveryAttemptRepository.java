package dev.gatehouse.otp.repository;

import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.common.sql.Sql;
import dev.gatehouse.otp.DeliveryAttempt;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/** The statement on {@code otp_delivery_attempts}: they are only ever added. */
@ApplicationScoped
public class DeliveryAttemptRepository {

    public Uni<Void> insert(Sql sql, DeliveryAttempt attempt) {
        return sql.execute("INSERT INTO otp_delivery_attempts (id, otp_id, channel, provider,"
                + " provider_message_id, status, error_code, error, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                Tuple.from(Arrays.asList(attempt.id, attempt.otpId, attempt.channel.name(), attempt.provider,
                        attempt.providerMessageId, attempt.status.name(), attempt.errorCode, attempt.error,
                        attempt.createdAt)))
                .replaceWithVoid();
    }
}
