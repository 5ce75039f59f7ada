package app.ltth.startup;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Chooses listening ports: the wanted one when free, otherwise the next free one above it. */
public final class PortAllocator {

    static final int SEARCH_RANGE = 100;

    private PortAllocator() {
    }

    /**
     * @param wanted 0 for any free port
     * @param avoid  a port already chosen for something else
     */
    public static int choose(String host, int wanted, int avoid) throws IOException {
        if (wanted == 0) {
            // The system may hand out a port it just gave us (the probe socket is closed again): never the avoided one.
            for (int attempt = 0; attempt < SEARCH_RANGE; attempt++) {
                try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getByName(host))) {
                    if (socket.getLocalPort() != avoid) return socket.getLocalPort();
                }
            }
            throw new IOException("No free port other than " + avoid + " was found");
        }
        for (int port = wanted; port < Math.min(65536, wanted + SEARCH_RANGE); port++) {
            if (port != avoid && isFree(host, port)) return port;
        }
        throw new IOException("Ports " + wanted + " to " + (wanted + SEARCH_RANGE - 1) + " are all in use");
    }

    public static boolean isFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
