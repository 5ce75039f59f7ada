package app.ltth.live.webcast;

import app.ltth.events.LiveEvent;
import app.ltth.json.Json;
import app.ltth.live.webcast.proto.WebcastControlMessage;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * {@code java -jar ltth.jar webcast decode --method WebcastGiftMessage} reads one base64 message payload per line
 * and prints one JSON object per line: the event LTTH makes of it, or {@code {"error": ...}}. With {@code --frame}
 * each line is a whole push frame and every event in it is printed. For diagnosing what TikTok sends.
 */
public final class DecodeCommand {

    static final String USAGE = """
            Usage: java -jar ltth.jar webcast decode --method <WebcastXxxMessage>   (one base64 message per line)
                   java -jar ltth.jar webcast decode --frame                      (one base64 push frame per line)
                   java -jar ltth.jar webcast probe USERNAME                      (the connection, step by step)
            """;

    private DecodeCommand() {
    }

    /** @return the process exit code */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws IOException {
        String method = null;
        boolean frames = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "decode" -> { }
                case "--frame" -> frames = true;
                case "--method" -> method = i + 1 < args.length ? args[++i] : null;
                default -> {
                    err.print("Unknown argument '" + args[i] + "'.\n" + USAGE);
                    return 2;
                }
            }
        }
        if (args.length == 0 || !args[0].equals("decode") || (method == null) == !frames) {
            err.print(USAGE);
            return 2;
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = reader.readLine()) != null; ) {
            if (line.isBlank()) continue;
            if (frames) {
                decodeFrameLine(line.trim(), out);
            } else {
                out.println(decodeMessageLine(method, line.trim()));
            }
        }
        out.flush();
        return 0;
    }

    private static void decodeFrameLine(String line, PrintStream out) {
        try {
            WebcastCodec.Frame frame = WebcastCodec.decodeFrame(Base64.getDecoder().decode(line), System.currentTimeMillis());
            for (LiveEvent e : frame.events()) out.println(normalized(e));
            if (frame.failedMessages() > 0 || frame.unknownMessages() > 0) {
                out.println(Json.MAPPER.createObjectNode().put("skipped", frame.failedMessages() + frame.unknownMessages())
                        .put("failed", frame.failedMessages()).put("unknown", frame.unknownMessages()));
            }
        } catch (IllegalArgumentException e) {
            out.println(error("not base64: " + e.getMessage()));
        } catch (InvalidFrameException e) {
            out.println(error(e.getMessage()));
        }
    }

    static String decodeMessageLine(String method, String line) {
        try {
            byte[] payload = Base64.getDecoder().decode(line);
            if (method.equals("WebcastControlMessage")) {
                WebcastControlMessage m = WebcastControlMessage.parseFrom(payload);
                return Json.MAPPER.createObjectNode().put("type", "control")
                        .put("msgId", String.valueOf(m.getCommon().getMsgId())).put("action", m.getAction()).toString();
            }
            if (!WebcastCodec.isKnown(method)) return error("unknown method '" + method + "'");
            Optional<LiveEvent> event = WebcastCodec.decodeMessage(method, payload, 0, System.currentTimeMillis());
            return event.map(DecodeCommand::normalized)
                    .orElseGet(() -> error("a " + method + " that carries no event (e.g. a member update that is not a join)"));
        } catch (IllegalArgumentException e) {
            return error("not base64: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            return error("cannot decode as " + method + ": " + e.getMessage());
        }
    }

    /** The event as LTTH stores it, with its type and TikTok's msgId first. */
    static String normalized(LiveEvent e) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("type", e.type().wireName());
        node.put("msgId", e.id());
        ObjectNode fields = Json.MAPPER.valueToTree(e);
        fields.remove("id");
        node.setAll(fields);
        return node.toString();
    }

    private static String error(String message) {
        return Json.MAPPER.createObjectNode().put("error", message).toString();
    }
}
