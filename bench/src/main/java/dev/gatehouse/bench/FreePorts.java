package dev.gatehouse.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints N distinct ports that are free on 127.0.0.1 right now, for bench/run to give its local run, so that a
 * benchmark never collides with a developer's own local run on the default ports. All sockets are held open
 * until every port is chosen, so the N are distinct; the local run checks them again before it starts.
 */
public final class FreePorts {

    private FreePorts() {
    }

    public static void main(String[] args) throws IOException {
        int count = args.length == 0 ? 1 : Integer.parseInt(args[0]);
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket();
                sockets.add(socket);
                socket.bind(new InetSocketAddress("127.0.0.1", 0));
            }
            System.out.println(String.join(" ", sockets.stream().map(s -> String.valueOf(s.getLocalPort())).toList()));
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
