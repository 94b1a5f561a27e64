package dev.gatehouse.approval.rest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.gatehouse.approval.ApprovalStatus;
import dev.gatehouse.approval.rest.dto.CompanyIds;
import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.problem.FieldError;
import dev.gatehouse.common.rest.QueryParams;

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
        int parsedPage = QueryParams.wholeNumber(page, 0, 0, MAX_PAGE, "page", errors);
        int parsedSize = QueryParams.wholeNumber(size, DEFAULT_SIZE, 1, MAX_SIZE, "size", errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalidFields(errors);
        }
        return new ListQuery(companyId, parsedStatus, parsedPage, parsedSize);
    }
}
