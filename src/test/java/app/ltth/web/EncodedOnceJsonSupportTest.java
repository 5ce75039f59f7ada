package app.ltth.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.corundumstudio.socketio.protocol.JacksonJsonSupport;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EncodedOnceJsonSupportTest {

    private static String write(com.corundumstudio.socketio.protocol.JsonSupport json, Object value) throws Exception {
        ByteBuf buf = Unpooled.buffer();
        json.writeValue(new ByteBufOutputStream(buf), value);
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aPageGetsTheSameTextAsNettySocketioWouldWriteAndNoStaleAttachments() throws Exception {
        Map<String, Object> event = Map.of("type", "chat", "data", Map.of("comment", "hällo \"du\" 🌹"));
        EncodedOnceJsonSupport support = new EncodedOnceJsonSupport();

        // A packet with a byte array first: netty-socketio sends that as a binary attachment.
        write(support, List.of("file", new byte[] {1, 2, 3}));
        assertThat(support.getArrays()).hasSize(1);

        String encoded = write(support, List.of(SocketEvents.EVENT, EncodedOnceJsonSupport.Encoded.of(SocketEvents.EVENT, event)));
        assertThat(encoded).isEqualTo(write(new JacksonJsonSupport(), List.of(SocketEvents.EVENT, event)));
        assertThat(support.getArrays()).as("the earlier packet's attachment is not sent again").isEmpty();

        assertThat(write(support, List.of("plain", Map.of("n", 1)))).isEqualTo("[\"plain\",{\"n\":1}]");
    }
}
