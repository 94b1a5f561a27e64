package dev.gatehouse.company.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.company.Company;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class CompanyRepository implements PanacheRepositoryBase<Company, UUID> {

    public Uni<Company> findByCompanyId(String companyId) {
        return find("companyId", companyId).firstResult();
    }
}
