package dev.gatehouse.console.client;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/** auth-service's public API (the same paths the gateway routes). Used through {@link AuthClient}. */
@RegisterRestClient(configKey = "auth-service")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
interface AuthApi {

    String FORWARDED_FOR = "X-Forwarded-For";

    @POST
    @Path("/auth/login")
    Model.Tokens login(@HeaderParam(FORWARDED_FOR) String clientAddress,
            @HeaderParam(HttpHeaders.USER_AGENT) String userAgent, LoginBody body);

    @POST
    @Path("/auth/register")
    Model.User register(@HeaderParam(FORWARDED_FOR) String clientAddress, RegisterBody body);

    @POST
    @Path("/auth/refresh")
    Model.Tokens refresh(@HeaderParam(FORWARDED_FOR) String clientAddress, RefreshBody body);

    @POST
    @Path("/auth/logout")
    void logout(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, RefreshBody body);

    @POST
    @Path("/auth/logout-all")
    void logoutAll(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    @POST
    @Path("/auth/password/forgot")
    void forgotPassword(@HeaderParam(FORWARDED_FOR) String clientAddress, ForgotBody body);

    @GET
    @Path("/users/me")
    Model.User me(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    @PATCH
    @Path("/users/me")
    Model.User update(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, ProfileBody body);

    @DELETE
    @Path("/users/me")
    void deleteMe(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, PasswordBody body);

    @POST
    @Path("/users/me/password")
    void changePassword(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, ChangePasswordBody body);

    @GET
    @Path("/users/me/sessions")
    List<Model.SessionInfo> sessions(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    @DELETE
    @Path("/users/me/sessions/{id}")
    void revokeSession(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") UUID id);

    @POST
    @Path("/users/me/{channel}/verification")
    void startVerification(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @PathParam("channel") String channel);

    @POST
    @Path("/users/me/{channel}/verification/confirm")
    Model.User confirmVerification(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @PathParam("channel") String channel, CodeBody body);

    @GET
    @Path("/users/me/background/software")
    Model.SoftwareBackground software(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    @PUT
    @Path("/users/me/background/software")
    Model.SoftwareBackground putSoftware(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            Model.SoftwareBackground body);

    @GET
    @Path("/users/me/background/hardware")
    Model.HardwareBackground hardware(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    @PUT
    @Path("/users/me/background/hardware")
    Model.HardwareBackground putHardware(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            Model.HardwareBackground body);

    @GET
    @Path("/users")
    Model.Page<Model.User> findUsers(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @QueryParam("language") String language, @QueryParam("framework") String framework,
            @QueryParam("platform") String platform, @QueryParam("deviceType") String deviceType,
            @QueryParam("page") int page, @QueryParam("size") int size);

    @ClientExceptionMapper
    static RuntimeException toProblem(Response response) {
        return ProblemReader.read(response);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LoginBody(String email, String phoneNumber, String password, String deviceId) {
    }

    record RegisterBody(String email, String password, String phoneNumber) {
    }

    record RefreshBody(String refreshToken) {
    }

    record ForgotBody(String email, String method) {
    }

    record PasswordBody(String password) {
    }

    record ChangePasswordBody(String currentPassword, String newPassword) {
    }

    /** {@code locale} null clears the stored language; Jackson writes the null, so it is not left out. */
    record ProfileBody(String locale) {
    }

    record CodeBody(String code) {
    }
}
