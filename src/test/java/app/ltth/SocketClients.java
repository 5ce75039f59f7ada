package app.ltth;

import app.ltth.web.SocketEvents;
import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.engineio.client.transports.WebSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * N real socket.io clients (the official Java client, websocket only, as browsers connect), each subscribed like an
 * overlay: for the load tests and the latency benchmark. They share one OkHttp client; note that the socket.io Java client hands every client's messages to one
 * shared event thread, so at high N times rate the clients, not LTTH, are the limit (their numbers are then an upper
 * bound for LTTH's part).
 */
public final class SocketClients implements AutoCloseable {

    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(0, TimeUnit.MILLISECONDS).build();

    {
        // An open websocket holds one of OkHttp's request slots (its reader loop), and the default is 64 in all, 5 per host.
        http.dispatcher().setMaxRequests(10_000);
        http.dispatcher().setMaxRequestsPerHost(10_000);
    }
    private final List<Socket> sockets = new ArrayList<>();

    /**
     * Connects {@code n} clients and waits until each was greeted.
     *
     * @param onMessage gets every message of the given events
     */
    public SocketClients(String url, int n, List<String> subscription, List<String> events, Listener onMessage)
            throws InterruptedException {
        CountDownLatch greeted = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            IO.Options options = IO.Options.builder().setTransports(new String[] {WebSocket.NAME})
                    .setReconnection(false).setForceNew(true).build();
            options.webSocketFactory = http;
            options.callFactory = http;
            Socket socket = IO.socket(URI.create(url), options);
            int index = i;
            JSONObject hello = new JSONObject(java.util.Map.of("subscribe", new JSONArray(subscription)));
            socket.on(Socket.EVENT_CONNECT, args -> socket.emit(SocketEvents.HELLO, hello));
            socket.once(SocketEvents.STATUS, args -> greeted.countDown());
            for (String event : events) socket.on(event, args -> onMessage.on(index, event, args));
            sockets.add(socket);
            socket.connect();
            if (i % 50 == 49) Thread.sleep(50);   // no thundering herd of handshakes
        }
        if (!greeted.await(60, TimeUnit.SECONDS)) {
            close();
            throw new IllegalStateException((greeted.getCount()) + " of " + n + " socket.io clients did not connect");
        }
    }

    @FunctionalInterface
    public interface Listener {
        /** Runs on the socket.io client's event thread. */
        void on(int client, String event, Object[] args);
    }

    /** How many of the clients are connected now. */
    public long connected() {
        return sockets.stream().filter(Socket::connected).count();
    }

    public static JSONObject json(Object[] args) {
        return (JSONObject) args[0];
    }

    @Override
    public void close() {
        sockets.forEach(Socket::close);
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
