package app.ltth.web;

import app.ltth.json.Json;
import com.corundumstudio.socketio.AckCallback;
import com.corundumstudio.socketio.protocol.AckArgs;
import com.corundumstudio.socketio.protocol.JacksonJsonSupport;
import com.corundumstudio.socketio.protocol.JsonSupport;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * netty-socketio writes every packet's arguments with Jackson, once per page: for a live event going to 100 pages
 * that is 100 generators over the same text. An {@link Encoded} event is made into the bytes of its whole Socket.IO
 * argument list once, and each page's packet copies those bytes. Everything else goes to netty-socketio's own
 * Jackson support.
 */
final class EncodedOnceJsonSupport implements JsonSupport {

    /** An event with its arguments, {@code ["event", payload]}, as JSON bytes. */
    record Encoded(byte[] json) {

        static Encoded of(String event, Object payload) {
            try {
                return new Encoded(Json.MAPPER.writeValueAsBytes(List.of(event, payload)));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("Cannot encode " + payload.getClass().getSimpleName(), e);
            }
        }
    }

    private final JacksonJsonSupport jackson = new JacksonJsonSupport();
    /** Whether this thread's last packet was an encoded one: it then has no binary attachments. */
    private final ThreadLocal<Boolean> lastWasEncoded = ThreadLocal.withInitial(() -> Boolean.FALSE);

    @Override
    public void writeValue(ByteBufOutputStream out, Object value) throws IOException {
        // The packet encoder hands over [event name, the arguments...]; ours is [name, Encoded].
        if (value instanceof List<?> list && list.size() == 2 && list.get(1) instanceof Encoded encoded) {
            out.write(encoded.json());
            lastWasEncoded.set(Boolean.TRUE);
            return;
        }
        lastWasEncoded.set(Boolean.FALSE);
        jackson.writeValue(out, value);
    }

    @Override
    public List<byte[]> getArrays() {
        return lastWasEncoded.get() ? List.of() : jackson.getArrays();
    }

    @Override
    public AckArgs readAckArgs(ByteBufInputStream src, AckCallback<?> callback) throws IOException {
        return jackson.readAckArgs(src, callback);
    }

    @Override
    public <T> T readValue(String namespaceName, ByteBufInputStream src, Class<T> valueType) throws IOException {
        return jackson.readValue(namespaceName, src, valueType);
    }

    @Override
    public void addEventMapping(String namespaceName, String eventName, Class<?>... eventClass) {
        jackson.addEventMapping(namespaceName, eventName, eventClass);
    }

    @Override
    public void removeEventMapping(String namespaceName, String eventName) {
        jackson.removeEventMapping(namespaceName, eventName);
    }
}
