package dev.gatehouse.approval.client;

import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns company-service's non-2xx answers to the {@code company-api} membership calls into
 * {@link CompanyServiceException}s, as {@link CompanyApi} does for its own call. The shared client interface carries
 * no mapper of its own, so this one is registered for it by configuration
 * ({@code quarkus.rest-client.company-members.providers}).
 */
public class CompanyProblemMapper implements ResponseExceptionMapper<CompanyServiceException> {

    @Override
    public CompanyServiceException toThrowable(Response response) {
        return CompanyApi.toException(response);
    }
}
