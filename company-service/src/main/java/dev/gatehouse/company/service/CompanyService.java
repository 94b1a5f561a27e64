package dev.gatehouse.company.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;

import dev.gatehouse.common.db.DeletedUsers;
import dev.gatehouse.common.db.UniqueViolation;
import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.company.Company;
import dev.gatehouse.company.CompanyMember;
import dev.gatehouse.company.CompanyRole;
import dev.gatehouse.company.CompanyStatus;
import dev.gatehouse.company.repository.CompanyRepository;
import dev.gatehouse.company.repository.MemberRepository;
import dev.gatehouse.company.rest.dto.CompanyResponse;
import dev.gatehouse.company.rest.dto.CreateCompanyRequest;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Companies: creation with a public id, reading, and the operator's status changes. */
@ApplicationScoped
public class CompanyService {

    private static final Logger LOG = Logger.getLogger(CompanyService.class);
    private static final int ID_ATTEMPTS = 5;
    private static final String MINE = "select c, m.role from CompanyMember m join Company c on c.id = m.companyId"
            + " where m.userId = ?1 order by m.joinedAt, c.id";

    private final CompanyRepository companies;
    private final MemberRepository members;
    private final CompanyIdGenerator ids;
    private final DeletedUsers deletedUsers;
    private final CompanyLimits limits;

    public CompanyService(CompanyRepository companies, MemberRepository members, CompanyIdGenerator ids,
            DeletedUsers deletedUsers, CompanyLimits limits) {
        this.limits = limits;
        this.companies = companies;
        this.members = members;
        this.ids = ids;
        this.deletedUsers = deletedUsers;
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
        return Panache.withTransaction(() -> limits.consume(CompanyLimits.Action.CREATE, creator, clientIp))
                .chain(() -> Uni.createFrom().deferred(() -> Panache.withTransaction(() -> insert(request, creator)))
                        .onFailure(CompanyService::isCompanyIdCollision).retry().atMost(ID_ATTEMPTS - 1));
    }

    private Uni<Company> insert(CreateCompanyRequest request, UUID creator) {
        return deletedUsers.lockShared(creator).chain(() -> deletedUsers.isDeleted(creator)).chain(deleted -> {
            if (deleted) {
                return Uni.createFrom().failure(
                        ApiException.unauthorized("account_deleted", "This account has been deleted."));
            }
            return insertFor(request, creator);
        });
    }

    private Uni<Company> insertFor(CreateCompanyRequest request, UUID creator) {
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
        return companies.persistAndFlush(company)
                .call(() -> members.persistAndFlush(CompanyMember.of(company.id, creator, CompanyRole.OWNER, now)))
                .invoke(() -> LOG.infof("Company %s registered by %s", company.companyId, creator))
                .replaceWith(company);
    }

    @WithSession
    public Uni<Company> get(String companyId) {
        return companies.findByCompanyId(companyId).map(CompanyService::orNotFound);
    }

    /** The caller's companies, each with the caller's role, oldest membership first: one query. */
    @WithSession
    public Uni<List<CompanyResponse>> mine(UUID userId) {
        return Panache.getSession()
                .chain(session -> session.createSelectionQuery(MINE, Object[].class).setParameter(1, userId)
                        .getResultList())
                .map(rows -> rows.stream().map(row -> CompanyResponse.of((Company) row[0], (CompanyRole) row[1]))
                        .toList());
    }

    /** An operator's decision; the row is locked so two operators cannot interleave transitions. */
    @WithTransaction
    public Uni<Company> changeStatus(String companyId, CompanyStatus next, String reason, Caller caller) {
        if (!caller.platformAdmin()) {
            throw ApiException.forbidden("platform_admin_required", "Only a platform administrator may do this.");
        }
        return lockByCompanyId(companyId).map(company -> {
            if (company.status == next || !company.status.canMoveTo(next)) {
                throw ApiException.conflict("illegal_transition",
                        "A company cannot move from " + company.status + " to " + next + ".");
            }
            company.moveTo(next, reason.trim(), OffsetDateTime.now());
            LOG.infof("Company %s moved to %s by %s", companyId, next, caller.userId());
            return company;
        });
    }

    /** Reads a company for update; the lock serialises membership and status changes of one company. */
    Uni<Company> lockByCompanyId(String companyId) {
        return companies.find("companyId", companyId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .map(CompanyService::orNotFound);
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
