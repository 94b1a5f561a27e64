package dev.gatehouse.auth.rest;

import dev.gatehouse.auth.service.ClientInfo;
import io.vertx.core.http.HttpServerRequest;

/** Reads the caller's address, user agent and languages; the address honours X-Forwarded-For only from trusted proxies. */
final class RequestClient {

    private RequestClient() {
    }

    static ClientInfo of(HttpServerRequest request) {
        String ip = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return new ClientInfo(ip, request.getHeader("User-Agent"), request.getHeader("Accept-Language"));
    }
}
