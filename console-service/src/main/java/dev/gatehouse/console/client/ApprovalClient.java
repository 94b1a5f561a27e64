package dev.gatehouse.console.client;

import static dev.gatehouse.console.client.Calls.bearer;
import static dev.gatehouse.console.client.Calls.guard;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

/** approval-service for the console; failures arrive as {@link ServiceProblem}. */
@ApplicationScoped
public class ApprovalClient {

    private static final String SERVICE = "approval-service";
    /** The most pending requests one company page lists. */
    private static final int PAGE_SIZE = 100;
    private final ApprovalApi api;

    public ApprovalClient(@RestClient ApprovalApi api) {
        this.api = api;
    }

    public Model.Approval create(String accessToken, String companyId, String requestedRole, String message) {
        return guard(SERVICE, () -> api.create(bearer(accessToken),
                new ApprovalApi.CreateBody(companyId, requestedRole, message)));
    }

    public List<Model.Approval> pending(String accessToken, String companyId) {
        return guard(SERVICE, () -> api.list(bearer(accessToken), companyId, "PENDING", 0, PAGE_SIZE).items());
    }

    public List<Model.Approval> mine(String accessToken) {
        return guard(SERVICE, () -> api.mine(bearer(accessToken)));
    }

    public Model.Approval approve(String accessToken, UUID id, String role) {
        return guard(SERVICE, () -> api.approve(bearer(accessToken), id, new ApprovalApi.ApproveBody(role)));
    }

    public Model.Approval reject(String accessToken, UUID id, String reason) {
        return guard(SERVICE, () -> api.reject(bearer(accessToken), id, new ApprovalApi.RejectBody(reason)));
    }

    public Model.Approval cancel(String accessToken, UUID id) {
        return guard(SERVICE, () -> api.cancel(bearer(accessToken), id));
    }
}
