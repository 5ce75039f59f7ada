package app.ltth.osc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What VRChat understands over OSC: avatar trigger parameters by community names, and the chatbox. */
final class VrChat {

    static final String CHATBOX = "chatbox";
    static final String CHATBOX_ADDRESS = "/chatbox/input";
    /** VRChat cuts longer chatbox texts. */
    static final int CHATBOX_MAX = 144;
    /** VRChat drops chatbox messages that come faster than about one every 1.5 s. */
    static final long CHATBOX_GAP_MILLIS = 1500;

    /** Presets that pulse a bool parameter: true, then false after the pulse time. */
    static final Map<String, String> PARAMETERS;

    static {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("wave", "/avatar/parameters/Wave");
        p.put("celebrate", "/avatar/parameters/Celebrate");
        p.put("dance", "/avatar/parameters/DanceTrigger");
        p.put("hearts", "/avatar/parameters/Hearts");
        p.put("confetti", "/avatar/parameters/Confetti");
        for (int i = 0; i < 8; i++) p.put("emote" + i, "/avatar/parameters/EmoteSlot" + i);
        PARAMETERS = java.util.Collections.unmodifiableMap(p);
    }

    private VrChat() {
    }

    /** The chatbox message: text (cut to what VRChat shows), send at once, no notification sound. */
    static List<Object> chatbox(String text) {
        String t = text.strip();
        if (t.length() > CHATBOX_MAX) t = t.substring(0, CHATBOX_MAX - 1) + "…";
        return List.of(t, Boolean.TRUE, Boolean.FALSE);
    }
}
