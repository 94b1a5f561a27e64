package dev.gatehouse.otp.repository;

import java.time.OffsetDateTime;
import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.common.sql.Sql;
import dev.gatehouse.otp.Message;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/** The statements on {@code messages}. */
@ApplicationScoped
public class MessageRepository {

    public Uni<Message> insert(Sql sql, Message message) {
        return sql.execute("INSERT INTO messages (id, channel, destination, subject, status, error, created_at)"
                + " VALUES ($1, $2, $3, $4, $5, $6, $7)",
                Tuple.from(Arrays.asList(message.id, message.channel.name(), message.destination,
                        message.subject, message.status.name(), message.error, message.createdAt)))
                .replaceWith(message);
    }

    /** Drops the records of messages older than the retention; they only serve support and audit. */
    public Uni<Integer> deleteBefore(Sql sql, OffsetDateTime cutoff) {
        return sql.execute("DELETE FROM messages WHERE created_at < $1", Tuple.of(cutoff))
                .map(RowSet::rowCount);
    }
}
