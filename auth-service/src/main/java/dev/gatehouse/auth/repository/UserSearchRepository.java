package dev.gatehouse.auth.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.User;
import dev.gatehouse.common.sql.Sql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/** Finds accounts by their backgrounds, in SQL written out so the array containment reaches the GIN indexes. */
@ApplicationScoped
public class UserSearchRepository {

    public Uni<List<User>> page(Sql sql, UserFilter filter, int page, int size) {
        UserSearchSql search = UserSearchSql.of(filter);
        return sql.all(search.select(), Tuple.from(search.pageParameters(size, (long) page * size)), User::from);
    }

    public Uni<Long> count(Sql sql, UserFilter filter) {
        UserSearchSql search = UserSearchSql.of(filter);
        return sql.first(search.count(), Tuple.from(search.parameters()), row -> row.getLong(0));
    }
}
