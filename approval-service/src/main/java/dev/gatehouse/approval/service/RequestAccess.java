package dev.gatehouse.approval.service;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.approval.CompanyRole;
import dev.gatehouse.approval.StaffApprovalRequest;
import dev.gatehouse.approval.client.CompanyDirectory;
import dev.gatehouse.common.problem.ApiException;
import io.smallrye.mutiny.Uni;

/**
 * Who may do what with join requests. Company roles live in company-service and are asked for on every decision,
 * never cached: a demoted admin loses the right at once.
 * <p>
 * Someone with no business with a request gets the same 404 as for a request that does not exist, so request ids
 * reveal nothing. Those who may know it exists (its requester, the company's staff) but may not decide get 403.
 */
@ApplicationScoped
public class RequestAccess {

    private final CompanyDirectory companies;

    public RequestAccess(CompanyDirectory companies) {
        this.companies = companies;
    }

    /** An owner or admin of the company, for listing its requests. */
    public Uni<Void> requireReviewerOf(String companyId, UUID caller) {
        return companies.roleOf(companyId, caller).map(role -> {
            if (!canReview(role)) {
                throw adminRequired();
            }
            return null;
        });
    }

    /** The requester, or an owner or admin of the request's company. */
    public Uni<Void> requireReader(StaffApprovalRequest request, UUID caller) {
        if (request.userId.equals(caller)) {
            return Uni.createFrom().voidItem();
        }
        return companies.roleOf(request.companyId, caller).map(role -> {
            if (!canReview(role)) {
                throw notFound();
            }
            return null;
        });
    }

    /** An owner or admin of the request's company, for approving and rejecting. */
    public Uni<Void> requireReviewer(StaffApprovalRequest request, UUID caller) {
        return companies.roleOf(request.companyId, caller).map(role -> {
            if (canReview(role)) {
                return null;
            }
            if (role.isPresent() || request.userId.equals(caller)) {
                throw adminRequired();
            }
            throw notFound();
        });
    }

    /** Only the requester; anyone else is told the request does not exist. */
    public void requireRequester(StaffApprovalRequest request, UUID caller) {
        if (!request.userId.equals(caller)) {
            throw notFound();
        }
    }

    public static ApiException notFound() {
        return ApiException.notFound("request_not_found", "No join request has this id.");
    }

    private static boolean canReview(Optional<CompanyRole> role) {
        return role.map(CompanyRole::canReview).orElse(false);
    }

    private static ApiException adminRequired() {
        return ApiException.forbidden("admin_required", "Only an owner or admin of this company may do this.");
    }
}
