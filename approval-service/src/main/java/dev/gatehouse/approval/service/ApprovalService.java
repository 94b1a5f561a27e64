package dev.gatehouse.approval.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.gatehouse.approval.Clocks;
import dev.gatehouse.approval.CompanyRole;
import dev.gatehouse.approval.StaffApprovalRequest;
import dev.gatehouse.approval.client.CompanyDirectory;
import dev.gatehouse.approval.client.RequesterContacts;
import dev.gatehouse.approval.config.ApprovalConfig;
import dev.gatehouse.approval.repository.ApprovalRequestRepository;
import dev.gatehouse.common.db.UniqueViolation;
import dev.gatehouse.common.problem.ApiException;
import io.smallrye.mutiny.Uni;

/** The requester's side of join requests: asking, reading, cancelling; and removing a deleted account's requests. */
@ApplicationScoped
public class ApprovalService {

    private static final Logger LOG = Logger.getLogger(ApprovalService.class);
    private static final String ONE_PENDING_INDEX = "staff_approval_requests_one_pending";

    private final CompanyDirectory companies;
    private final RequesterContacts contacts;
    private final ApprovalRequestRepository requests;
    private final RequestStore store;
    private final RequestAccess access;
    private final ApprovalConfig config;

    public ApprovalService(CompanyDirectory companies, RequesterContacts contacts,
            ApprovalRequestRepository requests, RequestStore store, RequestAccess access, ApprovalConfig config) {
        this.companies = companies;
        this.contacts = contacts;
        this.requests = requests;
        this.store = store;
        this.access = access;
        this.config = config;
    }

    /**
     * Asks to join an active company the person is not yet a member of. The company is read with the person's own
     * token ({@code callerAuthorization}); membership is checked with this service's token. The person's verified
     * email address and phone number are read from auth-service before anything is written, with no transaction
     * open, and stored on the request for its reviewers.
     */
    public Uni<StaffApprovalRequest> create(UUID userId, String callerAuthorization, String companyId,
            CompanyRole role, String message) {
        if (!role.grantable()) {
            throw ApiException.invalidField("requestedRole", "must be ADMIN or STAFF");
        }
        return companies.company(companyId, callerAuthorization).invoke(company -> {
            if (!company.active()) {
                throw ApiException.conflict("company_not_active", "Only an active company takes join requests.");
            }
        }).chain(() -> companies.roleOf(companyId, userId)).invoke(existing -> {
            if (existing.isPresent()) {
                throw ApiException.conflict("already_member", "You are already a member of this company.");
            }
        }).chain(() -> contacts.verifiedContact(userId)).chain(contact -> {
            OffsetDateTime now = Clocks.now();
            return store.insert(StaffApprovalRequest.pending(companyId, userId, role, message, contact.email(),
                    contact.phoneNumber(), now, now.plus(config.requestTtl())));
        }).onFailure(ApprovalService::isSecondPendingRequest).transform(failure -> ApiException.conflict(
                "request_pending", "You already have a pending request to join this company."))
                .invoke(request -> LOG.infof("%s asked to join %s as %s (request %s)", userId, companyId, role,
                        request.id));
    }

    /** A request its requester, or an owner or admin of its company, may read. */
    public Uni<StaffApprovalRequest> get(UUID id, UUID caller) {
        return load(id).call(request -> access.requireReader(request, caller));
    }

    /** The caller's own requests, newest first. */
    public Uni<List<StaffApprovalRequest>> mine(UUID caller) {
        return requests.listByUser(caller);
    }

    /** The requester withdraws a pending request. */
    public Uni<StaffApprovalRequest> cancel(UUID id, UUID caller) {
        return load(id).invoke(request -> access.requireRequester(request, caller))
                .chain(ignored -> store.decide(id, pending -> pending.cancel(Clocks.now())))
                .map(RequestStore.Decision::orRefuse)
                .invoke(request -> LOG.infof("%s cancelled request %s", caller, id));
    }

    /**
     * auth-service's {@code user-deleted} event: the account is remembered as deleted and its requests, in every
     * company and status, are removed. Returns how many were removed; a repeated event removes none.
     */
    public Uni<Long> forgetDeletedUser(UUID userId) {
        return store.forgetDeletedUser(userId)
                .invoke(removed -> LOG.infof("Removed %d join requests of deleted account %s", removed, userId));
    }

    Uni<StaffApprovalRequest> load(UUID id) {
        return requests.findById(id).onItem().ifNull().failWith(RequestAccess::notFound);
    }

    private static boolean isSecondPendingRequest(Throwable failure) {
        return UniqueViolation.constraintOf(failure).map(ONE_PENDING_INDEX::equals).orElse(false);
    }
}
