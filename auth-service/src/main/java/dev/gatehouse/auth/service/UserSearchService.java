package dev.gatehouse.auth.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.User;
import dev.gatehouse.auth.repository.UserFilter;
import dev.gatehouse.auth.repository.UserSearchRepository;
import dev.gatehouse.common.sql.Database;
import io.smallrye.mutiny.Uni;

/** Finds people by their backgrounds, for platform administrators (flow 6). */
@ApplicationScoped
public class UserSearchService {

    private final Database database;
    private final UserSearchRepository search;

    public UserSearchService(Database database, UserSearchRepository search) {
        this.database = database;
        this.search = search;
    }

    /** One page of matching accounts and how many match in all. */
    public record Found(List<User> items, long totalItems) {
    }

    public Uni<Found> find(UserFilter filter, int page, int size) {
        return search.page(database, filter, page, size)
                .chain(items -> search.count(database, filter).map(total -> new Found(items, total)));
    }
}
