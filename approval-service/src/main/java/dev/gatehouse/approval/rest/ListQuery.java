package dev.gatehouse.approval.rest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.gatehouse.approval.ApprovalStatus;
import dev.gatehouse.approval.rest.dto.CompanyIds;
import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.problem.FieldError;
import dev.gatehouse.common.problem.Problem;

/**
 * The query of GET /approvals, parsed from text here: JAX-RS answers a query parameter it cannot convert with a bare
 * 404, and a client should instead learn which parameter is wrong.
 */
record ListQuery(String companyId, ApprovalStatus status, int page, int size) {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;
    /** Keeps the row offset (page times size) well inside an int. */
    static final int MAX_PAGE = 100_000;

    static ListQuery parse(String companyId, String status, String page, String size) {
        List<FieldError> errors = new ArrayList<>();
        if (companyId == null || companyId.isBlank()) {
            errors.add(new FieldError("companyId", "is required"));
        } else if (!CompanyIds.valid(companyId)) {
            errors.add(new FieldError("companyId", CompanyIds.MESSAGE));
        }
        ApprovalStatus parsedStatus = null;
        if (status != null && !status.isBlank()) {
            try {
                parsedStatus = ApprovalStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                errors.add(new FieldError("status", "must be one of " + Arrays.toString(ApprovalStatus.values())));
            }
        }
        int parsedPage = number(page, 0, 0, MAX_PAGE, "page", errors);
        int parsedSize = number(size, DEFAULT_SIZE, 1, MAX_SIZE, "size", errors);
        if (!errors.isEmpty()) {
            throw new ApiException(Problem.of(400, "validation_failed", "Bad Request", "The request has invalid fields.")
                    .withErrors(errors));
        }
        return new ListQuery(companyId, parsedStatus, parsedPage, parsedSize);
    }

    private static int number(String text, int fallback, int min, int max, String field, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // Reported below like a number out of range.
        }
        errors.add(new FieldError(field, "must be a whole number from " + min + " to " + max));
        return fallback;
    }
}
