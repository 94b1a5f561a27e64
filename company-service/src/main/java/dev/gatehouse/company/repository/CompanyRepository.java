package dev.gatehouse.company.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.gatehouse.company.Company;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class CompanyRepository implements PanacheRepositoryBase<Company, UUID> {

    public Uni<Company> findByCompanyId(String companyId) {
        return find("companyId", companyId).firstResult();
    }

    /**
     * Locks several companies for update in one statement, in id order, so two transactions locking overlapping sets
     * wait for each other instead of deadlocking.
     */
    public Uni<List<Company>> lockAll(Collection<UUID> ids) {
        return find("id in ?1", Sort.ascending("id"), ids).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
