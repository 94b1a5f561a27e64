package dev.gatehouse.auth.repository;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.User;
import dev.gatehouse.common.sql.Database;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The account as its owner reads it ({@code GET /users/me}): one statement, in no transaction. The user it
 * returns is a detached copy for reading, never to be changed and saved.
 */
@ApplicationScoped
public class UserProfileRepository {

    static final String FIND = """
            SELECT id, email, phone_number, email_verified, phone_verified, roles, locale, created_at
            FROM users WHERE id = $1
            """;

    static final String SET_LOCALE = "UPDATE users SET locale = $2 WHERE id = $1";

    private final Database statements;

    public UserProfileRepository(Database statements) {
        this.statements = statements;
    }

    public Uni<User> find(UUID userId) {
        return statements.execute(FIND, Tuple.of(userId)).map(rows -> {
            RowIterator<Row> iterator = rows.iterator();
            return iterator.hasNext() ? toUser(iterator.next()) : null;
        });
    }

    /** Stores the person's language (null: not chosen); false when no account has this id. */
    public Uni<Boolean> setLocale(UUID userId, String locale) {
        return statements.execute(SET_LOCALE, Tuple.of(userId, locale)).map(rows -> rows.rowCount() == 1);
    }

    private static User toUser(Row row) {
        User user = new User();
        user.id = row.getUUID("id");
        user.email = row.getString("email");
        user.phoneNumber = row.getString("phone_number");
        user.emailVerified = row.getBoolean("email_verified");
        user.phoneVerified = row.getBoolean("phone_verified");
        user.roles = new ArrayList<>(Arrays.asList(row.getArrayOfStrings("roles")));
        user.locale = row.getString("locale");
        user.createdAt = row.getOffsetDateTime("created_at");
        return user;
    }
}
