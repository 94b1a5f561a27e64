package dev.gatehouse.console.client;

import static dev.gatehouse.console.client.Calls.bearer;
import static dev.gatehouse.console.client.Calls.guard;
import static dev.gatehouse.console.client.Calls.run;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

/** company-service for the console; failures arrive as {@link ServiceProblem}. */
@ApplicationScoped
public class CompanyClient {

    private static final String SERVICE = "company-service";
    private final CompanyApi api;

    public CompanyClient(@RestClient CompanyApi api) {
        this.api = api;
    }

    public Model.Company create(String accessToken, String name, String countryCode, String phoneNumber) {
        return guard(SERVICE, () -> api.create(bearer(accessToken),
                new CompanyApi.CreateBody(name, countryCode, phoneNumber)));
    }

    public List<Model.Company> mine(String accessToken) {
        return guard(SERVICE, () -> api.mine(bearer(accessToken)));
    }

    public Model.Company get(String accessToken, String companyId) {
        return guard(SERVICE, () -> api.get(bearer(accessToken), companyId));
    }

    public void startVerification(String accessToken, String companyId) {
        run(SERVICE, () -> api.startVerification(bearer(accessToken), companyId));
    }

    public Model.Company confirmVerification(String accessToken, String companyId, String code) {
        return guard(SERVICE, () -> api.confirmVerification(bearer(accessToken), companyId,
                new AuthApi.CodeBody(code)));
    }

    public List<Model.Member> members(String accessToken, String companyId) {
        return guard(SERVICE, () -> api.members(bearer(accessToken), companyId));
    }

    public Model.Member changeRole(String accessToken, String companyId, UUID userId, String role) {
        return guard(SERVICE, () -> api.changeRole(bearer(accessToken), companyId, userId,
                new CompanyApi.RoleBody(role)));
    }

    public void removeMember(String accessToken, String companyId, UUID userId) {
        run(SERVICE, () -> api.removeMember(bearer(accessToken), companyId, userId));
    }

    public Model.Company changeStatus(String accessToken, String companyId, String status, String reason) {
        return guard(SERVICE, () -> api.changeStatus(bearer(accessToken), companyId,
                new CompanyApi.StatusBody(status, reason)));
    }
}
