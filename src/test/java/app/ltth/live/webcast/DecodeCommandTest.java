package app.ltth.live.webcast;

import static app.ltth.live.webcast.Frames.common;
import static app.ltth.live.webcast.Frames.frame;
import static app.ltth.live.webcast.Frames.message;
import static app.ltth.live.webcast.Frames.result;
import static app.ltth.live.webcast.Frames.user;
import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.json.Json;
import app.ltth.live.webcast.proto.WebcastChatMessage;
import app.ltth.live.webcast.proto.WebcastControlMessage;
import app.ltth.live.webcast.proto.WebcastGiftMessage;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecodeCommandTest {

    record Run(int code, List<JsonNode> lines, String err) {
    }

    private static Run run(String stdin, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = DecodeCommand.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) lines.add(Json.MAPPER.readTree(line));
        }
        return new Run(code, lines, err.toString(StandardCharsets.UTF_8));
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static WebcastGiftMessage rose(int count, int end) {
        return WebcastGiftMessage.newBuilder().setCommon(common(31337, 0, "")).setUser(user(5, "gifter", "Gifter"))
                .setGiftId(5655).setRepeatCount(count).setRepeatEnd(end).setGroupId(77)
                .setGift(WebcastGiftMessage.GiftStruct.newBuilder().setName("Rose").setDiamondCount(1).setType(1)).build();
    }

    @Test
    void oneJsonObjectPerLineWithTheNormalisedEventOrAnError() throws Exception {
        Run run = run(b64(rose(4, 1).toByteArray()) + "\n" + "!!!not base64\n" + b64(new byte[] {(byte) 0xff, 0x01}) + "\n",
                "decode", "--method", "WebcastGiftMessage");
        assertThat(run.code()).isZero();
        assertThat(run.lines()).hasSize(3);
        JsonNode gift = run.lines().get(0);
        assertThat(gift.get("type").asText()).isEqualTo("gift");
        assertThat(gift.get("msgId").asText()).isEqualTo("31337");
        assertThat(gift.at("/user/id").asText()).isEqualTo("5");
        assertThat(gift.at("/user/uniqueId").asText()).isEqualTo("gifter");
        assertThat(gift.at("/user/nickname").asText()).isEqualTo("Gifter");
        assertThat(gift.get("giftId").asLong()).isEqualTo(5655);
        assertThat(gift.get("giftName").asText()).isEqualTo("Rose");
        assertThat(gift.get("diamondCount").asInt()).isEqualTo(1);
        assertThat(gift.get("repeatCount").asInt()).isEqualTo(4);
        assertThat(gift.get("repeatEnd").asBoolean()).isTrue();
        assertThat(gift.get("groupId").asLong()).isEqualTo(77);
        assertThat(gift.get("streakable").asBoolean()).isTrue();
        assertThat(run.lines().get(1).get("error").asText()).contains("not base64");
        assertThat(run.lines().get(2).get("error").asText()).contains("cannot decode");
    }

    @Test
    void controlMessagesShowTheirAction() throws Exception {
        Run run = run(b64(WebcastControlMessage.newBuilder().setAction(1).build().toByteArray()),
                "decode", "--method", "WebcastControlMessage");
        assertThat(run.lines().get(0).get("action").asInt()).isEqualTo(1);
    }

    @Test
    void framesPrintEveryEventInThem() throws Exception {
        WebcastChatMessage chat = WebcastChatMessage.newBuilder().setCommon(common(1, 0, "")).setUser(user(1, "a", "A"))
                .setContent("hi").build();
        byte[] frame = frame(result(message("WebcastChatMessage", 1, chat), message("WebcastGiftMessage", 2, rose(1, 0))),
                1, true, false);
        Run run = run(b64(frame) + "\n" + b64("junk".getBytes(StandardCharsets.UTF_8)) + "\n", "decode", "--frame");
        assertThat(run.lines()).extracting(n -> n.has("type") ? n.get("type").asText() : "error")
                .containsExactly("chat", "gift", "error");
        assertThat(run.lines().get(0).get("comment").asText()).isEqualTo("hi");
    }

    @Test
    void wrongArgumentsShowTheUsage() throws Exception {
        assertThat(run("", "decode").code()).isEqualTo(2);
        assertThat(run("", "decode", "--method", "X", "--frame").code()).isEqualTo(2);
        Run wrong = run("", "encode");
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("Usage");
        assertThat(run("AAAA", "decode", "--method", "WebcastLinkMicFanTicketMethod").lines().get(0).get("error").asText())
                .contains("unknown method");
    }
}
