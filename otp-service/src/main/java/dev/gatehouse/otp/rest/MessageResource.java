package dev.gatehouse.otp.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

import dev.gatehouse.common.security.ServiceScopes;
import dev.gatehouse.otp.api.MessageAccepted;
import dev.gatehouse.otp.api.SendMessageRequest;
import dev.gatehouse.otp.service.MessageService;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;

/** Transactional messages for other Gatehouse services; only service tokens get in, as everywhere here. */
// A client that hangs up must not cancel work that holds a transaction: it finishes or rolls back.
@Cancellable(false)
@Path("/messages")
@PermissionsAllowed(ServiceScopes.MESSAGES_SEND)
@Produces(MediaType.APPLICATION_JSON)
public class MessageResource {

    private final MessageService messages;

    public MessageResource(MessageService messages) {
        this.messages = messages;
    }

    /** 202: the relay accepted the message; delivery to the mailbox is its job from here. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<MessageAccepted>> send(@Valid @NotNull SendMessageRequest body) {
        return messages.send(new MessageService.Outgoing(body.channel(), body.to(), body.subject(), body.text(),
                body.html()))
                .map(sent -> RestResponse.accepted(new MessageAccepted(sent.id, sent.channel, sent.destination,
                        sent.status.name())));
    }
}
