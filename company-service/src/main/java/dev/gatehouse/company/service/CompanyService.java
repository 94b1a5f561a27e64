package dev.gatehouse.company.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.gatehouse.common.db.UniqueViolation;
import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.sql.Database;
import dev.gatehouse.common.sql.DeletedUsers;
import dev.gatehouse.common.sql.Transaction;
import dev.gatehouse.company.Company;
import dev.gatehouse.company.CompanyMember;
import dev.gatehouse.company.CompanyRole;
import dev.gatehouse.company.CompanyStatus;
import dev.gatehouse.company.repository.CompanyRepository;
import dev.gatehouse.company.repository.MemberRepository;
import dev.gatehouse.company.rest.dto.CompanyResponse;
import dev.gatehouse.company.rest.dto.CreateCompanyRequest;
import io.smallrye.mutiny.Uni;

/**
 * Companies: creation with a public id, reading, and the operator's status changes. Each write is one transaction of
 * the database, which commits or rolls back and returns its connection even when the caller stops waiting.
 */
@ApplicationScoped
public class CompanyService {

    private static final Logger LOG = Logger.getLogger(CompanyService.class);
    private static final int ID_ATTEMPTS = 5;

    private final Database database;
    private final CompanyRepository companies;
    private final MemberRepository members;
    private final CompanyIdGenerator ids;
    private final CompanyLimits limits;

    public CompanyService(Database database, CompanyRepository companies, MemberRepository members, CompanyIdGenerator ids,
            CompanyLimits limits) {
        this.database = database;
        this.limits = limits;
        this.companies = companies;
        this.members = members;
        this.ids = ids;
    }

    /**
     * Registers a company with its creator as OWNER, in one transaction. A public-id collision rolls the attempt
     * back and tries again with a fresh id. A deleted account (its token may still be valid for a few minutes) is
     * refused under the person's lock, so a company cannot be created behind the deletion's back.
     * <p>
     * The creator's and the address's limits are counted first, in a short transaction of their own: a refusal writes
     * nothing, and an attempt that fails later still counts, as the limit bounds attempts. Counting inside the
     * creation's transaction would hold the counter rows locked for all of it, and every creation from one address
     * would wait for the one before.
     */
    public Uni<Company> create(CreateCompanyRequest request, UUID creator, String clientIp) {
        return database.inTransaction(tx -> limits.consume(tx, CompanyLimits.Action.CREATE, creator, clientIp))
                .chain(() -> Uni.createFrom().deferred(() -> database.inTransaction(tx -> insert(tx, request, creator)))
                        .onFailure(CompanyService::isCompanyIdCollision).retry().atMost(ID_ATTEMPTS - 1));
    }

    private Uni<Company> insert(Transaction tx, CreateCompanyRequest request, UUID creator) {
        return DeletedUsers.lockShared(tx, creator).chain(() -> DeletedUsers.isDeleted(tx, creator))
                .chain(deleted -> {
                    if (deleted) {
                        return Uni.createFrom().failure(
                                ApiException.unauthorized("account_deleted", "This account has been deleted."));
                    }
                    return insertFor(tx, request, creator);
                });
    }

    private Uni<Company> insertFor(Transaction tx, CreateCompanyRequest request, UUID creator) {
        OffsetDateTime now = OffsetDateTime.now();
        Company company = new Company();
        company.id = UUID.randomUUID();
        company.companyId = ids.next(request.countryCode());
        company.name = request.name().trim();
        company.countryCode = request.countryCode();
        company.phoneNumber = request.phoneNumber();
        company.status = CompanyStatus.PENDING_VERIFICATION;
        company.createdBy = creator;
        company.createdAt = now;
        company.updatedAt = now;
        return companies.insert(tx, company)
                .call(() -> members.insert(tx, CompanyMember.of(company.id, creator, CompanyRole.OWNER, now)))
                .invoke(created -> LOG.infof("Company %s registered by %s", created.companyId, creator));
    }

    public Uni<Company> get(String companyId) {
        return companies.findByCompanyId(database, companyId).map(CompanyService::orNotFound);
    }

    /** The caller's companies, each with the caller's role, oldest membership first: one query. */
    public Uni<List<CompanyResponse>> mine(UUID userId) {
        return companies.ofMember(database, userId).map(memberships -> memberships.stream()
                .map(membership -> CompanyResponse.of(membership.company(), membership.role())).toList());
    }

    /** An operator's decision; the row is locked so two operators cannot interleave transitions. */
    public Uni<Company> changeStatus(String companyId, CompanyStatus next, String reason, Caller caller) {
        if (!caller.platformAdmin()) {
            throw ApiException.forbidden("platform_admin_required", "Only a platform administrator may do this.");
        }
        return database.inTransaction(tx -> lockByCompanyId(tx, companyId).chain(company -> {
            if (company.status == next || !company.status.canMoveTo(next)) {
                throw ApiException.conflict("illegal_transition",
                        "A company cannot move from " + company.status + " to " + next + ".");
            }
            company.moveTo(next, reason.trim(), OffsetDateTime.now());
            return companies.saveState(tx, company);
        })).invoke(() -> LOG.infof("Company %s moved to %s by %s", companyId, next, caller.userId()));
    }

    /** Reads a company for update; the lock serialises membership and status changes of one company. */
    Uni<Company> lockByCompanyId(Transaction tx, String companyId) {
        return companies.lockByCompanyId(tx, companyId).map(CompanyService::orNotFound);
    }

    static Company orNotFound(Company company) {
        if (company == null) {
            throw ApiException.notFound("company_not_found", "No company has this id.");
        }
        return company;
    }

    private static boolean isCompanyIdCollision(Throwable failure) {
        return UniqueViolation.constraintOf(failure).map(name -> name.contains("company_id")).orElse(false);
    }
}
