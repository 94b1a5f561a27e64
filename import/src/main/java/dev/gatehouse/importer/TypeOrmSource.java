package dev.gatehouse.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The TypeORM schema: {@code customers} (bcrypt passwords) and their {@code password_resets}. */
public final class TypeOrmSource implements Source {

    public static final String SYSTEM = "typeorm";

    private final String callingCode;

    public TypeOrmSource(String callingCode) {
        this.callingCode = callingCode;
    }

    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public List<Step> steps() {
        return List.of(Step.imports("customers", this::customers), Step.leavesOut("password_resets",
                "reset links and codes are short-lived secrets: a person asks Gatehouse for a new one"));
    }

    private List<Row> customers(Connection source, IdBook ids) throws SQLException {
        Users users = new Users(SYSTEM, "customers", callingCode);
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement statement = source.prepareStatement("select id::text as id, email, password, phone, "
                + "is_email_verified, created_at from customers order by created_at, id");
                ResultSet r = statement.executeQuery()) {
            while (r.next()) {
                rows.add(users.row(r.getString("id"), r.getString("email"), r.getString("phone"),
                        r.getString("password"), r.getBoolean("is_email_verified"), false,
                        Clean.timestamp(r.getTimestamp("created_at"))));
            }
        }
        return rows;
    }
}
