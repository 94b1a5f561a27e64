package dev.gatehouse.console.rest;

import java.util.stream.Collectors;

import dev.gatehouse.console.client.ServiceProblem;

/** A service's problem as a sentence in the reader's language; the raw body never reaches the page. */
final class ProblemText {

    private ProblemText() {
    }

    static String of(ServiceProblem problem, ConsoleMessages msg) {
        String code = problem.code();
        if (code.endsWith("_unavailable") || code.equals("delivery_failed") || problem.status() >= 500) {
            return msg.errorUnavailable();
        }
        return switch (code) {
            case "invalid_credentials", "account_locked" -> msg.errorInvalidCredentials();
            case "rate_limited", "too_many_attempts" -> msg.errorRateLimited();
            case "resend_too_soon" -> msg.errorResendTooSoon();
            case "otp_invalid" -> problem.remainingAttempts() == null ? msg.errorOtpInvalidNoCount()
                    : msg.errorOtpInvalid(problem.remainingAttempts());
            case "otp_expired" -> msg.errorOtpExpired();
            case "otp_locked" -> msg.errorOtpLocked();
            case "otp_used", "otp_revoked" -> msg.errorOtpUsed();
            case "email_taken" -> msg.errorEmailTaken();
            case "phone_taken" -> msg.errorPhoneTaken();
            case "forbidden", "admin_required", "owner_required", "not_a_member", "platform_admin_required" ->
                msg.errorForbidden();
            case "not_found", "member_not_found", "request_not_found", "session_not_found" -> msg.errorNotFound();
            case "company_not_found" -> msg.errorCompanyNotFound();
            case "company_not_active" -> msg.errorCompanyNotActive();
            case "already_member" -> msg.errorAlreadyMember();
            case "request_pending" -> msg.errorRequestPending();
            case "request_not_pending", "request_expired" -> msg.errorRequestNotPending();
            case "illegal_transition" -> msg.errorIllegalTransition();
            case "verification_required" -> msg.errorVerificationRequired();
            case "verification_not_started" -> msg.errorVerificationNotStarted();
            case "already_verified" -> msg.errorAlreadyVerified();
            case "wrong_password" -> msg.errorWrongPassword();
            case "last_owner" -> msg.errorLastOwner();
            case "validation_failed" -> fields(problem, msg);
            default -> problem.detail() == null || problem.detail().isBlank() ? msg.errorUnknown()
                    : msg.errorGeneric(problem.detail());
        };
    }

    private static String fields(ServiceProblem problem, ConsoleMessages msg) {
        if (problem.errors().isEmpty()) {
            return problem.detail() == null ? msg.errorUnknown() : msg.errorGeneric(problem.detail());
        }
        return msg.errorFields() + " " + problem.errors().stream()
                .map(error -> error.field() + ": " + error.message())
                .collect(Collectors.joining("; "));
    }
}
