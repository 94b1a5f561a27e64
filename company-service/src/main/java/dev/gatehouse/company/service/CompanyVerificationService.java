package dev.gatehouse.company.service;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.sql.Database;
import dev.gatehouse.company.Company;
import dev.gatehouse.company.CompanyRole;
import dev.gatehouse.company.CompanyStatus;
import dev.gatehouse.company.client.OtpGateway;
import dev.gatehouse.company.repository.CompanyRepository;
import dev.gatehouse.company.repository.MemberRepository;
import io.smallrye.mutiny.Uni;

/**
 * Proves a company owns its phone number: an SMS code from otp-service, confirmed by an owner or admin, moves the
 * company from PENDING_VERIFICATION to ACTIVE. No transaction is held open while otp-service is called.
 */
@ApplicationScoped
public class CompanyVerificationService {

    private static final Logger LOG = Logger.getLogger(CompanyVerificationService.class);

    private final Database database;
    private final CompanyRepository companies;
    private final MemberRepository members;
    private final OtpGateway otp;
    private final CompanyLimits limits;

    public CompanyVerificationService(Database database, CompanyRepository companies, MemberRepository members,
            OtpGateway otp, CompanyLimits limits) {
        this.database = database;
        this.limits = limits;
        this.companies = companies;
        this.members = members;
        this.otp = otp;
    }

    /**
     * Sends a code to the company's phone. Only for an owner or admin who has verified their own email address and
     * phone number, within the per-account and per-IP limits; the count is committed before otp-service is called,
     * so no connection waits on it (a failed send still counts: the limit bounds attempts).
     */
    public Uni<Void> start(String companyId, Caller caller, String clientIp) {
        requireVerifiedContacts(caller);
        return pendingCompanyManagedBy(companyId, caller)
                .call(company -> database.inTransaction(
                        tx -> limits.consume(tx, CompanyLimits.Action.VERIFICATION_SEND, caller.userId(), clientIp)))
                .flatMap(company -> otp.sendCompanyCode(company.id, company.phoneNumber, clientIp)
                        .flatMap(otpId -> companies.startVerification(database, company.id, otpId)));
    }

    /** Checks the code typed in; the same conditions and limits (of their own) as {@link #start}. */
    public Uni<Company> confirm(String companyId, String code, Caller caller, String clientIp) {
        requireVerifiedContacts(caller);
        return pendingCompanyManagedBy(companyId, caller).flatMap(company -> {
            if (company.pendingVerificationId == null) {
                throw ApiException.conflict("verification_not_started",
                        "Ask for a code first: POST /companies/" + companyId + "/verification.");
            }
            return database.inTransaction(
                    tx -> limits.consume(tx, CompanyLimits.Action.VERIFICATION_CONFIRM, caller.userId(), clientIp))
                    .chain(() -> otp.verify(company.pendingVerificationId, code).flatMap(subject -> {
                        if (!subject.equals(company.id)) {
                            throw ApiException.badRequest("otp_invalid", "This code was not issued for this company.");
                        }
                        return database.inTransaction(tx -> companies.lock(tx, company.id)
                                .chain(fresh -> companies.saveState(tx, activate(fresh))));
                    }));
        });
    }

    /**
     * A company's phone is only verified by someone who has proved their own email address and phone number, as
     * auth-service states in the token: a fresh, anonymous account cannot make Gatehouse text arbitrary numbers.
     */
    private static void requireVerifiedContacts(Caller caller) {
        if (!caller.contactsVerified()) {
            throw ApiException.forbidden("verification_required",
                    "Verify your own email address and phone number before verifying a company.");
        }
    }

    private static Company activate(Company company) {
        OffsetDateTime now = OffsetDateTime.now();
        if (company.status == CompanyStatus.PENDING_VERIFICATION) {
            company.moveTo(CompanyStatus.ACTIVE, "Phone number verified.", now);
            LOG.infof("Company %s verified its phone and is active", company.companyId);
        }
        company.phoneVerifiedAt = now;
        company.pendingVerificationId = null;
        return company;
    }

    private Uni<Company> pendingCompanyManagedBy(String companyId, Caller caller) {
        return companies.findByCompanyId(database, companyId).map(CompanyService::orNotFound)
                .flatMap(company -> members.find(database, company.id, caller.userId()).map(member -> {
                    if (member == null) {
                        throw ApiException.forbidden("not_a_member", "You are not a member of this company.");
                    }
                    if (member.role != CompanyRole.OWNER && member.role != CompanyRole.ADMIN) {
                        throw ApiException.forbidden("admin_required",
                                "Only an owner or admin of this company may do this.");
                    }
                    if (company.status != CompanyStatus.PENDING_VERIFICATION) {
                        throw ApiException.conflict("already_verified", "This company is not waiting for verification.");
                    }
                    return company;
                }));
    }

}
