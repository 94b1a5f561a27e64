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
import dev.gatehouse.console.client.Model;
import dev.gatehouse.console.service.SessionService;

/** A verified person asks to join a company by its id, follows the answers, and cancels a request. */
// A client that hangs up must not cancel work that holds a transaction: it finishes or rolls back.
@Cancellable(false)
@Path(ConsolePages.ROOT + "/join")
public class JoinResource {

    private static final String PAGE = ConsolePages.ROOT + "/join";

    private final ConsolePages pages;
    private final SessionService sessions;
    private final ApprovalClient approvals;

    public JoinResource(ConsolePages pages, SessionService sessions, ApprovalClient approvals) {
        this.pages = pages;
        this.sessions = sessions;
        this.approvals = approvals;
    }

    @GET
    public Response page() {
        Visit visit = pages.visit();
        ConsoleSession session = pages.session(visit);
        List<Model.Approval> mine = approvals.mine(sessions.accessToken(session, visit.clientAddress()));
        ConsoleMessages msg = ConsolePages.messages(visit.locale());
        return pages.page(Templates.join(pages.chrome(visit, session, msg.joinTitle(), PAGE, "join"), mine), visit);
    }

    @POST
    public Response request(@FormParam("csrf") String csrf, @FormParam("companyId") String companyId,
            @FormParam("message") String message) {
        return pages.act(csrf, PAGE, (token, msg) -> {
            approvals.create(token, ConsolePages.required(companyId), null, ConsolePages.optional(message));
            return msg.requestSent();
        });
    }

    @POST
    @Path("/{id}/cancel")
    public Response cancel(@PathParam("id") UUID id, @FormParam("csrf") String csrf) {
        return pages.act(csrf, PAGE, (token, msg) -> {
            approvals.cancel(token, id);
            return msg.cancelled();
        });
    }
}
