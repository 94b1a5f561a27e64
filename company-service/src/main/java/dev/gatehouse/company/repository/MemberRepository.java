package dev.gatehouse.company.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.company.CompanyMember;
import dev.gatehouse.company.CompanyRole;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class MemberRepository implements PanacheRepositoryBase<CompanyMember, CompanyMember.Key> {

    public Uni<CompanyMember> find(UUID companyId, UUID userId) {
        return findById(new CompanyMember.Key(companyId, userId));
    }

    public Uni<List<CompanyMember>> listOf(UUID companyId) {
        return list("companyId", Sort.ascending("joinedAt", "userId"), companyId);
    }

    public Uni<List<CompanyMember>> listByUser(UUID userId) {
        return list("userId", Sort.ascending("joinedAt"), userId);
    }

    public Uni<Long> countWithRole(UUID companyId, CompanyRole role) {
        return count("companyId = ?1 and role = ?2", companyId, role);
    }

    /**
     * Deletes one membership with a statement of its own rather than by removing the loaded entity: Hibernate
     * Reactive's entity deletion can complete its flush on another event loop than the session's when many run at
     * once (HR000069, a 500), while a delete statement completes like any other query.
     */
    public Uni<Void> remove(CompanyMember member) {
        return delete("companyId = ?1 and userId = ?2", member.companyId, member.userId).replaceWithVoid();
    }

    public Uni<Long> removeUserEverywhere(UUID userId) {
        return delete("userId", userId);
    }
}
