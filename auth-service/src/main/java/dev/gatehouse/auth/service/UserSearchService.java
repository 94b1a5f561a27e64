package dev.gatehouse.auth.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.User;
import dev.gatehouse.auth.repository.UserFilter;
import dev.gatehouse.auth.repository.UserSearchRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Finds people by their backgrounds, for platform administrators (flow 6). */
@ApplicationScoped
public class UserSearchService {

    private final UserSearchRepository search;

    public UserSearchService(UserSearchRepository search) {
        this.search = search;
    }

    /** One page of matching accounts and how many match in all. */
    public record Found(List<User> items, long totalItems) {
    }

    public Uni<Found> find(UserFilter filter, int page, int size) {
        return Panache.withSession(() -> search.page(filter, page, size)
                .chain(items -> search.count(filter).map(total -> new Found(items, total))));
    }
}
