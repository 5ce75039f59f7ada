package app.ltth.live.webcast;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A real HTTP client that can be told to throw where a bug or a broken network would: inside the websocket upgrade,
 * or in the first send on a fresh socket (the enter-room frame).
 */
final class FaultyHttpClient extends HttpClient {

    final AtomicInteger upgradeFaults = new AtomicInteger();
    final AtomicInteger sendFaults = new AtomicInteger();
    private final HttpClient real;

    FaultyHttpClient(HttpClient real) {
        this.real = real;
    }

    @Override
    public WebSocket.Builder newWebSocketBuilder() {
        WebSocket.Builder builder = real.newWebSocketBuilder();
        return new WebSocket.Builder() {
            @Override
            public WebSocket.Builder header(String name, String value) {
                builder.header(name, value);
                return this;
            }

            @Override
            public WebSocket.Builder connectTimeout(Duration timeout) {
                builder.connectTimeout(timeout);
                return this;
            }

            @Override
            public WebSocket.Builder subprotocols(String first, String... more) {
                builder.subprotocols(first, more);
                return this;
            }

            @Override
            public CompletableFuture<WebSocket> buildAsync(URI uri, WebSocket.Listener listener) {
                if (upgradeFaults.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    throw new IllegalStateException("boom in the upgrade");
                }
                return builder.buildAsync(uri, listener).thenApply(ws -> sendFaults.getAndUpdate(n -> Math.max(0, n - 1)) > 0
                        ? new FailingFirstSend(ws) : ws);
            }
        };
    }

    /** A socket whose sends throw. */
    private record FailingFirstSend(WebSocket ws) implements WebSocket {
        @Override
        public CompletableFuture<WebSocket> sendBinary(ByteBuffer data, boolean last) {
            throw new IllegalStateException("boom in the send");
        }

        @Override
        public CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) {
            return ws.sendText(data, last);
        }

        @Override
        public CompletableFuture<WebSocket> sendPing(ByteBuffer message) {
            return ws.sendPing(message);
        }

        @Override
        public CompletableFuture<WebSocket> sendPong(ByteBuffer message) {
            return ws.sendPong(message);
        }

        @Override
        public CompletableFuture<WebSocket> sendClose(int statusCode, String reason) {
            return ws.sendClose(statusCode, reason);
        }

        @Override
        public void request(long n) {
            ws.request(n);
        }

        @Override
        public String getSubprotocol() {
            return ws.getSubprotocol();
        }

        @Override
        public boolean isOutputClosed() {
            return ws.isOutputClosed();
        }

        @Override
        public boolean isInputClosed() {
            return ws.isInputClosed();
        }

        @Override
        public void abort() {
            ws.abort();
        }
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return real.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return real.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return real.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return real.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return real.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return real.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return real.authenticator();
    }

    @Override
    public Version version() {
        return real.version();
    }

    @Override
    public Optional<Executor> executor() {
        return real.executor();
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        return real.send(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return real.sendAsync(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> push) {
        return real.sendAsync(request, handler, push);
    }
}
