package dev.gatehouse.console.rest;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.Cancellable;

import dev.gatehouse.console.ConsoleSession;
import dev.gatehouse.console.client.AuthClient;
import dev.gatehouse.console.client.CompanyClient;
import dev.gatehouse.console.client.Model;
import dev.gatehouse.console.rest.view.UserQuery;
import dev.gatehouse.console.service.SessionService;

/**
 * Platform administrators: find people by their backgrounds and change a company's status. auth-service and
 * company-service check the role on every call; the console only shows the menu entry to those who hold it.
 */
// A client that hangs up must not cancel work that holds a transaction: it finishes or rolls back.
@Cancellable(false)
@Path(ConsolePages.ROOT + "/admin")
public class AdminResource {

    private static final String PAGE = ConsolePages.ROOT + "/admin";
    private static final int PAGE_SIZE = 20;

    private final ConsolePages pages;
    private final SessionService sessions;
    private final AuthClient auth;
    private final CompanyClient companies;

    public AdminResource(ConsolePages pages, SessionService sessions, AuthClient auth, CompanyClient companies) {
        this.pages = pages;
        this.sessions = sessions;
        this.auth = auth;
        this.companies = companies;
    }

    @GET
    public Response page(@QueryParam("language") String language, @QueryParam("framework") String framework,
            @QueryParam("platform") String platform, @QueryParam("deviceType") String deviceType,
            @QueryParam("page") int page) {
        Visit visit = pages.visit();
        ConsoleSession session = pages.session(visit);
        UserQuery query = new UserQuery(ConsolePages.optional(language), ConsolePages.optional(framework),
                ConsolePages.optional(platform), ConsolePages.optional(deviceType), Math.max(0, page));
        Model.Page<Model.User> users = query.any()
                ? auth.findUsers(sessions.accessToken(session, visit.clientAddress()), query.language(),
                        query.framework(), query.platform(), query.deviceType(), query.page(), PAGE_SIZE)
                : null;
        ConsoleMessages msg = ConsolePages.messages(visit.locale());
        return pages.page(Templates.admin(pages.chrome(visit, session, msg.adminTitle(), PAGE, "admin"), users,
                query), visit);
    }

    @POST
    @Path("/company-status")
    public Response changeStatus(@FormParam("csrf") String csrf, @FormParam("companyId") String companyId,
            @FormParam("status") String status, @FormParam("reason") String reason) {
        return pages.act(csrf, PAGE, (token, msg) -> {
            companies.changeStatus(token, ConsolePages.required(companyId), ConsolePages.required(status),
                    ConsolePages.required(reason));
            return msg.statusChanged();
        });
    }
}
