package dev.gatehouse.console.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.console.ConsoleSession;
import io.agroal.api.AgroalDataSource;

/**
 * The console's sessions in its own PostgreSQL database. Each method is one short statement in auto-commit: no
 * connection is held while a remote service is called.
 */
@ApplicationScoped
public class SessionRepository {

    private static final String COLUMNS = "id_hash, user_id, email, platform_admin, gatehouse_session_id, "
            + "access_token, access_expires_at, refresh_token, refresh_expires_at, csrf_token, flash_kind, flash_text";

    private final AgroalDataSource dataSource;

    public SessionRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void insert(ConsoleSession session) {
        String sql = "INSERT INTO console_sessions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)";
        update(sql, statement -> {
            statement.setBytes(1, session.idHash());
            statement.setObject(2, session.userId());
            statement.setString(3, session.email());
            statement.setBoolean(4, session.platformAdmin());
            statement.setObject(5, session.gatehouseSessionId());
            statement.setString(6, session.accessToken());
            statement.setObject(7, session.accessExpiresAt());
            statement.setString(8, session.refreshToken());
            statement.setObject(9, session.refreshExpiresAt());
            statement.setString(10, session.csrfToken());
        });
    }

    /** The live session with this id digest; marks it used. An expired session is not returned. */
    public Optional<ConsoleSession> findLive(byte[] idHash) {
        String sql = "UPDATE console_sessions SET last_used_at = now() WHERE id_hash = ? AND refresh_expires_at > now() "
                + "RETURNING " + COLUMNS;
        return query(sql, statement -> statement.setBytes(1, idHash));
    }

    /**
     * Takes the right to refresh this session's tokens until {@code until}, unless another request holds it. The
     * caller then refreshes without holding any lock (the claim is the intermediate state) and stores the result.
     */
    public boolean claimRefresh(byte[] idHash, String expectedRefreshToken, OffsetDateTime until) {
        String sql = "UPDATE console_sessions SET refreshing_until = ? WHERE id_hash = ? AND refresh_token = ? "
                + "AND (refreshing_until IS NULL OR refreshing_until < now())";
        return update(sql, statement -> {
            statement.setObject(1, until);
            statement.setBytes(2, idHash);
            statement.setString(3, expectedRefreshToken);
        }) == 1;
    }

    public void storeTokens(byte[] idHash, String accessToken, OffsetDateTime accessExpiresAt, String refreshToken,
            OffsetDateTime refreshExpiresAt) {
        String sql = "UPDATE console_sessions SET access_token = ?, access_expires_at = ?, refresh_token = ?, "
                + "refresh_expires_at = ?, refreshing_until = NULL WHERE id_hash = ?";
        update(sql, statement -> {
            statement.setString(1, accessToken);
            statement.setObject(2, accessExpiresAt);
            statement.setString(3, refreshToken);
            statement.setObject(4, refreshExpiresAt);
            statement.setBytes(5, idHash);
        });
    }

    public Optional<ConsoleSession> find(byte[] idHash) {
        return query("SELECT " + COLUMNS + " FROM console_sessions WHERE id_hash = ?",
                statement -> statement.setBytes(1, idHash));
    }

    public void setFlash(byte[] idHash, String kind, String text) {
        update("UPDATE console_sessions SET flash_kind = ?, flash_text = ? WHERE id_hash = ?", statement -> {
            statement.setString(1, kind);
            statement.setString(2, text.length() > 2000 ? text.substring(0, 2000) : text);
            statement.setBytes(3, idHash);
        });
    }

    /** Reads and clears the notice in one statement, so it is shown exactly once. */
    public Optional<ConsoleSession.Flash> takeFlash(byte[] idHash) {
        String sql = "UPDATE console_sessions s SET flash_kind = NULL, flash_text = NULL FROM "
                + "(SELECT id_hash, flash_kind, flash_text FROM console_sessions WHERE id_hash = ? FOR UPDATE) old "
                + "WHERE s.id_hash = old.id_hash AND old.flash_kind IS NOT NULL RETURNING old.flash_kind, old.flash_text";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setBytes(1, idHash);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(new ConsoleSession.Flash(rows.getString(1), rows.getString(2)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailable(e);
        }
    }

    public void delete(byte[] idHash) {
        update("DELETE FROM console_sessions WHERE id_hash = ?", statement -> statement.setBytes(1, idHash));
    }

    /** Removes sessions whose refresh token has expired; they can never be used again. */
    public int deleteExpired() {
        return update("DELETE FROM console_sessions WHERE refresh_expires_at <= now()", statement -> {
        });
    }

    private Optional<ConsoleSession> query(String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailable(e);
        }
    }

    private int update(String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseUnavailable(e);
        }
    }

    private static ConsoleSession read(ResultSet rows) throws SQLException {
        String flashKind = rows.getString("flash_kind");
        return new ConsoleSession(rows.getBytes("id_hash"), rows.getObject("user_id", UUID.class),
                rows.getString("email"), rows.getBoolean("platform_admin"),
                rows.getObject("gatehouse_session_id", UUID.class), rows.getString("access_token"),
                rows.getObject("access_expires_at", OffsetDateTime.class), rows.getString("refresh_token"),
                rows.getObject("refresh_expires_at", OffsetDateTime.class), rows.getString("csrf_token"),
                flashKind == null ? null : new ConsoleSession.Flash(flashKind, rows.getString("flash_text")));
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** The console's database did not answer; the page says so and the request can be retried. */
    public static final class DatabaseUnavailable extends RuntimeException {
        DatabaseUnavailable(SQLException cause) {
            super("The console's database is unavailable", cause);
        }
    }
}
