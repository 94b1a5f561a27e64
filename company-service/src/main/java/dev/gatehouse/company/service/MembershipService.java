package dev.gatehouse.company.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.sql.Database;
import dev.gatehouse.common.sql.DeletedUsers;
import dev.gatehouse.common.sql.Sql;
import dev.gatehouse.common.sql.Transaction;
import dev.gatehouse.company.Company;
import dev.gatehouse.company.CompanyMember;
import dev.gatehouse.company.CompanyRole;
import dev.gatehouse.company.CompanyStatus;
import dev.gatehouse.company.repository.CompanyRepository;
import dev.gatehouse.company.repository.MemberRepository;
import io.smallrye.mutiny.Uni;

/**
 * Who belongs to a company. Owners and admins manage members; only an owner touches an owner; a company always
 * keeps at least one owner. Every change locks the company row first, so two concurrent demotions cannot leave it
 * without one. Each change is one transaction of the database, which commits or rolls back and returns its connection
 * even when the caller stops waiting.
 */
@ApplicationScoped
public class MembershipService {

    private static final Logger LOG = Logger.getLogger(MembershipService.class);

    private final Database database;
    private final CompanyService companies;
    private final CompanyRepository companyRows;
    private final MemberRepository members;

    public MembershipService(Database database, CompanyService companies, CompanyRepository companyRows,
            MemberRepository members) {
        this.database = database;
        this.companies = companies;
        this.companyRows = companyRows;
        this.members = members;
    }

    public Uni<List<CompanyMember>> list(String companyId, Caller caller) {
        return companyRows.findByCompanyId(database, companyId).map(CompanyService::orNotFound)
                .flatMap(company -> caller.platformAdmin() || caller.isService()
                        ? Uni.createFrom().item(company)
                        : requireMember(database, company, caller.userId()).replaceWith(company))
                .flatMap(company -> members.listOf(database, company.id));
    }

    /** A user's role in the company; 404 when the user is not a member. */
    public Uni<CompanyRole> roleOf(String companyId, UUID userId) {
        return companyRows.findByCompanyId(database, companyId).map(CompanyService::orNotFound)
                .flatMap(company -> requireTarget(database, company, userId)).map(member -> member.role);
    }

    public Uni<CompanyMember> changeRole(String companyId, UUID targetUserId, CompanyRole newRole, Caller caller) {
        return database.inTransaction(tx -> companies.lockByCompanyId(tx, companyId)
                .flatMap(company -> requireManager(tx, company, caller.userId())
                        .flatMap(actor -> requireTarget(tx, company, targetUserId).flatMap(target -> {
                            if (target.role == newRole) {
                                return Uni.createFrom().item(target);
                            }
                            if ((target.role == CompanyRole.OWNER || newRole == CompanyRole.OWNER)
                                    && actor.role != CompanyRole.OWNER) {
                                throw ownerRequired();
                            }
                            return keepAnOwner(tx, company, target).chain(() -> {
                                target.role = newRole;
                                return members.saveRole(tx, target);
                            }).invoke(() -> LOG.infof("%s is now %s of %s", targetUserId, newRole, companyId));
                        }))));
    }

    /** An owner or admin removes a member, or a member leaves. */
    public Uni<Void> remove(String companyId, UUID targetUserId, Caller caller) {
        return database.inTransaction(tx -> companies.lockByCompanyId(tx, companyId).flatMap(company -> {
            Uni<CompanyMember> allowed = targetUserId.equals(caller.userId())
                    ? requireTarget(tx, company, targetUserId)
                    : requireManager(tx, company, caller.userId())
                            .flatMap(actor -> requireTarget(tx, company, targetUserId).invoke(target -> {
                                if (target.role == CompanyRole.OWNER && actor.role != CompanyRole.OWNER) {
                                    throw ownerRequired();
                                }
                            }));
            return allowed.flatMap(target -> keepAnOwner(tx, company, target).chain(() -> members.remove(tx, target)))
                    .invoke(() -> LOG.infof("%s left %s", targetUserId, companyId));
        }));
    }

    /**
     * Adds a member on another service's word (approval-service approving a join request). Idempotent: approving
     * twice, or a retried call, leaves one membership and never downgrades an existing one. A deleted account is
     * refused with 409 {@code user_deleted}, under the person's lock, so a membership can never outlive the deletion.
     */
    public Uni<CompanyMember> addByService(String companyId, UUID userId, CompanyRole role) {
        if (role == CompanyRole.OWNER) {
            throw ApiException.invalidField("role", "a join request cannot make an owner");
        }
        return database.inTransaction(tx -> DeletedUsers.lockShared(tx, userId)
                .chain(() -> DeletedUsers.isDeleted(tx, userId)).invoke(deleted -> {
                    if (deleted) {
                        throw ApiException.conflict("user_deleted", "This account has been deleted.");
                    }
                }).chain(() -> companies.lockByCompanyId(tx, companyId))
                .flatMap(company -> members.find(tx, company.id, userId).flatMap(existing -> {
                    // An existing membership answers first: a retry of an add that did commit gets the same answer
                    // even if the company has changed status since.
                    if (existing != null) {
                        return Uni.createFrom().item(existing);
                    }
                    if (company.status != CompanyStatus.ACTIVE) {
                        throw ApiException.conflict("company_not_active", "Only an active company takes new members.");
                    }
                    return members.insert(tx, CompanyMember.of(company.id, userId, role, OffsetDateTime.now()));
                })));
    }

