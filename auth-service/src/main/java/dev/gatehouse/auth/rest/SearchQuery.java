package dev.gatehouse.auth.rest;

import java.util.ArrayList;
import java.util.List;

import dev.gatehouse.auth.repository.UserFilter;
import dev.gatehouse.auth.service.BackgroundLists;
import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.problem.FieldError;
import dev.gatehouse.common.rest.QueryParams;

/**
 * The query of GET /users, parsed from text here: JAX-RS answers a query parameter it cannot convert with a bare
 * 404, and a client should instead learn which parameter is wrong. Search terms are normalised like stored entries.
 */
record SearchQuery(UserFilter filter, int page, int size) {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;
    /** Keeps the row offset (page times size) well inside an int. */
    static final int MAX_PAGE = 100_000;

    static SearchQuery parse(String language, String framework, String platform, String deviceType, String page,
            String size) {
        List<FieldError> errors = new ArrayList<>();
        UserFilter filter = new UserFilter(term(language, "language", errors), term(framework, "framework", errors),
                term(platform, "platform", errors), term(deviceType, "deviceType", errors));
        int parsedPage = QueryParams.wholeNumber(page, 0, 0, MAX_PAGE, "page", errors);
        int parsedSize = QueryParams.wholeNumber(size, DEFAULT_SIZE, 1, MAX_SIZE, "size", errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalidFields(errors);
        }
        return new SearchQuery(filter, parsedPage, parsedSize);
    }

    private static String term(String text, String field, List<FieldError> errors) {
        String term = BackgroundLists.term(text);
        if (term != null && term.length() > BackgroundLists.MAX_LENGTH) {
            errors.add(new FieldError(field, "must be at most " + BackgroundLists.MAX_LENGTH + " characters"));
            return null;
        }
        return term;
    }
}
