package dev.gatehouse.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port checks made before anything starts, so a busy port is reported by name instead of as a bind error later. */
final class Ports {

    private Ports() {
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }
}
