package dev.gatehouse.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import javax.sql.DataSource;

/** Test helper: password_resets (and audit) rows read and changed over JDBC, behind the service's back. */
final class ResetRows {

    private final DataSource db;

    ResetRows(DataSource db) {
        this.db = db;
    }

    /** Every reset of an address, oldest first, with the inet column read back by PostgreSQL itself. */
    List<Map<String, Object>> of(String email) {
        return query("select id, reset_type, status, token_hash, attempt_count, max_attempts, used_at, user_agent,"
                + " host(ip_address) as ip, family(ip_address) as ip_family, pg_typeof(ip_address)::text as ip_type,"
                + " extract(epoch from expires_at - created_at)::int as ttl_seconds"
                + " from password_resets where email = ? order by created_at", email);
    }

    Map<String, Object> latest(String email) {
        List<Map<String, Object>> rows = of(email);
        if (rows.isEmpty()) {
            throw new AssertionError("no password reset for " + email);
        }
        return rows.get(rows.size() - 1);
    }

    /** Polls until the latest reset of the address matches, for work done after the answer (the email). */
    Map<String, Object> awaitLatest(String email, Predicate<Map<String, Object>> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Map<String, Object> row = null;
        while (System.nanoTime() < deadline) {
            List<Map<String, Object>> rows = of(email);
            row = rows.isEmpty() ? null : rows.get(rows.size() - 1);
            if (row != null && condition.test(row)) {
                return row;
            }
            MessagesStub.pause(50);
        }
        throw new AssertionError("latest reset of " + email + " never matched; last seen " + row);
    }

    void expirePending(String email) {
        update("update password_resets set expires_at = created_at - interval '1 minute'"
                + " where email = ? and status = 'pending'", email);
    }

    List<String> auditEvents(String email) {
        return query("select a.event_type from audit_events a join users u on u.id = a.user_id"
                + " where u.email = ? order by a.id", email).stream().map(row -> (String) row.get("event_type"))
                .toList();
    }

    private List<Map<String, Object>> query(String sql, String parameter) {
        try (Connection connection = db.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet result = statement.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        row.put(result.getMetaData().getColumnLabel(i), result.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void update(String sql, String parameter) {
        try (Connection connection = db.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
