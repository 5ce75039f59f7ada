package app.ltth.osc;

import app.ltth.events.GiftEvent;
import app.ltth.events.LiveEvent;
import app.ltth.plugin.PluginConfigRepository;
import app.ltth.store.Database;
import app.ltth.store.ProfileManager;
import app.ltth.template.EventFields;
import app.ltth.template.Template;
import app.ltth.threads.DaemonThreads;
import app.ltth.web.SocketServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.illposed.osc.OSCBadDataEvent;
import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.OSCPacketEvent;
import com.illposed.osc.OSCPacketListener;
import com.illposed.osc.transport.OSCPortIn;
import com.illposed.osc.transport.OSCPortInBuilder;
import com.illposed.osc.transport.OSCPortOut;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OSC bridge to VRChat (or any OSC program): sends presets, free messages and gift rules, under a rate cap;
 * listens on 127.0.0.1 only and shows what arrives ({@value #RECEIVED_EVENT}). Chatbox texts wait in a short queue
 * because VRChat drops them when they come faster than one every 1.5 s. Runs while the built-in plugin "osc" is on.
 */
public final class OscBridge implements ProfileManager.Listener, AutoCloseable {

    public static final String RECEIVED_EVENT = "osc:received";
    static final int CHATBOX_QUEUE = 5;
    static final int LATEST_MAX = 200;
    private static final Logger log = LoggerFactory.getLogger(OscBridge.class);

    public static final class NotActive extends RuntimeException {
        NotActive() {
            super("The OSC bridge is off: turn on the plugin \"OSC bridge\" on the Plugins page");
        }
    }

    /** The message was not sent; the reason says why (rate cap, full chatbox queue). */
    public static final class Dropped extends Exception {
        Dropped(String message) {
            super(message);
        }
    }

    public record Received(String address, String args, long at) {
    }

    public record Status(boolean active, String sendTo, String listening, String problem, long sent, long dropped,
                         long received, int chatboxWaiting, List<String> presets) {
    }

    private final SocketServer sockets;
    private final PluginConfigRepository store;
    private final ScheduledExecutorService scheduler = DaemonThreads.scheduler("ltth-osc");
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final Map<String, Received> latest = new LinkedHashMap<>();      // guarded by itself
    private final Deque<String> chatbox = new ArrayDeque<>();                // guarded by this
    private volatile OscConfig config = OscConfig.defaults();
    private volatile RateCap cap = new RateCap(config.maxPerSecond());
    private volatile boolean active;
    private volatile String problem = "";
    // guarded by this
    private OSCPortOut out;
    private OSCPortIn in;
    private long lastChatbox;
    private boolean chatboxScheduled;

    public OscBridge(SocketServer sockets, ProfileManager profiles) {
        this.sockets = sockets;
        this.store = new PluginConfigRepository(profiles, "osc");
    }

    @Override
    public void profileOpened(String profile, Database database) {
        apply(store.load("config", OscConfig::parse, OscConfig.defaults(), "OSC settings"));
        synchronized (latest) {
            latest.clear();
        }
    }

    public OscConfig config() {
        return config;
    }

    public OscConfig configure(JsonNode json) {
        OscConfig parsed = OscConfig.parse(json);
        store.save("config", parsed);
        apply(parsed);
        return parsed;
    }

    private synchronized void apply(OscConfig c) {
        config = c;
        cap = new RateCap(c.maxPerSecond());
        if (active) reopen();
    }

    public synchronized void setActive(boolean on) {
        active = on;
        if (on) {
            reopen();
        } else {
            closePorts();
            chatbox.clear();
        }
    }

    private void reopen() {
        closePorts();
        OscConfig c = config;
        List<String> problems = new ArrayList<>();
        try {
            out = new OSCPortOut(new InetSocketAddress(c.sendHost(), c.sendPort()));
        } catch (IOException e) {
            problems.add("Cannot send to " + c.sendHost() + ":" + c.sendPort() + " (" + e.getMessage() + ")");
        }
        if (c.listen()) {
            try {
                in = new OSCPortInBuilder().setLocalSocketAddress(new InetSocketAddress("127.0.0.1", c.listenPort()))
                        .setPacketListener(new Listener()).build();
                in.setDaemonListener(true);
                in.startListening();
            } catch (IOException e) {
                in = null;
                problems.add("Cannot listen on port " + c.listenPort() + ": another program uses it (" + e.getMessage()
                        + "). Choose another port here and in VRChat's OSC settings.");
            }
        }
        problem = String.join(" ", problems);
        if (!problem.isEmpty()) log.warn("OSC: {}", problem);
    }

    private void closePorts() {
        try {
            if (out != null) out.close();
            if (in != null) {
                in.stopListening();
                in.close();
            }
        } catch (IOException e) {
            log.debug("Closing the OSC ports: {}", e.getMessage());
        }
        out = null;
        in = null;
    }

    public synchronized Status status() {
        OscConfig c = config;
        List<String> presets = new ArrayList<>(c.parameters().keySet());
        presets.add(VrChat.CHATBOX);
        return new Status(active, c.sendHost() + ":" + c.sendPort(), in != null ? "127.0.0.1:" + c.listenPort() : "",
                problem, sent.get(), dropped.get(), received.get(), chatbox.size(), presets);
    }

    public List<Received> latest() {
        synchronized (latest) {
            return List.copyOf(latest.values());
        }
    }

    /** The plugin's event listener: gift rules fire once per gift or finished streak. */
    public void onEvent(LiveEvent event) {
        if (!(event instanceof GiftEvent g) || !g.isFinal()) return;
        Map<String, Object> fields = null;
        for (OscConfig.GiftRule rule : config.gifts()) {
            if ((rule.gift().isEmpty() || rule.gift().equalsIgnoreCase(g.giftName())) && g.coins() >= rule.minCoins()) {
                if (fields == null) fields = EventFields.of(g, 0, ZoneId.systemDefault());
                try {
                    send(rule.command(), fields);
                } catch (Dropped | IOException e) {
                    log.debug("OSC for gift {}: {}", g.giftName(), e.getMessage());
                }
            }
        }
    }

    /**
     * Sends a preset or a free message; placeholders such as {username} in texts and arguments are filled from
     * {@code fields}.
     *
     * @return what was sent, for the flow log and the dashboard
     */
    public String send(OscConfig.Command command, Map<String, ?> fields) throws Dropped, IOException {
        if (!active) throw new NotActive();
        OscConfig c = config;
        if (command.preset().equals(VrChat.CHATBOX)) {
            return queueChatbox(Template.render(command.text(), fields));
        }
        if (!command.preset().isEmpty()) {
            String address = c.parameters().get(command.preset());
            if (address == null) throw new IllegalArgumentException("Unknown preset " + command.preset());
            sendNow(address, List.of(Boolean.TRUE), true);
            scheduler.schedule(() -> resetPulse(address), c.pulseMillis(), TimeUnit.MILLISECONDS);
            return address + " b:true";
        }
        List<Object> args = OscArgs.parse(Template.render(command.args(), fields));
        sendNow(command.address(), args, true);
        return (command.address() + " " + OscArgs.format(args)).strip();
    }

    /** A trigger goes back to false even when the cap is reached: a parameter left true would stick on the avatar. */
    private void resetPulse(String address) {
        try {
            sendNow(address, List.of(Boolean.FALSE), false);
        } catch (Exception e) {
            log.debug("OSC: resetting {} failed: {}", address, e.getMessage());
        }
    }

    private void sendNow(String address, List<Object> args, boolean capped) throws Dropped, IOException {
        OSCPortOut port;
        synchronized (this) {
            port = out;
        }
        if (port == null) throw new IOException("OSC cannot send: " + (problem.isEmpty() ? "the bridge is off" : problem));
        if (capped && !cap.take(System.currentTimeMillis())) {
            dropped.incrementAndGet();
            throw new Dropped("OSC rate cap reached (" + config.maxPerSecond() + " messages a second): " + address + " was not sent");
        }
        try {
            // One send at a time: javaosc writes every packet into one buffer per port, and the JDK moves that
            // buffer's position after the datagram is out. A trigger's reset (scheduler thread) overlapping a gift
            // rule (plugin thread) sent the second packet from the wrong position: VRChat got garbage and dropped it.
            synchronized (port) {
                // Counted before the datagram leaves: whoever has received it (VRChat, a test) finds it counted.
                sent.incrementAndGet();
                try {
                    port.send(new OSCMessage(address, args));
                } catch (IOException | com.illposed.osc.OSCSerializeException | RuntimeException e) {
                    sent.decrementAndGet();
                    throw e;
                }
            }
        } catch (com.illposed.osc.OSCSerializeException e) {
            throw new IOException("OSC message " + address + " could not be written: " + e.getMessage(), e);
        }
    }

    private synchronized String queueChatbox(String text) throws Dropped {
        if (text.isBlank()) throw new IllegalArgumentException("The chatbox text is empty");
        if (chatbox.size() >= CHATBOX_QUEUE) {
            dropped.incrementAndGet();
            throw new Dropped("The chatbox queue is full (" + CHATBOX_QUEUE + " texts wait for VRChat's 1.5 s gap): not sent");
        }
        chatbox.add(text);
        if (!chatboxScheduled) scheduleChatbox();
        return VrChat.CHATBOX_ADDRESS + " " + OscArgs.format(VrChat.chatbox(text));
    }

    private void scheduleChatbox() {
        long wait = Math.max(0, lastChatbox + VrChat.CHATBOX_GAP_MILLIS - System.currentTimeMillis());
        chatboxScheduled = true;
        scheduler.schedule(this::sendChatbox, wait, TimeUnit.MILLISECONDS);
    }

    private void sendChatbox() {
        String text;
        synchronized (this) {
            chatboxScheduled = false;
            text = chatbox.poll();
            if (text == null || !active) return;
            lastChatbox = System.currentTimeMillis();
            if (!chatbox.isEmpty()) scheduleChatbox();
        }
        try {
            sendNow(VrChat.CHATBOX_ADDRESS, VrChat.chatbox(text), true);
        } catch (Exception e) {
            log.debug("OSC chatbox: {}", e.getMessage());
        }
    }

    private void receivedMessage(OSCMessage m) {
        received.incrementAndGet();
        Received r = new Received(m.getAddress(), OscArgs.format(m.getArguments()), System.currentTimeMillis());
        synchronized (latest) {
            latest.remove(r.address());
            latest.put(r.address(), r);
            if (latest.size() > LATEST_MAX) latest.remove(latest.keySet().iterator().next());
        }
        sockets.broadcast(RECEIVED_EVENT, r);
    }

    private final class Listener implements OSCPacketListener {
        @Override
        public void handlePacket(OSCPacketEvent event) {
            take(event.getPacket());
        }

        private void take(OSCPacket packet) {
            if (packet instanceof OSCMessage m) receivedMessage(m);
            else if (packet instanceof OSCBundle b) b.getPackets().forEach(this::take);
        }

        @Override
        public void handleBadData(OSCBadDataEvent event) {
            log.debug("OSC: a packet that is not OSC was skipped");
        }
    }

    @Override
    public synchronized void close() {
        active = false;
        closePorts();
        scheduler.shutdownNow();
    }
}
