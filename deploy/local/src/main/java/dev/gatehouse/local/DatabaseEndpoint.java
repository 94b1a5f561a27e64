package dev.gatehouse.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * Where the services' PostgreSQL databases live: the embedded server or the one named by PGHOST.
 *
 * @param host the server's host
 * @param port the server's port
 * @param user a role allowed to create databases
 * @param password that role's password, empty for trust authentication
 */
public record DatabaseEndpoint(String host, int port, String user, String password) {

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Each service owns one database; creating them here keeps Flyway's job to the schema alone. */
    public void createMissingDatabases(List<String> names) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), credentials)) {
            for (String name : names) {
                if (!exists(connection, name)) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("CREATE DATABASE \"" + name + "\"");
                    }
                }
            }
        }
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Override
    public String toString() {
        return "postgresql://" + user + "@" + host + ":" + port;
    }
}