    /**
     * Forgets a deleted account (auth-service's {@code user-deleted} event): records it as deleted, so its
     * still-valid tokens can neither create a company nor be added to one, and removes it from every company. A
     * company it solely owned would be left ownerless, so such a company is deactivated with it. Idempotent: a
     * repeated event finds nothing left to remove.
     * <p>
     * The person's lock (exclusive) keeps new companies and memberships of the person out while this runs. Every
     * company the person belongs to is then locked, in id order, the same lock that {@code changeRole} and
     * {@code remove} take, and the owners are counted only under it: two owners deleting their accounts at once run
     * one after the other, and the second finds itself the last owner.
     *
     * @return how many memberships were removed
     */
    public Uni<Long> forgetDeletedUser(UUID userId) {
        return database.inTransaction(tx -> DeletedUsers.lockExclusive(tx, userId)
                .chain(() -> DeletedUsers.record(tx, userId, OffsetDateTime.now()))
                .chain(() -> members.listByUser(tx, userId))
                .chain(memberships -> memberships.isEmpty()
                        ? Uni.createFrom().item(0L)
                        : companyRows.lockAll(tx, memberships.stream().map(m -> m.companyId).toList())
                                // Read again under the locks: a role may have changed since the first read.
                                .chain(() -> members.listByUser(tx, userId))
                                .chain(locked -> leaveAll(tx, locked))
                                .chain(() -> members.removeUserEverywhere(tx, userId))))
                .invoke(removed -> LOG.infof("Deleted account %s left %d companies", userId, removed));
    }

    private Uni<Void> leaveAll(Transaction tx, List<CompanyMember> memberships) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (CompanyMember membership : memberships) {
            if (membership.role == CompanyRole.OWNER) {
                chain = chain.call(() -> deactivateIfLastOwner(tx, membership));
            }
        }
        return chain;
    }

    private Uni<Void> deactivateIfLastOwner(Transaction tx, CompanyMember membership) {
        return members.countWithRole(tx, membership.companyId, CompanyRole.OWNER).flatMap(owners -> owners > 1
                ? Uni.createFrom().voidItem()
                // locked already, with every company of the person
                : companyRows.findById(tx, membership.companyId).chain(company -> {
                    if (company == null || company.status == CompanyStatus.DEACTIVATED) {
                        return Uni.createFrom().voidItem();
                    }
                    company.moveTo(CompanyStatus.DEACTIVATED, "The only owner deleted their account.",
                            OffsetDateTime.now());
                    return companyRows.saveState(tx, company).replaceWithVoid();
                }));
    }

    private Uni<CompanyMember> requireMember(Sql sql, Company company, UUID userId) {
        return members.find(sql, company.id, userId).map(member -> {
            if (member == null) {
                throw ApiException.forbidden("not_a_member", "You are not a member of this company.");
            }
            return member;
        });
    }

    private Uni<CompanyMember> requireManager(Sql sql, Company company, UUID userId) {
        return requireMember(sql, company, userId).map(member -> {
            if (!member.role.canManageMembers()) {
                throw ApiException.forbidden("admin_required", "Only an owner or admin of this company may do this.");
            }
            return member;
        });
    }

    private Uni<CompanyMember> requireTarget(Sql sql, Company company, UUID userId) {
        return members.find(sql, company.id, userId).map(member -> {
            if (member == null) {
                throw ApiException.notFound("member_not_found", "This user is not a member of this company.");
            }
            return member;
        });
    }

    /** Refuses to take the owner role from the company's last owner. */
    private Uni<Void> keepAnOwner(Transaction tx, Company company, CompanyMember target) {
        if (target.role != CompanyRole.OWNER) {
            return Uni.createFrom().voidItem();
        }
        return members.countWithRole(tx, company.id, CompanyRole.OWNER).map(owners -> {
            if (owners <= 1) {
                throw ApiException.conflict("last_owner", "A company must keep at least one owner.");
            }
            return null;
        });
    }

    private static ApiException ownerRequired() {
        return ApiException.forbidden("owner_required", "Only an owner may give or take the owner role.");
    }
}
