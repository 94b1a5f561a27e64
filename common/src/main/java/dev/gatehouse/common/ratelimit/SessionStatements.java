package dev.gatehouse.common.ratelimit;

import java.util.List;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * {@link FixedWindowLimiter}'s statements in a Hibernate Reactive session, for a service that keeps its transactions
 * there. A class of its own, so a service without Hibernate never loads it.
 */
public record SessionStatements(Mutiny.Session session) implements FixedWindowLimiter.Statements {

    @Override
    public String parameter(int position) {
        return "?" + position;
    }

    @Override
    public Uni<List<Object[]>> rows(String sql, List<Object> parameters) {
        Mutiny.SelectionQuery<Object[]> query = session.createNativeQuery(sql, Object[].class);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query.getResultList();
    }

    @Override
    public Uni<Integer> update(String sql, List<Object> parameters) {
        Mutiny.MutationQuery query = session.createNativeQuery(sql);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query.executeUpdate();
    }
}
