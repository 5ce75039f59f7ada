package app.ltth.customevents;

import app.ltth.threads.DaemonThreads;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UDP way in: one JSON object per datagram, on the given addresses (this computer, and the LAN address in LAN
 * mode), one receiving thread per address. A datagram longer than the limit is read as one byte more than allowed,
 * so it is known to be too long and dropped whole.
 */
final class UdpInput implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UdpInput.class);

    /** Why the port could not be opened, as the page names it: "portTaken" or "failed". */
    private volatile String error;
    private final List<DatagramSocket> sockets = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    UdpInput(List<InetAddress> addresses, int port, CustomEventInput input) {
        for (InetAddress address : addresses) {
            try {
                DatagramSocket socket = new DatagramSocket(new InetSocketAddress(address, port));
                sockets.add(socket);
                Thread thread = DaemonThreads.named("ltth-udp-input").newThread(() -> receive(socket, input));
                threads.add(thread);
                thread.start();
            } catch (BindException e) {
                error = "portTaken";
                log.warn("Custom events over UDP: port {} on {} is taken by another program", port, address.getHostAddress());
            } catch (SocketException e) {
                error = "failed";
                log.warn("Custom events over UDP could not open port {} on {}: {}", port, address.getHostAddress(), e.getMessage());
            }
        }
        if (error == null) log.info("Custom events over UDP: listening on port {}", port);
    }

    String error() {
        return error;
    }

    private static void receive(DatagramSocket socket, CustomEventInput input) {
        byte[] buffer = new byte[CustomEvents.MAX_BYTES + 1];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!socket.isClosed()) {
            try {
                packet.setLength(buffer.length);
                socket.receive(packet);
                input.receive(CustomEventInput.Way.UDP, packet.getAddress().getHostAddress(),
                        Arrays.copyOf(buffer, packet.getLength()), false);
            } catch (IOException e) {
                if (!socket.isClosed()) log.debug("Custom events over UDP: {}", e.getMessage());
            } catch (RuntimeException e) {
                log.warn("Custom events over UDP: a datagram could not be handled", e);   // the port stays open
            }
        }
    }

    /**
     * Closes the ports and waits for the receiving threads: a socket closed while its thread waits in receive() lets
     * go of its port only once that thread has left, and the port is often opened again at once (another address).
     */
    @Override
    public void close() {
        sockets.forEach(DatagramSocket::close);
        for (Thread t : threads) {
            try {
                t.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
