package dev.gatehouse.auth.repository;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import dev.gatehouse.auth.User;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Finds accounts by their backgrounds, in native SQL so the array containment reaches the GIN indexes as written. */
@ApplicationScoped
@WithSession
public class UserSearchRepository {

    public Uni<List<User>> page(UserFilter filter, int page, int size) {
        UserSearchSql sql = UserSearchSql.of(filter);
        return Panache.getSession().chain(session -> {
            Mutiny.SelectionQuery<User> query = session.createNativeQuery(sql.select(), User.class);
            bind(query, sql.parameters());
            return query.setParameter("limit", size).setParameter("offset", page * size).getResultList();
        });
    }

    public Uni<Long> count(UserFilter filter) {
        UserSearchSql sql = UserSearchSql.of(filter);
        return Panache.getSession().chain(session -> {
            Mutiny.SelectionQuery<Long> query = session.createNativeQuery(sql.count(), Long.class);
            bind(query, sql.parameters());
            return query.getSingleResult();
        });
    }

    private static void bind(Mutiny.SelectionQuery<?> query, Map<String, Object> parameters) {
        parameters.forEach(query::setParameter);
    }
}
