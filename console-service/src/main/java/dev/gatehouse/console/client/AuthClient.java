package dev.gatehouse.console.client;

import static dev.gatehouse.console.client.Calls.bearer;
import static dev.gatehouse.console.client.Calls.guard;
import static dev.gatehouse.console.client.Calls.run;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * auth-service for the console. The person's address and browser travel along on sign-in, so the session list shows
 * their device and not the console's. Failures arrive as {@link ServiceProblem}.
 */
@ApplicationScoped
public class AuthClient {

    private static final String SERVICE = "auth-service";
    private final AuthApi api;

    public AuthClient(@RestClient AuthApi api) {
        this.api = api;
    }

    public Model.Tokens loginByEmail(String email, String password, String clientAddress, String userAgent) {
        return guard(SERVICE, () -> api.login(clientAddress, userAgent,
                new AuthApi.LoginBody(email, null, password, null)));
    }

    public Model.Tokens loginByPhone(String phoneNumber, String password, String clientAddress, String userAgent) {
        return guard(SERVICE, () -> api.login(clientAddress, userAgent,
                new AuthApi.LoginBody(null, phoneNumber, password, null)));
    }

    public Model.User register(String email, String password, String phoneNumber, String clientAddress) {
        return guard(SERVICE, () -> api.register(clientAddress, new AuthApi.RegisterBody(email, password,
                phoneNumber)));
    }

    public Model.Tokens refresh(String refreshToken, String clientAddress) {
        return guard(SERVICE, () -> api.refresh(clientAddress, new AuthApi.RefreshBody(refreshToken)));
    }

    public void logout(String accessToken, String refreshToken) {
        run(SERVICE, () -> api.logout(bearer(accessToken), new AuthApi.RefreshBody(refreshToken)));
    }

    public void logoutAll(String accessToken) {
        run(SERVICE, () -> api.logoutAll(bearer(accessToken)));
    }

    public void forgotPassword(String email, String clientAddress) {
        run(SERVICE, () -> api.forgotPassword(clientAddress, new AuthApi.ForgotBody(email, "email_link")));
    }

    public Model.User me(String accessToken) {
        return guard(SERVICE, () -> api.me(bearer(accessToken)));
    }

    /** Stores the language of the person's messages; null goes back to the browser's. */
    public Model.User setLocale(String accessToken, String locale) {
        return guard(SERVICE, () -> api.update(bearer(accessToken), new AuthApi.ProfileBody(locale)));
    }

    public void deleteMe(String accessToken, String password) {
        run(SERVICE, () -> api.deleteMe(bearer(accessToken), new AuthApi.PasswordBody(password)));
    }

    public void changePassword(String accessToken, String currentPassword, String newPassword) {
        run(SERVICE, () -> api.changePassword(bearer(accessToken),
                new AuthApi.ChangePasswordBody(currentPassword, newPassword)));
    }

    public List<Model.SessionInfo> sessions(String accessToken) {
        return guard(SERVICE, () -> api.sessions(bearer(accessToken)));
    }

    public void revokeSession(String accessToken, UUID sessionId) {
        run(SERVICE, () -> api.revokeSession(bearer(accessToken), sessionId));
    }

    /** @param channel {@code phone} or {@code email} */
    public void startVerification(String accessToken, String channel) {
        run(SERVICE, () -> api.startVerification(bearer(accessToken), channel));
    }

    public Model.User confirmVerification(String accessToken, String channel, String code) {
        return guard(SERVICE, () -> api.confirmVerification(bearer(accessToken), channel,
                new AuthApi.CodeBody(code)));
    }

    public Model.SoftwareBackground software(String accessToken) {
        return guard(SERVICE, () -> api.software(bearer(accessToken)));
    }

    public Model.SoftwareBackground putSoftware(String accessToken, Model.SoftwareBackground background) {
        return guard(SERVICE, () -> api.putSoftware(bearer(accessToken), background));
    }

    public Model.HardwareBackground hardware(String accessToken) {
        return guard(SERVICE, () -> api.hardware(bearer(accessToken)));
    }

    public Model.HardwareBackground putHardware(String accessToken, Model.HardwareBackground background) {
        return guard(SERVICE, () -> api.putHardware(bearer(accessToken), background));
    }

    public Model.Page<Model.User> findUsers(String accessToken, String language, String framework, String platform,
            String deviceType, int page, int size) {
        return guard(SERVICE, () -> api.findUsers(bearer(accessToken), language, framework, platform, deviceType,
                page, size));
    }
}
