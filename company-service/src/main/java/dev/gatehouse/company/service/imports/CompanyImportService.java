package dev.gatehouse.company.service.imports;

import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.common.db.UniqueViolation;
import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.sql.Database;
import dev.gatehouse.common.sql.ImportSourceIds;
import dev.gatehouse.common.sql.Transaction;
import dev.gatehouse.company.Company;
import dev.gatehouse.company.CompanyMember;
import dev.gatehouse.company.CompanyRole;
import dev.gatehouse.company.repository.CompanyRepository;
import dev.gatehouse.company.repository.MemberRepository;
import dev.gatehouse.company.service.CompanyIdGenerator;
import io.smallrye.mutiny.Uni;

/**
 * Brings companies and memberships over from another system, one source row at a time.
 * <p>
 * Idempotent by the source row ({@code import_source_ids}). Conflict rule: a public company id already taken is
 * refused ({@code company_id_taken}), a person already member of the company is refused ({@code already_member});
 * nothing existing is changed. Two concurrent imports of one row: a unique index lets one through, and the other
 * finds the mapping and answers what the first made.
 */
@ApplicationScoped
public class CompanyImportService {

    private static final int ID_ATTEMPTS = 5;

    private final Database database;
    private final CompanyRepository companies;
    private final MemberRepository members;
    private final CompanyIdGenerator ids;

    public CompanyImportService(Database database, CompanyRepository companies, MemberRepository members,
            CompanyIdGenerator ids) {
        this.database = database;
        this.companies = companies;
        this.members = members;
        this.ids = ids;
    }

    public Uni<ImportOutcome> importCompany(CompanyImport row) {
        return idempotent(row.sourceSystem(), row.sourceTable(), row.sourceId(),
                () -> Uni.createFrom().deferred(() -> database.inTransaction(tx -> insertCompany(tx, row)))
                        // a made-up public id that collides is made up again; a given one is refused
                        .onFailure(failure -> row.companyId() == null && isCompanyIdCollision(failure)).retry()
                        .atMost(ID_ATTEMPTS - 1),
                failure -> isCompanyIdCollision(failure) ? ApiException.conflict("company_id_taken",
                        "A company with this public id exists; it is left as it is.") : null);
    }

    public Uni<ImportOutcome> importMember(MemberImport row) {
        return idempotent(row.sourceSystem(), row.sourceTable(), row.sourceId(),
                () -> database.inTransaction(tx -> insertMember(tx, row)),
                failure -> UniqueViolation.constraintOf(failure).orElse("").equals("company_members_pkey")
                        ? alreadyMember()
                        : null);
    }

    /**
     * Runs {@code work}; on a unique violation, a source row that is in the mapping by now (the same row imported at
     * the same moment) is answered as imported before, and any other is {@code conflict}'s answer.
     */
    private Uni<ImportOutcome> idempotent(String system, String table, String id, Supplier<Uni<ImportOutcome>> work,
            Function<Throwable, ApiException> conflict) {
        return work.get().onFailure(UniqueViolation::is).recoverWithUni(failure -> ImportSourceIds
                .find(database, system, table, id).map(existing -> {
                    if (existing != null) {
                        return new ImportOutcome(existing, false);
                    }
                    ApiException refusal = conflict.apply(failure);
                    if (refusal != null) {
                        throw refusal;
                    }
                    throw new IllegalStateException(failure);
                }));
    }

    private Uni<ImportOutcome> insertCompany(Transaction tx, CompanyImport row) {
        return ImportSourceIds.find(tx, row.sourceSystem(), row.sourceTable(), row.sourceId()).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(new ImportOutcome(existing, false));
            }
            OffsetDateTime now = OffsetDateTime.now();
            Company company = new Company();
            company.id = UUID.randomUUID();
            company.companyId = row.companyId() != null ? row.companyId() : ids.next(row.countryCode());
            company.name = row.name().trim();
            company.countryCode = row.countryCode();
            company.phoneNumber = row.phoneNumber();
            company.status = row.status();
            company.statusChangedAt = now;
            company.createdBy = row.owner();
            company.createdAt = row.createdAt() != null ? row.createdAt() : now;
            company.updatedAt = now;
            return companies.insert(tx, company)
                    .call(() -> members.insert(tx, CompanyMember.of(company.id, row.owner(), CompanyRole.OWNER,
                            company.createdAt)))
                    .call(() -> ImportSourceIds.record(tx, row.sourceSystem(), row.sourceTable(), row.sourceId(),
                            company.id))
                    .map(ignored -> new ImportOutcome(company.id, true));
        });
    }

    private Uni<ImportOutcome> insertMember(Transaction tx, MemberImport row) {
        return ImportSourceIds.find(tx, row.sourceSystem(), row.sourceTable(), row.sourceId()).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(new ImportOutcome(existing, false));
            }
            return companies.findById(tx, row.companyId()).flatMap(company -> {
                if (company == null) {
                    throw ApiException.notFound("company_not_found", "No company with this id; import it first.");
                }
                return members.find(tx, row.companyId(), row.userId());
            }).flatMap(member -> {
                if (member != null) {
                    // a concurrent import of this same row may have made the membership since the first look
                    return ImportSourceIds.find(tx, row.sourceSystem(), row.sourceTable(), row.sourceId())
                            .map(earlier -> {
                                if (earlier == null) {
                                    throw alreadyMember();
                                }
                                return new ImportOutcome(earlier, false);
                            });
                }
                CompanyMember created = CompanyMember.of(row.companyId(), row.userId(), row.role(),
                        OffsetDateTime.now());
                return members.insert(tx, created)
                        .call(() -> ImportSourceIds.record(tx, row.sourceSystem(), row.sourceTable(), row.sourceId(),
                                row.userId()))
                        .map(ignored -> new ImportOutcome(row.userId(), true));
            });
        });
    }

    private static ApiException alreadyMember() {
        return ApiException.conflict("already_member", "This person is already a member of the company; left as is.");
    }

    private static boolean isCompanyIdCollision(Throwable failure) {
        return UniqueViolation.constraintOf(failure).orElse("").equals("companies_company_id_key");
    }
}
