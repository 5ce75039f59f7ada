package app.ltth.vdoninja;

import app.ltth.Json;
import app.ltth.plugin.PluginConfigRepository;
import app.ltth.store.Database;
import app.ltth.store.ProfileManager;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The profile's VDO.Ninja room: created with a random id and password the first time, kept until renewed. */
public final class VdoNinjaService implements ProfileManager.Listener {

    private static final Logger log = LoggerFactory.getLogger(VdoNinjaService.class);

    public static final class NotActive extends RuntimeException {
        NotActive() {
            super("VDO.Ninja is off: turn on the plugin \"VDO.Ninja\" on the Plugins page");
        }
    }

    private final PluginConfigRepository store;
    private volatile VdoRoom room;
    private volatile boolean active;

    public VdoNinjaService(ProfileManager profiles) {
        this.store = new PluginConfigRepository(profiles, "vdoninja");
    }

    @Override
    public synchronized void profileOpened(String profile, Database database) throws IOException {
        Optional<String> saved = store.get("room");
        VdoRoom loaded = null;
        if (saved.isPresent()) {
            try {
                loaded = Json.MAPPER.readValue(saved.get(), VdoRoom.class);
            } catch (IOException e) {
                log.warn("The saved VDO.Ninja room could not be read; a new one was made: {}", e.getMessage());
            }
        }
        room = loaded != null ? loaded : save(VdoRoom.create(VdoRoom.DEFAULT_BASE));
    }

    public void setActive(boolean on) {
        active = on;
    }

    public VdoRoom room() {
        if (!active) throw new NotActive();
        return room;
    }

    public synchronized VdoRoom configure(JsonNode json) throws IOException {
        return room = save(room().with(json));
    }

    /** A new room id and password: every link given out before stops working. */
    public synchronized VdoRoom renew() throws IOException {
        VdoRoom old = room();
        VdoRoom fresh = VdoRoom.create(old.baseUrl());
        return room = save(new VdoRoom(old.baseUrl(), fresh.room(), fresh.password(), old.layout(), old.guests()));
    }

    private VdoRoom save(VdoRoom r) throws IOException {
        store.set("room", Json.MAPPER.writeValueAsString(r));
        return r;
    }
}
