package app.ltth.osc;

import app.ltth.input.JsonFields;
import app.ltth.input.ValidationException;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The OSC bridge's settings: where to send (VRChat listens on 127.0.0.1:9000), where to listen (VRChat sends to
 * 9001), which hosts besides this computer may be sent to, the rate cap, how long a trigger parameter stays true,
 * the avatar parameter behind each preset (avatars name them differently), and what gifts send.
 */
public record OscConfig(String sendHost, int sendPort, boolean listen, int listenPort, List<String> allowedHosts,
                        int maxPerSecond, int pulseMillis, Map<String, String> parameters, List<GiftRule> gifts) {

    /** A gift ("" = any gift) of at least {@code minCoins} sends {@code command} once per gift or finished streak. */
    public record GiftRule(String gift, long minCoins, @JsonUnwrapped Command command) {
    }

    /** A preset (with {@code text} for the chatbox) or a free address with typed arguments ({@link OscArgs}). */
    public record Command(String preset, String address, String args, String text) {

        public static Command parse(JsonFields f, Map<String, String> parameters) {
            String preset = f.text("preset", "", 30);
            String address = f.text("address", "", 200);
            String args = f.text("args", "", 500);
            String text = f.text("text", "", 500);
            if (!preset.isEmpty()) {
                if (!preset.equals(VrChat.CHATBOX) && !parameters.containsKey(preset)) {
                    throw new ValidationException(f.path("preset"), "Unknown preset '" + preset + "': use "
                            + VrChat.CHATBOX + " or one of " + String.join(", ", parameters.keySet()));
                }
                if (preset.equals(VrChat.CHATBOX) && text.isEmpty()) throw new ValidationException(f.path("text"), "The chatbox needs a text");
                return new Command(preset, "", "", text);
            }
            if (address.isEmpty()) throw new ValidationException(f.path("address"), "Choose a preset or enter an OSC address such as /avatar/parameters/Wave");
            checkAddress(address, f.path("address"));
            try {
                OscArgs.parse(args.contains("{") ? "" : args);   // placeholders are filled in when a flow runs
            } catch (IllegalArgumentException e) {
                throw new ValidationException(f.path("args"), "Arguments: " + e.getMessage());
            }
            return new Command("", address, args, "");
        }
    }

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:_-]{1,253}");

    public static OscConfig defaults() {
        return new OscConfig("127.0.0.1", 9000, true, 9001, List.of(), 20, 1000, VrChat.PARAMETERS, List.of());
    }

    public static OscConfig parse(JsonNode json) {
        if (json == null || !json.isObject()) throw new ValidationException("", "Send the OSC settings as a JSON object");
        OscConfig d = defaults();
        JsonFields f = new JsonFields(json, "");
        List<String> allowed = new ArrayList<>();
        JsonNode list = json.path("allowedHosts");
        for (int i = 0; i < list.size(); i++) {
            String h = list.get(i).asText("").trim();
            if (!HOST.matcher(h).matches()) throw new ValidationException("allowedHosts[" + i + "]", "Enter a host name or IP address");
            if (!allowed.contains(h)) allowed.add(h);
        }
        String host = f.text("sendHost", d.sendHost(), 253);
        if (!HOST.matcher(host).matches()) throw new ValidationException("sendHost", "Enter a host name or IP address, like 127.0.0.1");
        if (!isLoopback(host) && !allowed.contains(host)) {
            throw new ValidationException("sendHost", host + " is not this computer: add it to the allowed hosts first");
        }
        Map<String, String> parameters = new LinkedHashMap<>(VrChat.PARAMETERS);
        json.path("parameters").properties().forEach(e -> {
            if (!VrChat.PARAMETERS.containsKey(e.getKey())) throw new ValidationException("parameters." + e.getKey(), "Unknown preset " + e.getKey());
            String address = e.getValue().asText("").trim();
            checkAddress(address, "parameters." + e.getKey());
            parameters.put(e.getKey(), address);
        });
        List<GiftRule> gifts = new ArrayList<>();
        JsonNode rules = json.path("gifts");
        if (rules.size() > 100) throw new ValidationException("gifts", "At most 100 gift rules");
        for (int i = 0; i < rules.size(); i++) {
            JsonFields r = new JsonFields(rules.get(i), "gifts[" + i + "]");
            gifts.add(new GiftRule(r.text("gift", "", 100), r.number("minCoins", 0, 0, 1_000_000_000), Command.parse(r, parameters)));
        }
        int sendPort = (int) f.number("sendPort", d.sendPort(), 1, 65535);
        int listenPort = (int) f.number("listenPort", d.listenPort(), 1024, 65535);
        if (isLoopback(host) && sendPort == listenPort) throw new ValidationException("listenPort", "Listening on the port we send to would echo every message");
        return new OscConfig(host, sendPort, f.bool("listen", d.listen()), listenPort, List.copyOf(allowed),
                (int) f.number("maxPerSecond", d.maxPerSecond(), 1, 200), (int) f.number("pulseMillis", d.pulseMillis(), 100, 10_000),
                java.util.Collections.unmodifiableMap(parameters), List.copyOf(gifts));
    }

    static void checkAddress(String address, String field) {
        if (!address.startsWith("/") || address.length() > 200 || !com.illposed.osc.OSCMessage.isValidAddress(address)
                || address.chars().anyMatch(c -> c <= ' ' || c == '#' || c == '*' || c == '?' || c == ',')) {
            throw new ValidationException(field, "An OSC address starts with / and has no spaces or wildcards, like /avatar/parameters/Wave");
        }
    }

    /** This computer, written as the address itself: no name lookup decides where a message goes. */
    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("::1") || host.matches("127(\\.\\d{1,3}){3}");
    }
}
