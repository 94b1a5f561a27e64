package dev.gatehouse.console.rest;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.Cancellable;

import dev.gatehouse.console.ConsoleSession;
import dev.gatehouse.console.client.ApprovalClient;
import dev.gatehouse.console.client.CompanyClient;
import dev.gatehouse.console.client.Model;
import dev.gatehouse.console.service.SessionService;

/**
 * Companies for their members: create one, verify its phone, and, for owners and admins, its members and the
 * requests to join it. Whether the person may do something is the services' decision; the page only hides what
 * cannot apply.
 */
// A client that hangs up must not cancel work that holds a transaction: it finishes or rolls back.
@Cancellable(false)
@Path(ConsolePages.ROOT + "/companies")
public class CompanyPagesResource {

    private static final String PAGE = ConsolePages.ROOT + "/companies";

    private final ConsolePages pages;
    private final SessionService sessions;
    private final CompanyClient companies;
    private final ApprovalClient approvals;

    public CompanyPagesResource(ConsolePages pages, SessionService sessions, CompanyClient companies,
            ApprovalClient approvals) {
        this.pages = pages;
        this.sessions = sessions;
        this.companies = companies;
        this.approvals = approvals;
    }

    @GET
    public Response list() {
        Visit visit = pages.visit();
        ConsoleSession session = pages.session(visit);
        List<Model.Company> mine = companies.mine(sessions.accessToken(session, visit.clientAddress()));
        ConsoleMessages msg = ConsolePages.messages(visit.locale());
        return pages.page(Templates.companies(pages.chrome(visit, session, msg.companiesTitle(), PAGE, "companies"),
                mine), visit);
    }

    @POST
    public Response create(@FormParam("csrf") String csrf, @FormParam("name") String name,
            @FormParam("countryCode") String countryCode, @FormParam("phoneNumber") String phoneNumber) {
        String[] created = new String[1];
        Response answer = pages.act(csrf, PAGE, (token, msg) -> {
            Model.Company company = companies.create(token, ConsolePages.required(name),
                    ConsolePages.required(countryCode).toUpperCase(java.util.Locale.ROOT),
                    ConsolePages.required(phoneNumber));
            created[0] = company.companyId();
            return msg.companyCreated(company.companyId());
        });
        return created[0] == null ? answer : ConsolePages.redirect(page(created[0]));
    }

    @GET
    @Path("/{companyId}")
    public Response company(@PathParam("companyId") String companyId) {
        Visit visit = pages.visit();
        ConsoleSession session = pages.session(visit);
        String token = sessions.accessToken(session, visit.clientAddress());
        Model.Company company = companies.mine(token).stream().filter(c -> c.companyId().equals(companyId))
                .findFirst().orElseGet(() -> companies.get(token, companyId));
        List<Model.Member> members = company.role() == null ? List.of() : companies.members(token, companyId);
        List<Model.Approval> requests = company.manageable() ? approvals.pending(token, companyId) : List.of();
        return pages.page(Templates.company(pages.chrome(visit, session, company.name(), page(companyId),
                "companies"), company, members, requests), visit);
    }

    @POST
    @Path("/{companyId}/verification/send")
    public Response sendCode(@PathParam("companyId") String companyId, @FormParam("csrf") String csrf) {
        return pages.act(csrf, page(companyId), (token, msg) -> {
            companies.startVerification(token, companyId);
            return msg.codeSent();
        });
    }

    @POST
    @Path("/{companyId}/verification/confirm")
    public Response confirm(@PathParam("companyId") String companyId, @FormParam("csrf") String csrf,
            @FormParam("code") String code) {
        return pages.act(csrf, page(companyId), (token, msg) -> {
            companies.confirmVerification(token, companyId, ConsolePages.required(code));
            return msg.companyVerified();
        });
    }

    @POST
    @Path("/{companyId}/members/{userId}/role")
    public Response changeRole(@PathParam("companyId") String companyId, @PathParam("userId") UUID userId,
            @FormParam("csrf") String csrf, @FormParam("role") String role) {
        return pages.act(csrf, page(companyId), (token, msg) -> {
            companies.changeRole(token, companyId, userId, ConsolePages.required(role));
            return msg.roleChanged();
        });
    }

    @POST
    @Path("/{companyId}/members/{userId}/remove")
    public Response remove(@PathParam("companyId") String companyId, @PathParam("userId") UUID userId,
            @FormParam("csrf") String csrf) {
        return pages.act(csrf, page(companyId), (token, msg) -> {
            companies.removeMember(token, companyId, userId);
            return msg.memberRemoved();
        });
    }

    @POST
    @Path("/{companyId}/requests/{id}/approve")
    public Response approve(@PathParam("companyId") String companyId, @PathParam("id") UUID id,
            @FormParam("csrf") String csrf, @FormParam("role") String role) {
        return pages.act(csrf, page(companyId), (token, msg) -> {
            approvals.approve(token, id, ConsolePages.optional(role));
            return msg.approved();
        });
    }

    @POST
    @Path("/{companyId}/requests/{id}/reject")
    public Response reject(@PathParam("companyId") String companyId, @PathParam("id") UUID id,
            @FormParam("csrf") String csrf, @FormParam("reason") String reason) {
        return pages.act(csrf, page(companyId), (token, msg) -> {
            approvals.reject(token, id, ConsolePages.required(reason));
            return msg.rejected();
        });
    }

    private static String page(String companyId) {
        return PAGE + "/" + java.net.URLEncoder.encode(companyId, java.nio.charset.StandardCharsets.UTF_8);
    }
}
