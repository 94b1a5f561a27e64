package dev.gatehouse.approval;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** Plain JDBC on the service's own database, for moving time (deadlines) and reading what the API hides. */
@ApplicationScoped
public class Database {

    private final DataSource dataSource;

    public Database(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Moves the request's deadline into the past, as if it had been waiting longer than the TTL. */
    public void overdue(String requestId) {
        update("UPDATE staff_approval_requests SET expires_at = now() - interval '1 minute' WHERE id = ?",
                UUID.fromString(requestId));
    }

    /** The status as stored, which may lag behind the one reads report until the expiry job runs. */
    public String storedStatus(String requestId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection
                        .prepareStatement("SELECT status FROM staff_approval_requests WHERE id = ?")) {
            statement.setObject(1, UUID.fromString(requestId));
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** How many requests this person has, in any status: proves that a refused request left no row behind. */
    public long requestsOf(UUID userId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection
                        .prepareStatement("SELECT count(*) FROM staff_approval_requests WHERE user_id = ?")) {
            statement.setObject(1, userId);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
